import { describe, expect, it } from 'vitest';
import { analyzeWithEvidence } from './analyze.js';
import { analyzeQuery } from './query.js';

/** The stem keys of a text's words, in order. */
const stems = (text: string) => analyzeWithEvidence(text).tokens.map((t) => t.keys?.stem);
/** The stem key of the last word of a text. */
const lastStem = (text: string) => stems(text).at(-1);

describe('joinTitleCompounds', () => {
  it('a vice-president, a prime minister, an ex-president are not the president or a minister', () => {
    expect(lastStem('вице-президент')).not.toBe(lastStem('президент'));
    expect(lastStem('премьер-министр')).not.toBe(lastStem('министр'));
    expect(lastStem('экс-президента')).not.toBe(lastStem('президента'));
    expect(lastStem('Премьер-министрі')).not.toBe(lastStem('министрі'));
  });

  it('the compound keys alike in its forms and in Kazakh Cyrillic and Latin', () => {
    expect(lastStem('премьер-министра')).toBe(lastStem('премьер-министр'));
    expect(lastStem('вице-премьера')).toBe(lastStem('вице-премьер')); // not «премьера», a premiere
    expect(lastStem('Kanada premer-mınıstriniń')).toBe(lastStem('Канада премьер-министрінің'));
    expect(lastStem('vıtse-mınıstri')).toBe(lastStem('вице-министрі'));
    expect(lastStem('Eks-prezıdenti')).toBe(lastStem('экс-президенті'));
  });

  it('the modifier keeps its own keys, and a word after an ordinary hyphen stays itself', () => {
    expect(stems('премьер-министр')[0]).toBe(lastStem('премьер'));
    expect(lastStem('іс-шарасы')).toBe(lastStem('шарасы'));
    expect(lastStem('премьер – министр')).toBe(lastStem('министр')); // a dash between words is no compound
  });

  it('a query keys the compound as documents do, in every reading', () => {
    const doc = lastStem('Канада премьер-министрі');
    const query = analyzeQuery('премьер-министрі');
    for (const r of query.readings) expect(r.tokens.at(-1)?.keys?.stem, r.label).toBe(doc);
    const ru = analyzeQuery('вице президент'); // no hyphen: two words
    expect(ru.readings[0]?.tokens.at(-1)?.keys?.stem).toBe(lastStem('президент'));
  });
});
