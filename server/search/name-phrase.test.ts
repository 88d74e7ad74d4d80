import { describe, expect, it } from 'vitest';
import { articlesServer } from '../articles-testing.js';

/**
 * A query that is one name of several words, on the real engine (issue 10 item 4): all its words in one passage, in
 * any form. Meilisearch's `byAttribute` proximity asks of separate words only that each neighbouring pair share a
 * passage, so the three words of a name could chain across two sentences.
 */
const ARTICLES = [
  {
    id: 'sco-name',
    lang: 'ru',
    title: 'Саммит прошёл',
    text: 'Саммит Шанхайской организации сотрудничества прошёл в Астане.',
  },
  {
    id: 'sco-apart',
    lang: 'ru',
    title: 'Делегация вернулась',
    text: 'Шанхайская делегация посетила новую организацию.\n\nОрганизация развивает сотрудничество с соседями.',
  },
  {
    id: 'sco-abbr',
    lang: 'kk',
    title: 'Ұйымдар жиналды',
    text: 'Астанада ШЫҰ саммиті өтті.',
  },
  {
    id: 'ots-name',
    lang: 'kk',
    title: 'Саммит өтті',
    text: 'Түркі мемлекеттері ұйымының саммиті Астанада өтті.',
  },
  {
    id: 'ots-apart',
    lang: 'kk',
    title: 'Жиын өтті',
    text: 'Түркі әлемінің мемлекеттері бас қосты.\n\nКөрші мемлекеттер қоғамдық ұйымдарды қолдайды.',
  },
];

const engine = articlesServer(ARTICLES);
const found = async (q: string) => (await engine.search({ q, limit: 10 })).hits.map((h) => h.id).sort();

describe('a name of several words', () => {
  it('finds the name in any form, not its words in two sentences', async () => {
    expect(await found('Шанхайская организация сотрудничества ')).toEqual(['sco-abbr', 'sco-name']);
    expect(await found('Түркі мемлекеттері ұйымының ')).toEqual(['ots-name']);
  });

  it('marks where the text names it, not one of its words alone', async () => {
    const { hits } = await engine.search({ q: 'Шанхай ынтымақтастық ұйымы ', limit: 10 });
    const hit = hits.find((h) => h.id === 'sco-abbr');
    expect(hit?.snippet).toContain('<mark>ШЫҰ</mark>');
    expect(hit?.titleHtml).toBe('Ұйымдар жиналды');
  });

  it('words that are no name still only need to share a sentence', async () => {
    expect(await found('делегация организацию ')).toEqual(['sco-apart']);
    expect(await found('мемлекеттер ұйымдар ')).toEqual(['ots-apart', 'ots-name']);
  });

  it('three words or more that are no name must all share a passage too, not chain pairwise (P3)', async () => {
    // sco-apart: «делегация … организацию» in one paragraph, «организация … сотрудничество» in the next.
    expect(await found('делегация организация сотрудничество ')).toEqual([]);
    expect(await found('организация развивает сотрудничество ')).toEqual(['sco-apart']);
  });

  it('so must the finished words of one whose last word is still a bare prefix (the prefix fallback)', async () => {
    // «сосе…» completes to nothing in the titles and leads and is no word: the prefix fallback answers. sco-apart has
    // «делегация» in one paragraph, «сотрудничество» and «соседями» in the next.
    expect(await found('делегация сотрудничество сосе')).toEqual([]);
    expect(await found('развивает сотрудничество сосе')).toEqual(['sco-apart']);
  });
});
