import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../analyzers/index.js';
import { articlesServer } from '../articles-testing.js';

/**
 * A name typed as two words («евро союз», «Еуро одақ»): plain Meilisearch joins adjacent query words and finds the
 * compound; the query analysis joins them when the joined word is a name.
 */
describe('analyzeQuery: two words a name writes as one', () => {
  const words = (q: string) => analyzeQuery(q).tokens.map((t) => t.surface);

  it.each([
    ['евро союз', ['евросоюз']],
    ['Еуро одақ', ['Еуроодақ']],
    ['Евро Союз санкции', ['Евросоюз', 'санкции']],
    ['санкции евро союза', ['санкции', 'евросоюза']],
  ])('%s → %j', (q, expected) => {
    expect(words(q)).toEqual(expected);
  });

  it.each([
    ['новый союз', ['новый', 'союз']], // the joined word is no name
    ['саммит ШОС', ['саммит', 'ШОС']], // a name is a name as typed
    ['Северный поток', ['Северный', 'поток']], // so is a name of several words
    ['евро, союз', ['евро', 'союз']], // punctuation between them: two words meant
    ['на то', []], // stopwords, not НАТО
  ])('%s stays %j', (q, expected) => {
    expect(words(q)).toEqual(expected);
  });
});

describe('GET /api/search: a name typed as two words (real engine)', () => {
  const engine = articlesServer([
    { id: 'eu-ru', lang: 'ru', title: 'Евросоюз ввёл новые пошлины', text: 'Решение вступит в силу в марте.' },
    { id: 'eu-kk', lang: 'kk-Latn', title: 'Eýroodaq jańa bajdar engizdi', text: 'Sheshim naýryzda kúshine enedi.' },
    { id: 'union', lang: 'ru', title: 'Профсоюз провёл собрание', text: 'Новый союз учителей создан в городе.' },
  ]);

  it('finds the name in every language and script', async () => {
    for (const q of ['евро союз', 'Еуро одақ', 'Евросоюз']) {
      const body = await engine.search({ q });
      expect(body.hits.map((h) => h.id).sort(), q).toEqual(['eu-kk', 'eu-ru']);
    }
  });
});
