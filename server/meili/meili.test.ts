import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeKey } from '../../engine/index.js';
import { startTestServer, type TestServer } from '../testing.js';
import { filterArb, userText } from './filter-testing.js';

const SEEDS = ['000_e8a1e4d83fa26186', '001_3431661771170256', '002_c52ea022b2925429', '003_208ac20070cf99a8'];
const SCO_EVENT = ['fx/kk-cyrl/sco-astana', 'fx/kk-latn/sco-astana', 'fx/ru/sco-astana'];
const PUBLIC = ['id', 'title', 'body', 'date', 'year', 'lang', 'source', 'url', 'org'];

let server: TestServer;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: json, text, headers: res.headers };
}
const search = async (body: Record<string, unknown>) => {
  const res = await call('POST', '/meili/indexes/articles/search', body);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const ids = (body: { hits: { id: string }[] }) => body.hits.map((h) => h.id).sort();

/**
 * The engine's own answer to the same request on izde's index (the shapes /meili must speak). The index holds its
 * keys in the engine key code (engine/key-code.ts), so the engine is asked for the words in it — «Астана» as the exact
 * key `astana` — to find what izde finds.
 */
async function engine(path: string, body: unknown) {
  const coded = (q: unknown) =>
    typeof q === 'string'
      ? q
          .split(' ')
          .map((w) => encodeKey(w.toLowerCase()))
          .join(' ')
      : q;
  const codedQuery = (o: unknown) =>
    o && typeof o === 'object' && !Array.isArray(o) && typeof (o as { q?: unknown }).q === 'string'
      ? { ...o, q: coded((o as { q: string }).q) }
      : o;
  const queries = (body as { queries?: unknown } | null)?.queries;
  const request = Array.isArray(queries) ? { ...(body as object), queries: queries.map(codedQuery) } : codedQuery(body);
  const res = await fetch(`${server.gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.gateway.admin.config.apiKey}` },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json()) as any };
}
const keysOf = (o: object) => Object.keys(o).sort();

beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles', 'server/fixtures'] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('answers in Meilisearch 1.21 shapes (checked against the engine itself)', () => {
  it.each<[string, Record<string, unknown>]>([
    ['offset/limit with facets and highlights', { q: 'Астана', facets: ['year', 'org'], attributesToHighlight: ['*'] }],
    ['page/hitsPerPage', { q: 'Астана', page: 1, hitsPerPage: 2 }],
    [
      'crop and matches',
      { q: 'Астана', attributesToCrop: ['body:5'], showMatchesPosition: true, showRankingScore: true },
    ],
    ['nothing found', { q: 'zzzzqqqq', facets: ['year'] }],
  ])('search: %s', async (_name, body) => {
    const retrieve = { attributesToRetrieve: PUBLIC };
    const ours = await search({ ...body, ...retrieve });
    const theirs = await engine('/indexes/articles/search', { ...body, ...retrieve });
    expect(theirs.status).toBe(200);
    expect(keysOf(ours)).toEqual(keysOf(theirs.body));
    if (theirs.body.hits.length > 0) {
      expect(keysOf(ours.hits[0])).toEqual(keysOf(theirs.body.hits[0]));
      // The engine formats its internal fields too; izde shows public ones only.
      const formatted = theirs.body.hits[0]._formatted;
      if (formatted)
        expect(keysOf(ours.hits[0]._formatted)).toEqual(keysOf(formatted).filter((k) => PUBLIC.includes(k)));
      expect(typeof ours.hits[0]._formatted?.year).toBe(typeof theirs.body.hits[0]._formatted?.year);
    }
    if (theirs.body.facetStats) expect(keysOf(ours.facetStats)).toEqual(keysOf(theirs.body.facetStats));
  });

  it.each<[string, Record<string, unknown>]>([
    ['federated, merged facets', { federation: { limit: 3, facetsByIndex: { articles: ['year'] }, mergeFacets: {} } }],
    ['federated, facets by index', { federation: { limit: 3, facetsByIndex: { articles: ['year'] } } }],
    ['federated, no facets', { federation: { offset: 1 } }],
    ['not federated', {}],
  ])('multi-search: %s', async (_name, extra) => {
    const queries = [
      { indexUid: 'articles', q: 'Астана', attributesToRetrieve: ['id'] },
      { indexUid: 'articles', q: 'НАТО', attributesToRetrieve: ['id'] },
    ];
    const res = await call('POST', '/meili/multi-search', { queries, ...extra });
    const theirs = await engine('/multi-search', { queries, ...extra });
    expect(res.status, res.text).toBe(200);
    expect(keysOf(res.body)).toEqual(keysOf(theirs.body));
    if (res.body.hits) {
      expect(keysOf(res.body.hits[0])).toEqual(keysOf(theirs.body.hits[0]));
      expect(keysOf(res.body.hits[0]._federation)).toEqual(keysOf(theirs.body.hits[0]._federation));
    } else {
      expect(res.body.results.map(keysOf)).toEqual(theirs.body.results.map(keysOf));
    }
    if (res.body.facetsByIndex) {
      expect(keysOf(res.body.facetsByIndex.articles)).toEqual(keysOf(theirs.body.facetsByIndex.articles));
    }
  });

  it('facet search', async () => {
    const res = await call('POST', '/meili/indexes/articles/facet-search', { facetName: 'org', facetQuery: 'S' });
    const theirs = await engine('/indexes/articles/facet-search', { facetName: 'org', facetQuery: 'S' });
    expect(keysOf(res.body)).toEqual(keysOf(theirs.body));
    expect(keysOf(res.body.facetHits[0])).toEqual(keysOf(theirs.body.facetHits[0]));
  });

  it('errors', async () => {
    const bodies = [{ q: 'x', filter: 'bogus = 1' }, { q: 5 }, { limit: -1 }, { bogus: 1 }];
    for (const body of bodies) {
      const ours = await call('POST', '/meili/indexes/articles/search', body);
      const theirs = await engine('/indexes/articles/search', body);
      expect(ours.status, JSON.stringify(body)).toBe(theirs.status);
      expect(keysOf(ours.body)).toEqual(keysOf(theirs.body));
      expect(ours.body.code).toBe(theirs.body.code);
    }
  });

  it.each<[string, unknown]>([
    ['/indexes/articles/facet-search', { facetName: 'org', facetQuery: 5 }],
    ['/indexes/articles/facet-search', { facetName: 'org', exhaustiveFacetCount: 'x' }],
    ['/indexes/articles/facet-search', { facetName: 5 }],
    ['/indexes/articles/facet-search', { facetName: 'org', q: 5 }],
    ['/indexes/articles/facet-search', { facetName: 'org', filter: 'bogus = 1' }],
    ['/multi-search', { queries: 5 }],
    ['/multi-search', { queries: [5] }],
    ['/multi-search', { queries: [], federation: { limit: 'x' } }],
    ['/multi-search', { queries: [], federation: { offset: -1 } }],
    ['/multi-search', { queries: [], federation: { facetsByIndex: 5 } }],
    ['/multi-search', { queries: [], federation: { mergeFacets: { maxValuesPerFacet: 'x' } } }],
    ['/multi-search', { queries: [{ indexUid: 'articles', federationOptions: { weight: 'x' } }], federation: {} }],
    ['/multi-search', { queries: [{ indexUid: 5 }] }],
  ])('errors of %s %j: the engine’s code and wording', async (path, body) => {
    const ours = await call('POST', `/meili${path}`, body);
    const theirs = await engine(path, body);
    expect(ours.status).toBe(theirs.status);
    expect(ours.body.code).toBe(theirs.body.code);
    // The wording up to the value found (the engine lists its own internal attributes after it).
    const head = (m: string) => m.split(/: `|\. Available/)[0];
    expect(head(ours.body.message)).toBe(head(theirs.body.message));
  });

  it.each<[unknown]>([
    [{ q: [1] }],
    [{ q: { a: 1 } }],
    [{ limit: 1.5 }],
    [{ limit: -1 }],
    [{ offset: 'x' }],
    [{ hitsPerPage: 'x' }],
    [{ cropLength: -1 }],
    [[]],
  ])('search errors %j: the engine’s code and wording', async (body) => {
    const ours = await call('POST', '/meili/indexes/articles/search', body);
    const theirs = await engine('/indexes/articles/search', body);
    expect(ours.body.code).toBe(theirs.body.code);
    expect(ours.body.message).toBe(theirs.body.message);
  });
});

describe('every query goes through izde’s analysis', () => {
  it('«Қазақстанның» finds the Kazakh seeds, its forms marked in the asked tags', async () => {
    const body = await search({
      q: 'Қазақстанның',
      attributesToHighlight: ['title'],
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
      limit: 50,
    });
    expect(ids(body)).toEqual(expect.arrayContaining(SEEDS));
    const first = body.hits.find((h: { id: string }) => h.id === SEEDS[0]);
    expect(first._formatted.title).toMatch(/<mark>Қазақстан[^<]*<\/mark>/);
    expect(first._formatted.body).toBe(first.body); // body not asked: not marked
  });

  it.each([
    ['Latin', 'Qazaqstannyń'],
    ['folded letters', 'казакстаннын'],
    ['wrong keyboard layout', 'rfpf[cnfy'],
  ])('%s: %s', async (_name, q) => {
    const body = await search({ q, limit: 50 });
    expect(body.estimatedTotalHits).toBeGreaterThan(0);
    expect(body.query).toBe(q);
  });

  it.each(['ШОС', 'ШЫҰ', 'SCO', 'шос'])('%s finds the summit in every language and script', async (q) => {
    const body = await search({ q, limit: 50, attributesToHighlight: ['title'] });
    expect(ids(body)).toEqual(expect.arrayContaining(SCO_EVENT));
    const latn = body.hits.find((h: { id: string }) => h.id === 'fx/kk-latn/sco-astana');
    expect(latn._formatted.title).toContain('<em>ShYU</em>');
  });

  it('«НАТО» does not match «на то»', async () => {
    expect(ids(await search({ q: 'НАТО' }))).toEqual(['fx/ru/nato']);
  });

  it('an empty query browses, newest first', async () => {
    const body = await search({ q: '', limit: 50 });
    expect(body.estimatedTotalHits).toBe(12);
    const dates = body.hits.map((h: { date: string | null; year: number | null }) => h.date ?? `${h.year ?? 0}`);
    const known = dates.filter((d: string) => d !== '0');
    expect([...known].sort().reverse()).toEqual(known);
  });
});

describe('fields', () => {
  it('only public fields, whatever is asked', async () => {
    const res = await call('POST', '/meili/indexes/articles/search', {
      q: 'Астана',
      attributesToRetrieve: ['*', 'title_x', 'body_s', 'key', 'ts', 'dateSource', 'persons'],
      attributesToHighlight: ['title_f', '*'],
      attributesToCrop: ['body_x'],
    });
    for (const hit of res.body.hits) {
      expect(Object.keys(hit).filter((k) => !k.startsWith('_'))).toEqual(PUBLIC);
      expect(Object.keys(hit._formatted)).toEqual(PUBLIC);
    }
    expect(res.text).not.toMatch(/title_|body_|"key"|"ts"|dateSource|persons/);
  });

  it('facets: distribution and year stats over the matches', async () => {
    const body = await search({ q: 'Қазақстан', facets: ['*'], limit: 0 });
    expect(Object.keys(body.facetDistribution).sort()).toEqual(['lang', 'org', 'source', 'year']);
    const years = Object.keys(body.facetDistribution.year).map(Number);
    expect(body.facetStats).toEqual({ year: { min: Math.min(...years), max: Math.max(...years) } });
    expect(body.hits).toEqual([]);
  });

  it('refuses facets on fields that are not filterable', async () => {
    const res = await call('POST', '/meili/indexes/articles/search', { facets: ['title'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_search_facets');
  });
});

describe('filters', () => {
  it.each<[string, unknown, (hit: any) => boolean]>([
    ['a string', 'year = 2024', (h) => h.year === 2024],
    [
      'InstantSearch’s quoted form',
      ['"year">=2020', '"year"<=2024', ['"lang"="ru"', '"lang"="kk"']],
      (h) => h.year >= 2020 && h.year <= 2024 && ['ru', 'kk'].includes(h.lang),
    ],
    ['TO', 'year 2019 TO 2023', (h) => h.year >= 2019 && h.year <= 2023],
    [
      'IN and NOT',
      'org IN [SCO, CIS] AND NOT lang = ru',
      (h) => h.lang !== 'ru' && h.org.some((o: string) => ['SCO', 'CIS'].includes(o)),
    ],
    ['an id', 'id = "fx/xss <b>" OR id = "fx/ru/nato"', (h) => ['fx/xss <b>', 'fx/ru/nato'].includes(h.id)],
    ['EXISTS / IS EMPTY', 'org IS NOT EMPTY', (h) => h.org.length > 0],
  ])('%s', async (_name, filter, holds) => {
    const all = await search({ q: '', limit: 50 });
    const body = await search({ q: '', filter, limit: 50 });
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.every(holds)).toBe(true);
    expect(body.hits.length).toBe(all.hits.filter(holds).length);
  });

  it('a value cannot break out of its quotes', async () => {
    const body = await search({ q: '', filter: `source = "x\\" OR year = 2024 OR source = \\"y"` });
    expect(body.hits).toEqual([]);
  });

  it.each<[unknown]>([
    ['title = x'],
    ['key = "x"'],
    ['year = '],
    ['year = 2024 and org = SCO'],
    [[['a = 1', ['b = 2']]]],
    [5],
  ])('%j → invalid_search_filter', async (filter) => {
    const res = await call('POST', '/meili/indexes/articles/search', { filter });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_search_filter', type: 'invalid_request' });
    expect(res.body.link).toBe('https://docs.meilisearch.com/errors#invalid_search_filter');
  });
});

describe('paging and sort', () => {
  it('offset/limit pages without repeats; page/hitsPerPage counts pages', async () => {
    const all = await search({ q: 'Қазақстан', limit: 50 });
    const pages: string[] = [];
    for (let offset = 0; offset < all.estimatedTotalHits; offset += 3) {
      pages.push(...(await search({ q: 'Қазақстан', limit: 3, offset })).hits.map((h: { id: string }) => h.id));
    }
    expect(pages).toEqual(all.hits.map((h: { id: string }) => h.id));
    const finite = await search({ q: 'Қазақстан', hitsPerPage: 3, page: 2 });
    expect(finite).toMatchObject({ hitsPerPage: 3, page: 2, totalHits: all.estimatedTotalHits });
    expect(finite.totalPages).toBe(Math.ceil(all.estimatedTotalHits / 3));
    expect(finite.hits.map((h: { id: string }) => h.id)).toEqual(pages.slice(3, 6));
  });

  it('sorts by date both ways', async () => {
    const key = (h: { date: string | null; year: number | null }) => h.date ?? `${h.year}`;
    const desc = (await search({ q: 'Қазақстан', sort: ['date:desc'], limit: 50 })).hits.map(key);
    const asc = (await search({ q: 'Қазақстан', sort: ['year:asc'], limit: 50 })).hits.map(key);
    expect([...desc].sort().reverse()).toEqual(desc);
    expect(asc).toEqual([...desc].reverse());
    const res = await call('POST', '/meili/indexes/articles/search', { sort: ['title:asc'] });
    expect(res.body.code).toBe('invalid_search_sort');
  });
});

describe('GET search, multi-search and facet search', () => {
  it('GET takes the parameters in the query string', async () => {
    const res = await call(
      'GET',
      `/meili/indexes/articles/search?q=${encodeURIComponent('НАТО')}&attributesToRetrieve=id&attributesToHighlight=title&filter=${encodeURIComponent('year = 2023')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.hits).toEqual([
      { id: 'fx/ru/nato', _formatted: { id: 'fx/ru/nato', title: 'Генсек <em>НАТО</em> посетил Брюссель' } },
    ]);
  });

  it('multi-search answers each query; federation merges them and says which query found a hit', async () => {
    const queries = [
      { indexUid: 'articles', q: 'НАТО', attributesToRetrieve: ['id'] },
      { indexUid: 'articles', q: 'Brexit', attributesToRetrieve: ['id'], attributesToHighlight: ['title'] },
    ];
    const separate = await call('POST', '/meili/multi-search', { queries });
    expect(
      separate.body.results.map((r: { indexUid: string; hits: { id: string }[] }) => [
        r.indexUid,
        r.hits.map((h) => h.id),
      ]),
    ).toEqual([
      ['articles', ['fx/ru/nato']],
      ['articles', ['fx/ru/brexit']],
    ]);
    const merged = await call('POST', '/meili/multi-search', { federation: {}, queries });
    expect(merged.status).toBe(200);
    const positions = Object.fromEntries(merged.body.hits.map((h: any) => [h.id, h._federation.queriesPosition]));
    expect(positions).toEqual({ 'fx/ru/nato': 0, 'fx/ru/brexit': 1 });
    const brexit = merged.body.hits.find((h: { id: string }) => h.id === 'fx/ru/brexit');
    expect(brexit._formatted.title).toBe('Парламент снова обсудил <em>Brexit</em>');
  });

  it.each<[string, unknown, string]>([
    [
      'pagination inside a federated query',
      { federation: {}, queries: [{ indexUid: 'articles', limit: 3 }] },
      'invalid_multi_search_query_pagination',
    ],
    [
      'facets inside a federated query',
      { federation: {}, queries: [{ indexUid: 'articles', facets: ['year'] }] },
      'invalid_multi_search_query_facets',
    ],
    [
      'federationOptions without federation',
      { queries: [{ indexUid: 'articles', federationOptions: { weight: 2 } }] },
      'invalid_multi_search_federation_options',
    ],
    [
      'a negative weight',
      { federation: {}, queries: [{ indexUid: 'articles', federationOptions: { weight: -1 } }] },
      'invalid_multi_search_weight',
    ],
    ['no indexUid', { queries: [{ q: 'x' }] }, 'missing_index_uid'],
    ['another index', { queries: [{ indexUid: 'other' }] }, 'index_not_found'],
    [
      'a bad filter in the second query',
      { queries: [{ indexUid: 'articles' }, { indexUid: 'articles', filter: 'x = 1' }] },
      'invalid_search_filter',
    ],
  ])('%s → %s', async (_name, body, code) => {
    const res = await call('POST', '/meili/multi-search', body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.code).toBe(code);
  });

  it('facet search finds an organization by any of its names, a year by its digits', async () => {
    const org = await call('POST', '/meili/indexes/articles/facet-search', { facetName: 'org', facetQuery: 'шос' });
    expect(org.body.facetHits.map((h: { value: string }) => h.value)).toEqual(['SCO']);
    expect(org.body.facetQuery).toBe('шос');
    const year = await call('POST', '/meili/indexes/articles/facet-search', {
      facetName: 'year',
      facetQuery: '202',
      q: 'Қазақстан',
      filter: 'lang = kk',
    });
    expect(year.body.facetHits.length).toBeGreaterThan(0);
    for (const h of year.body.facetHits) expect(h.value).toMatch(/^202/);
    const bad = await call('POST', '/meili/indexes/articles/facet-search', { facetName: 'title' });
    expect(bad.body.code).toBe('invalid_facet_search_facet_name');
    const missing = await call('POST', '/meili/indexes/articles/facet-search', { facetQuery: 'x' });
    expect(missing.body.code).toBe('missing_facet_search_facet_name');
  });
});

