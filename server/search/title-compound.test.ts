import { describe, expect, it } from 'vitest';
import { articlesServer } from '../articles-testing.js';

/**
 * Titles formed with a modifier, on the real engine (relevance policy P2a; analyzers/title-compounds.ts): a prime
 * minister is not a minister, a vice-president not the president, in Russian, Kazakh and Kazakh Latin alike.
 */
const ARTICLES = [
  { id: 'pm-ru', lang: 'ru', title: 'Визит в Пекин', text: 'Премьер-министр Канады посетил Пекин.' },
  { id: 'min-ru', lang: 'ru', title: 'Бюджет принят', text: 'Министр финансов представил бюджет.' },
  { id: 'pm-kk', lang: 'kk', title: 'Kanada men Qytaı', text: 'Kanada premer-mınıstri Qytaıǵa barady.' },
  { id: 'vp-kk', lang: 'kk', title: 'Saparlar josparlandy', text: 'AQSh vıtse-prezıdenti Armenııaǵa barady.' },
  { id: 'p-kk', lang: 'kk', title: 'Sapar', text: 'AQSh prezıdenti Armenııaǵa barady.' },
];

const engine = articlesServer(ARTICLES);
const search = async (q: string) => (await engine.search({ q, limit: 10 })).hits;
const found = async (q: string) => (await search(q)).map((h) => h.id).sort();

describe('a title formed with a modifier', () => {
  it('is not the office it modifies', async () => {
    expect(await found('министр ')).toEqual(['min-ru']);
    expect(await found('президенті ')).toEqual(['p-kk']);
  });

  it('is found as itself, in every form and script, and marked whole', async () => {
    expect(await found('премьер-министра ')).toEqual(['pm-ru']);
    expect(await found('Премьер-министрі ')).toEqual(['pm-kk']);
    expect(await found('вице-президенті ')).toEqual(['vp-kk']);
    const [hit] = await search('премьер-министр ');
    expect(hit?.snippet).toContain('<mark>Премьер</mark>-<mark>министр</mark>');
  });

  it('completes as itself while typed: «премьер-мин» is the prime minister, not a minister', async () => {
    expect(await found('премьер-мин')).toEqual(['pm-ru']);
  });
});
