import { describe, expect, it } from 'vitest';
import { articlesServer } from '../articles-testing.js';

/** Topics of the gazetteer (COVID-19, Nord Stream) on the real engine: one name in every script and letter case. */
describe('GET /api/search and /api/suggest: a topic however it is written', () => {
  const engine = articlesServer([
    { id: 'latin', lang: 'ru', title: 'Прививка от COVID-19 начинает защищать', text: 'Учёные провели испытания.' },
    { id: 'cyrillic', lang: 'ru', title: 'Экономика после ковида', text: 'Ковидные ограничения сняты.' },
    { id: 'kk-latn', lang: 'kk-Latn', title: 'COVID-19 pandemııasynyń saldary', text: 'Ekonomıka qalpyna keldi.' },
    { id: 'virus', lang: 'ru', title: 'Коронавирус в мире', text: 'Число заболевших растёт.' },
    { id: 'pipe-ru', lang: 'ru', title: 'Германия обсудила «Северный поток — 2»', text: 'Решение отложено.' },
    { id: 'pipe-en', lang: 'ru', title: 'Nord Stream 2 AG построила газопровод', text: 'Работы завершены.' },
    { id: 'pipe-kk', lang: 'kk-Latn', title: 'Soltústik aǵyn-2 jobasy aıaqtaldy', text: 'Qurylys bitti.' },
    // Its words in two passages: no name (a name's words must share a passage), and no entity (in lower case).
    {
      id: 'wind',
      lang: 'ru',
      title: 'Погода на неделю',
      text: 'Подует северный ветер.\n\nПридёт поток холодного воздуха.',
    },
  ]);
  const ids = async (q: string) => (await engine.search({ q })).hits.map((h) => h.id).sort();

  it('«ковид», «COVID» and «covid-19» find every article that names it, not the common word коронавирус', async () => {
    for (const q of ['ковид', 'COVID', 'covid-19', 'Ковид-19'])
      expect(await ids(q), q).toEqual(['cyrillic', 'kk-latn', 'latin']);
  });

  it('a named event typed in one language finds it in every other: «Nord Stream», «Солтүстік ағын»', async () => {
    for (const q of ['Nord Stream', 'Северный поток', 'Солтүстік ағын', 'северный поток'])
      expect(await ids(q), q).toEqual(['pipe-en', 'pipe-kk', 'pipe-ru']);
  });

  it('is suggested as a topic', async () => {
    const res = await engine.server.get(`/api/suggest?q=${encodeURIComponent('ковид')}`);
    expect(res.status).toBe(200);
    expect(res.body.suggestions).toContainEqual(expect.objectContaining({ kind: 'topic', code: 'COVID19' }));
  });
});
