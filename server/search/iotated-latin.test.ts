import { describe, expect, it } from 'vitest';
import { articlesServer } from '../articles-testing.js';

/**
 * Kazakh Latin writes я as ıa and ю as ıý, which are also и + а and и + у: «mıllıard» is миллиард, «bıýdjet» is
 * бюджет. On the real engine, the Cyrillic word finds the Latin text and the Latin word the Cyrillic one, whole and
 * half-typed (analyzers/index-keys.ts kazakhKey, server/search/suggest.ts typedKey).
 */
const ARTICLES = [
  { id: 'budget-latn', lang: 'kk', title: 'Jańa jospar', text: 'Oblys bıýdjetine 5 mıllıard teńge bólindi.' },
  { id: 'budget-cyrl', lang: 'kk', title: 'Жаңа жоспар', text: 'Облыс бюджетіне 5 миллиард теңге бөлінді.' },
  { id: 'dialogue-latn', lang: 'kk', title: 'Eki el dıalogy', text: 'Dıalog jalǵasady.' },
  { id: 'other', lang: 'kk', title: 'Sport', text: 'Komanda jeńiske jetti.' },
];

const engine = articlesServer(ARTICLES);
const found = async (q: string) => (await engine.search({ q, limit: 10 })).hits.map((h) => h.id).sort();

describe('я and ю across Kazakh Latin and Cyrillic', () => {
  it('a whole word meets its other spelling', async () => {
    expect(await found('бюджет ')).toEqual(['budget-cyrl', 'budget-latn']);
    expect(await found('bıýdjet ')).toEqual(['budget-cyrl', 'budget-latn']);
    expect(await found('миллиард ')).toEqual(['budget-cyrl', 'budget-latn']);
    expect(await found('диалог ')).toEqual(['dialogue-latn']);
  });

  it('a half-typed word completes to both', async () => {
    expect(await found('бюдж')).toEqual(['budget-cyrl', 'budget-latn']);
    expect(await found('bıýdj')).toEqual(['budget-cyrl', 'budget-latn']);
    expect(await found('диало')).toEqual(['dialogue-latn']);
  });
});
