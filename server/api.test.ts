import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../analyzers/index.js';
import { searchPath, startTestServer, type TestServer } from './testing.js';

const SEEDS = ['000_e8a1e4d83fa26186', '001_3431661771170256', '002_c52ea022b2925429', '003_208ac20070cf99a8'];
const RU_SEED = '004_44d1df548d4bf7b7';

let server: TestServer;
const ids = (body: { hits: { id: string }[] }) => body.hits.map((h) => h.id).sort();
const search = async (params: Record<string, string | number | (string | number)[]>) => {
  const res = await server.get(searchPath({ limit: 100, ...params }));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles', 'server/fixtures'] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('GET /api/health', () => {
  it('reports Meilisearch and the document count', async () => {
    const res = await server.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      meilisearch: 'available',
      documents: 12,
      analyzerVersion: ANALYZER_VERSION,
      indexAnalyzerVersions: { [ANALYZER_VERSION]: 12 },
    });
  });
});

describe('GET /api/search: Kazakh morphology on the seeds', () => {
  it('«Қазақстанның» finds the four Kazakh seeds', async () => {
    const body = await search({ q: 'Қазақстанның' });
    expect(ids(body)).toEqual(expect.arrayContaining(SEEDS));
    expect(body.hits.find((h: { id: string }) => h.id === SEEDS[0]).snippet).toMatch(/<mark>Қазақстан/);
  });

  it('«министрлері» finds the ministers’ articles', async () => {
    const body = await search({ q: 'министрлері' });
    expect(ids(body)).toEqual(expect.arrayContaining([SEEDS[0], SEEDS[1], SEEDS[2]]));
  });

  it('answers in the contract’s shape', async () => {
    const body = await search({ q: 'Қазақстан', limit: 2 });
    expect(body).toMatchObject({ query: 'Қазақстан', page: 1, limit: 2 });
    expect(typeof body.tookMs).toBe('number');
    expect(body.hits).toHaveLength(2);
    for (const hit of body.hits) {
      expect(Object.keys(hit)).toEqual(
        expect.arrayContaining(['id', 'title', 'snippet', 'date', 'year', 'lang', 'source', 'url', 'orgs']),
      );
      expect(hit.lang).toMatch(/^(kk|ru)/);
    }
    expect(Object.keys(body.facets).sort()).toEqual(['lang', 'org', 'source', 'year']);
  });
});

describe('facets', () => {
  it('counts years and organizations', async () => {
    const body = await search({ q: 'Қазақстан' });
    expect(body.facets.year['2025']).toBeGreaterThan(0);
    expect(body.facets.org.CIS).toBeGreaterThan(0);
  });

  it('a year narrows the list, and its own facet stays disjunctive', async () => {
    const all = await search({ q: 'Қазақстан' });
    const narrowed = await search({ q: 'Қазақстан', year: 2025 });
    expect(narrowed.total).toBeLessThan(all.total);
    expect(narrowed.hits.every((h: { year: number }) => h.year === 2025)).toBe(true);
    expect(narrowed.facets.year).toEqual(all.facets.year); // other years still visible with their counts
  });

  it('OR within a facet, AND across facets', async () => {
    const two = await search({ q: 'Қазақстан', year: [2019, 2025] });
    expect(new Set(two.hits.map((h: { year: number }) => h.year))).toEqual(new Set([2019, 2025]));
    const both = await search({ q: 'Қазақстан', year: [2019, 2025], org: 'SCO' });
    expect(both.total).toBe(0);
    expect(both.facets.org.SCO).toBe(0); // selected value shown with 0 so it can be unticked
  });
});

