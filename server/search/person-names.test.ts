import { describe, expect, it } from 'vitest';
import { articlesServer } from '../articles-testing.js';

/**
 * A person the gazetteer does not know, across scripts (P1c), on the real engine: the dictionary knows «Меркель» as a
 * surname only, so it carries the same name skeleton as «Merkel».
 */
describe('GET /api/search: a surname in Latin finds it in Cyrillic and back', () => {
  const engine = articlesServer([
    { id: 'ru', lang: 'ru', title: 'Меркель посетила Париж', text: 'Канцлер провела переговоры.' },
    { id: 'ru-gen', lang: 'ru', title: 'Визит канцлера', text: 'Встреча Меркель и Макрона прошла в Париже.' },
    { id: 'en', lang: 'ru', title: 'Интервью', text: 'Angela Merkel said the talks went well.' },
    { id: 'other', lang: 'ru', title: 'Поезд надежды', text: 'Состав прибыл в Париж.' },
  ]);
  const ids = async (q: string) => (await engine.search({ q })).hits.map((h) => h.id).sort();

  it('«Merkel» and «Меркель» find each other', async () => {
    for (const q of ['Merkel', 'Меркель']) expect(await ids(q), q).toEqual(['en', 'ru', 'ru-gen']);
  });
});
