/**
 * The API behind the search page's histogram, script toggle and no-dead-end offers (issue 12): year spans and
 * articles without a year, Kazakh text in the reader's script with marks kept, alternatives when nothing matches,
 * snippets that start at a sentence. Real Meilisearch, the seeds and server fixtures plus a few records of our own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPath, startTestServer, type TestServer } from './testing.js';

const EXTRA = [
  // No date and no year anywhere in the text: counted and selected as "no year".
  {
    id: 'page/no-year-1',
    lang: 'ru',
    title: 'Заметка о парламенте без даты',
    source: 'undated.test',
    text: 'Парламент обсудил бюджет. Депутаты не пришли к согласию.',
  },
  {
    id: 'page/no-year-2',
    lang: 'kk',
    title: 'Парламент туралы күнсіз жазба',
    source: 'undated.test',
    text: 'Парламент отырысы өтті. Депутаттар бюджетті талқылады.',
  },
  {
    id: 'page/long-sentences',
    lang: 'ru',
    title: 'Длинный материал о переговорах',
    date: '2020-02-02',
    source: 'long.test',
    text:
      'Первое предложение этого материала рассказывает о погоде и ни о чём больше. ' +
      'Второе предложение говорит о дорогах, мостах и ремонте трасс в нескольких областях страны. ' +
      'Третье предложение тоже о другом: о ценах на хлеб, о молоке и о мясе на рынках. ' +
      'Четвёртое предложение наконец упоминает переговоры министров в Женеве о торговле. ' +
      'Пятое предложение снова уходит в сторону и рассказывает о футболе и хоккее. ' +
      'Шестое предложение завершает материал словами благодарности читателям за внимание.',
  },
];

let server: TestServer;
const search = async (params: Record<string, string | number | (string | number)[]>) => {
  const res = await server.get(searchPath({ limit: 100, ...params }));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles', 'server/fixtures'], articles: EXTRA });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('year span and articles without a year', () => {
  it('year_from/year_to narrow to the span while the year counts stay disjunctive', async () => {
    const all = await search({ q: '' });
    const span = await search({ q: '', year_from: 2023, year_to: 2024 });
    const inSpan = Object.entries(all.facets.year as Record<string, number>)
      .filter(([y]) => Number(y) >= 2023 && Number(y) <= 2024)
      .reduce((n, [, c]) => n + c, 0);
    expect(span.total).toBe(inSpan);
    expect(span.hits.every((h: { year: number }) => h.year >= 2023 && h.year <= 2024)).toBe(true);
    expect(span.facets.year).toEqual(all.facets.year);
    expect(span.noYear).toBe(all.noYear);
    // The other facets count only the span.
    expect(sum(span.facets.lang)).toBe(span.total);
  });

  it('an open span reaches to the oldest or newest year', async () => {
    const from = await search({ q: '', year_from: 2024 });
    expect(from.total).toBeGreaterThan(0);
    expect(from.hits.every((h: { year: number }) => h.year >= 2024)).toBe(true);
    const to = await search({ q: '', year_to: 2020 });
    expect(to.hits.every((h: { year: number }) => h.year <= 2020)).toBe(true);
  });

  it('counts the articles without a year, and year=none selects exactly those', async () => {
    const all = await search({ q: 'парламент' });
    expect(all.noYear).toBe(2);
    expect(all.total).toBe(sum(all.facets.year) + all.noYear);
    const none = await search({ q: 'парламент', year: 'none' });
    expect(none.total).toBe(2);
    expect(none.hits.map((h: { id: string }) => h.id).sort()).toEqual(['page/no-year-1', 'page/no-year-2']);
    expect(none.hits.every((h: { year: number | null }) => h.year === null)).toBe(true);
    expect(none.facets.year).toEqual(all.facets.year); // still disjunctive
    expect(Object.keys(none.facets.year)).not.toContain('none');
    // OR with a year, AND with a span (articles without a year are in no span).
    const withYear = await search({ q: 'парламент', year: ['none', 2019] });
    expect(withYear.total).toBe(2 + (all.facets.year['2019'] ?? 0));
    expect((await search({ q: 'парламент', year: 'none', year_from: 2000 })).total).toBe(0);
  });

  it('a bad span is a 400 that says what is wrong', async () => {
    const res = await server.get(searchPath({ q: 'x', year_from: 2025, year_to: 2020 }));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'BAD_PARAMETER', message: '`year_from` (2025) is after `year_to` (2020)' });
    expect((await server.get(searchPath({ year_to: '20x0' }))).body.error.message).toMatch(/year_to.*four-digit/);
  });
});

describe('script: Kazakh text in the reader’s script', () => {
  it('script=cyrl shows Kazakh Latin hits in Cyrillic, with the marks on the same words', async () => {
    const latin = await search({ q: 'ШЫҰ саммиті', lang: 'kk-Latn' });
    const cyrl = await search({ q: 'ШЫҰ саммиті', lang: 'kk-Latn', script: 'cyrl' });
    expect(latin.hits[0].titleHtml).toBe('Astanada <mark>ShYU</mark> <mark>sammıti</mark> ótti');
    expect(cyrl.hits[0]).toMatchObject({
      id: latin.hits[0].id,
      lang: 'kk-Latn',
      title: 'Астанада ШЫҰ саммиті өтті',
      titleHtml: 'Астанада <mark>ШЫҰ</mark> <mark>саммиті</mark> өтті',
      script: 'cyrl',
    });
    expect(cyrl.hits[0].snippet.match(/<mark>/g)?.length).toBe(latin.hits[0].snippet.match(/<mark>/g)?.length);
    expect(cyrl.hits[0].snippet.replace(/<\/?mark>/g, '')).not.toMatch(/\p{Script=Latin}/u);
    expect(latin.hits[0].script).toBeUndefined();
  });

  it('script=latn shows Kazakh Cyrillic hits in the 2021 Latin alphabet; Russian stays as written', async () => {
    const res = await search({ q: 'ШЫҰ саммиті', script: 'latn' });
    const kk = res.hits.find((h: { lang: string }) => h.lang === 'kk');
    expect(kk.titleHtml).toBe('Astanada <mark>ŞYŪ</mark> <mark>sammitı</mark> öttı');
    const ru = await search({ q: 'саммит ШОС', lang: 'ru', script: 'latn' });
    expect(ru.hits[0].title).toBe('В Астане прошёл саммит ШОС');
    expect(ru.hits[0].script).toBeUndefined();
  });

  it('the reader gets the article in the asked script', async () => {
    const res = await server.get('/api/articles/fx%2Fkk-latn%2Fsco-astana?script=cyrl');
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Астанада ШЫҰ саммиті өтті');
    expect(res.body.body).toMatch(/^Астанада Шанхай ынтымақтастық ұйымы/);
    expect(res.body.script).toBe('cyrl');
    const bad = await server.get('/api/articles/fx%2Fkk-latn%2Fsco-astana?script=arab');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/script/);
  });

  it('a bad script is a 400', async () => {
    const res = await server.get(searchPath({ q: 'x', script: 'latin' }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('`script` must be cyrl or latn');
  });
});

describe('no dead ends', () => {
  it('a Kazakh form that only Russian articles hold offers the same words in Russian, with the count', async () => {
    const res = await search({ q: 'парламенті Brexit' });
    expect(res.total).toBe(0);
    expect(res.alternatives[0]).toEqual({
      query: 'парламент Brexit',
      kind: 'other-language',
      total: 1,
      langs: { ru: 1 },
    });
    // One click: the offered query finds what it promised.
    const offered = await search({ q: res.alternatives[0].query });
    expect(offered.total).toBe(1);
    expect(offered.hits[0].id).toBe('fx/ru/brexit');
  });

  it('offers each word or name alone as a partial match, with counts', async () => {
    const res = await search({ q: 'SCO summit' });
    expect(res.total).toBe(0);
    const sco = await search({ q: 'SCO' });
    expect(res.alternatives).toEqual([{ query: 'SCO', kind: 'partial', total: sco.total, langs: sco.facets.lang }]);
  });

  it('with filters on, offers the query without them', async () => {
    const res = await search({ q: 'Brexit', year: 2024 });
    expect(res.total).toBe(0);
    expect(res.alternatives).toContainEqual({ query: 'Brexit', kind: 'unfiltered', total: 1, langs: { ru: 1 } });
  });

  it('alternatives=0 leaves them out (a page asks for them once the typing stops)', async () => {
    const res = await search({ q: 'парламенті Brexit', alternatives: 0 });
    expect(res.total).toBe(0);
    expect(res.alternatives).toBeUndefined();
    const bad = await server.get(searchPath({ q: 'x', alternatives: 'maybe' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('`alternatives` must be 0 or 1');
  });

  it('says nothing when there is nothing near, and has no alternatives when something matched', async () => {
    expect((await search({ q: 'жжщщъъхх' })).alternatives).toEqual([]);
    expect((await search({ q: 'Brexit' })).alternatives).toBeUndefined();
  });
});

describe('result cards', () => {
  it('a snippet starts at a sentence boundary', async () => {
    const res = await search({ q: 'переговоры Женеве' });
    const snippet = res.hits.find((h: { id: string }) => h.id === 'page/long-sentences').snippet;
    expect(snippet).toMatch(/^… Четвёртое предложение наконец упоминает <mark>переговоры<\/mark>/);
  });

  it('keeps the contract’s fields and adds noYear', async () => {
    const res = await search({ q: 'Қазақстан', limit: 2 });
    expect(Object.keys(res)).toEqual(
      expect.arrayContaining(['query', 'total', 'page', 'limit', 'tookMs', 'hits', 'facets', 'noYear']),
    );
    expect(Object.keys(res.facets).sort()).toEqual(['lang', 'org', 'source', 'year']);
  });
});