describe('browse, sort and pagination', () => {
  it('an empty query browses everything, newest first, with facets', async () => {
    const body = await search({ q: '' });
    expect(body.total).toBe(12);
    const dates = body.hits.map((h: { date: string | null; year: number | null }) => h.date ?? `${h.year ?? 0}`);
    const known = dates.filter((d: string) => d !== '0');
    expect([...known].sort().reverse()).toEqual(known);
    expect(Object.values(body.facets.year).reduce((a: number, b) => a + (b as number), 0)).toBeGreaterThan(0);
  });

  it('sorts by date both ways', async () => {
    const desc = await search({ q: 'Қазақстан', sort: 'date_desc' });
    const asc = await search({ q: 'Қазақстан', sort: 'date_asc' });
    const key = (h: { date: string | null; year: number | null }) => h.date ?? `${h.year}`;
    const d = desc.hits.map(key);
    expect([...d].sort().reverse()).toEqual(d);
    expect(asc.hits.map(key)).toEqual([...d].reverse());
  });

  it('pages through results without repeats', async () => {
    const all = await search({ q: 'Қазақстан', limit: 100 });
    const pages = [];
    for (let page = 1; page <= all.total; page++) {
      const body = await search({ q: 'Қазақстан', limit: 1, page });
      expect(body.hits).toHaveLength(1);
      pages.push(body.hits[0].id);
    }
    expect(pages).toEqual(all.hits.map((h: { id: string }) => h.id));
    const beyond = await search({ q: 'Қазақстан', limit: 1, page: all.total + 1 });
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(all.total);
  });
});

describe('across scripts and languages', () => {
  it('Kazakh Cyrillic, Kazakh Latin and Russian articles about one event find each other', async () => {
    const event = ['fx/kk-cyrl/sco-astana', 'fx/kk-latn/sco-astana', 'fx/ru/sco-astana'];
    for (const q of ['ШЫҰ', 'ШОС', 'SCO', 'Шанхай ынтымақтастық ұйымы', 'Шанхайской организации сотрудничества']) {
      expect(ids(await search({ q })), q).toEqual(expect.arrayContaining(event));
    }
    for (const q of ['Тоқаев', 'Токаев', 'Toqaev']) {
      expect(ids(await search({ q })), q).toEqual(expect.arrayContaining(event));
    }
    expect(ids(await search({ q: 'саммиті' }))).toEqual(
      expect.arrayContaining(['fx/kk-cyrl/sco-astana', 'fx/kk-latn/sco-astana']),
    );
  });

  it('a foreign name meets itself in the other script (Brexit ~ Брексит ~ Брекзит)', async () => {
    for (const q of ['Брексит', 'брекзита', 'Brexit']) expect(ids(await search({ q })), q).toEqual(['fx/ru/brexit']);
    const body = await search({ q: 'Брексит' });
    expect(body.hits[0].titleHtml).toContain('<mark>Brexit</mark>');
  });

  it('common words stay in their language: Kazakh «министрлері» does not find a Russian «министр»', async () => {
    const kazakh = ids(await search({ q: 'министрлері' }));
    expect(kazakh).not.toContain('004_44d1df548d4bf7b7');
    expect(kazakh.every((id: string) => !id.startsWith('fx/ru/'))).toBe(true);
  });

  it('words far apart are no match for a query of several words', async () => {
    expect(ids(await search({ q: 'Астана саммит' }))).toEqual(
      expect.arrayContaining(['fx/ru/sco-astana', 'fx/kk-cyrl/sco-astana']),
    );
    expect(ids(await search({ q: 'Тоқаев Ресей' }))).toEqual([]); // both in one article, but sentences apart
  });

  it('Kazakh typed with Russian letters meets the real spelling', async () => {
    expect(ids(await search({ q: 'казакстаннын' }))).toEqual(expect.arrayContaining(SEEDS));
  });

  it('marks the inflected and transliterated forms it matched', async () => {
    const body = await search({ q: 'ынтымақтастық' });
    const latn = body.hits.find((h: { id: string }) => h.id === 'fx/kk-latn/sco-astana');
    expect(latn.snippet).toMatch(/<mark>yntymaqtastyq<\/mark>/);
    expect(latn.snippet).toMatch(/<mark>yntymaqtastyqty<\/mark>/);
  });
});