describe('read-only, and errors in Meilisearch’s shape', () => {
  it.each<[string, string, number, string]>([
    ['POST', '/meili/indexes/articles/documents', 405, 'method_not_allowed'],
    ['PUT', '/meili/indexes/articles/documents', 405, 'method_not_allowed'],
    ['DELETE', '/meili/indexes/articles', 405, 'method_not_allowed'],
    ['PATCH', '/meili/indexes/articles/settings', 405, 'method_not_allowed'],
    ['POST', '/meili/indexes', 405, 'method_not_allowed'],
    ['POST', '/meili/keys', 405, 'method_not_allowed'],
    ['POST', '/meili/swap-indexes', 405, 'method_not_allowed'],
    ['DELETE', '/meili/tasks', 405, 'method_not_allowed'],
    ['PUT', '/meili/indexes/articles/search', 405, 'method_not_allowed'],
    ['GET', '/meili/indexes/articles/documents', 404, 'route_not_found'],
    ['GET', '/meili/keys', 404, 'route_not_found'],
    ['GET', '/meili/tasks', 404, 'route_not_found'],
    ['GET', '/meili/indexes/articles/facet-search', 405, 'method_not_allowed'],
    ['POST', '/meili/indexes/other/search', 404, 'index_not_found'],
  ])('%s %s → %i %s', async (method, path, status, code) => {
    const res = await call(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code, type: 'invalid_request' });
    expect(typeof res.body.message).toBe('string');
    if (status === 405) expect(res.headers.has('allow')).toBe(true);
  });

  it.each<[string, string, Record<string, string>, number, string]>([
    ['malformed JSON', '{"q":', { 'content-type': 'application/json' }, 400, 'malformed_payload'],
    [
      'another content type',
      'q=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'invalid_content_type',
    ],
    ['no body', '', { 'content-type': 'application/json' }, 400, 'missing_payload'],
  ])('%s', async (_name, body, headers, status, code) => {
    const res = await fetch(`${server.url}/meili/indexes/articles/search`, { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { code: string }).code).toBe(code);
  });

  it('health and version', async () => {
    const health = await call('GET', '/meili/health');
    expect(health.body).toEqual({ status: 'available' });
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect((await call('GET', '/meili/version')).body).toMatchObject({ pkgVersion: '1.21.0' });
  });
});

