import { describe, expect, it } from 'vitest';
import { articlesServer } from '../articles-testing.js';

/** A topic of the gazetteer (COVID-19) on the real engine: one name in every script and letter case. */
describe('GET /api/search and /api/suggest: COVID-19 however it is written', () => {
  const engine = articlesServer([
    { id: 'latin', lang: 'ru', title: 'Прививка от COVID-19 начинает защищать', text: 'Учёные провели испытания.' },
    { id: 'cyrillic', lang: 'ru', title: 'Экономика после ковида', text: 'Ковидные ограничения сняты.' },
    { id: 'kk-latn', lang: 'kk-Latn', title: 'COVID-19 pandemııasynyń saldary', text: 'Ekonomıka qalpyna keldi.' },
    { id: 'virus', lang: 'ru', title: 'Коронавирус в мире', text: 'Число заболевших растёт.' },
  ]);

  it('«ковид», «COVID» and «covid-19» find every article that names it, not the common word коронавирус', async () => {
    for (const q of ['ковид', 'COVID', 'covid-19', 'Ковид-19']) {
      const body = await engine.search({ q });
      expect(body.hits.map((h) => h.id).sort(), q).toEqual(['cyrillic', 'kk-latn', 'latin']);
    }
  });

  it('is suggested as a topic', async () => {
    const res = await engine.server.get(`/api/suggest?q=${encodeURIComponent('ковид')}`);
    expect(res.status).toBe(200);
    expect(res.body.suggestions).toContainEqual(expect.objectContaining({ kind: 'topic', code: 'COVID19' }));
  });
});