describe('precision', () => {
  it('«НАТО» does not match the two words «на то»', async () => {
    expect(ids(await search({ q: 'НАТО' }))).toEqual(['fx/ru/nato']);
  });

  it('a word only in page furniture finds nothing', async () => {
    for (const q of ['ЛГБТ', 'Euronews', 'Подписывайтесь', 'Alison']) expect((await search({ q })).total, q).toBe(0);
  });
});

describe('wrong keyboard layout', () => {
  it('«rfpf[cnfy» shows results for «казахстан» and says so', async () => {
    const body = await search({ q: 'rfpf[cnfy' });
    expect(body.total).toBeGreaterThan(0);
    expect(body.correction).toEqual({ query: 'казахстан', original: 'rfpf[cnfy', reason: 'keyboard-layout' });
    expect(ids(body)).toContain(RU_SEED);
  });

  it('correct=0 searches exactly what was typed', async () => {
    const body = await search({ q: 'rfpf[cnfy', correct: 0 });
    expect(body.total).toBe(0);
    expect(body.correction).toBeUndefined();
  });
});

describe('safe HTML', () => {
  it('keeps markup in titles and bodies as text', async () => {
    const body = await search({ q: 'Kazakhstan' });
    const hit = body.hits.find((h: { id: string }) => h.id === 'fx/xss <b>');
    expect(hit).toBeDefined();
    for (const html of [hit.snippet, hit.titleHtml]) {
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(html).toContain('&lt;');
    }
  });
});

describe('GET /api/articles/:id', () => {
  it('returns the whole clean article by its original id, whatever characters it holds', async () => {
    const res = await server.get(`/api/articles/${encodeURIComponent('fx/xss <b>')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'fx/xss <b>', lang: 'en', year: 2021 });
    expect(res.body.body).toContain('<script>alert(3)</script>');
  });

  it('has the seed’s clean body, without its furniture', async () => {
    const res = await server.get(`/api/articles/${SEEDS[3]}`);
    expect(res.status).toBe(200);
    expect(res.body.body).toContain('Чжан Мин');
    expect(res.body.body).not.toContain('ЛГБТ');
  });

  it('404 with an error body for an unknown id', async () => {
    const res = await server.get('/api/articles/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/suggest', () => {
  it('completes a prefix in the script typed', async () => {
    const cyr = await server.get('/api/suggest?q=%D2%9A%D0%B0%D0%B7'); // «Қаз»
    expect(cyr.status).toBe(200);
    expect(cyr.body.suggestions.map((s: { text: string }) => s.text.toLowerCase())).toEqual(
      expect.arrayContaining([expect.stringMatching(/^қазақстан/)]),
    );
    const lat = await server.get('/api/suggest?q=Qaz');
    expect(lat.body.suggestions.some((s: { text: string }) => /^qaz/i.test(s.text))).toBe(true);
  });
});

describe('errors', () => {
  it.each([
    ['/api/search?limit=0', 400, 'BAD_PARAMETER'],
    ['/api/search?limit=500', 400, 'BAD_PARAMETER'],
    ['/api/search?page=abc', 400, 'BAD_PARAMETER'],
    ['/api/search?sort=bogus', 400, 'BAD_PARAMETER'],
    ['/api/search?q=a&q=b', 400, 'BAD_PARAMETER'],
    ['/api/search?year=20x4', 400, 'BAD_PARAMETER'],
    ['/api/nothing-here', 404, 'NOT_FOUND'],
  ])('%s → %i %s', async (path, status, code) => {
    const res = await server.get(path);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  });

  it('a filter value cannot break out of its quotes', async () => {
    const body = await search({ q: '', source: 'x" OR year = 2024 OR source = "y' });
    expect(body.total).toBe(0);
  });

  it('sets security headers', async () => {
    const res = await server.get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