describe('filter fuzzing against the engine (fast-check over the filter grammar)', () => {
  /** Ids the engine itself selects with the filter text as the client wrote it: the oracle, used by this test only. */
  async function engineIds(filter: string): Promise<string[] | { code: string }> {
    const res = await engine('/indexes/articles/search', { q: '', filter, limit: 100, attributesToRetrieve: ['id'] });
    return res.status === 200 ? res.body.hits.map((h: { id: string }) => h.id).sort() : { code: res.body.code };
  }
  async function meiliIds(q: string, filter: string | undefined) {
    return call('POST', '/meili/indexes/articles/search', {
      q,
      ...(filter === undefined ? {} : { filter }),
      limit: 100,
      attributesToRetrieve: ['id'],
    });
  }

  it('a filter selects exactly what the engine selects with it, and never widens a query’s results', async () => {
    const facets = (await search({ q: '', facets: ['year', 'org', 'lang', 'source'], limit: 0 })).facetDistribution;
    const valuesByField = Object.fromEntries(
      Object.entries(facets).map(([field, counts]) => [field, Object.keys(counts as Record<string, number>)]),
    );
    const arb = filterArb({ fields: ['year', 'org', 'lang', 'source'], valuesByField }).chain((expr) => userText(expr));
    const query = 'Қазақстан';
    const withQuery = ids((await meiliIds(query, undefined)).body);
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(arb, async (text) => {
        const oracle = await engineIds(text);
        const browse = await meiliIds('', text);
        if (!Array.isArray(oracle)) {
          // The engine refuses it: izde refuses it too, as a client error, never a 500.
          expect(browse.status, `${text}: ${browse.text}`).toBe(400);
          return;
        }
        expect(browse.status, `${text}: ${browse.text}`).toBe(200);
        expect(ids(browse.body), text).toEqual(oracle);
        const searched = ids((await meiliIds(query, text)).body);
        expect(searched, text).toEqual(withQuery.filter((id: string) => oracle.includes(id)));
        compared++;
      }),
      { numRuns: 80 },
    );
    expect(compared).toBeGreaterThan(40);
  }, 60_000);
});
