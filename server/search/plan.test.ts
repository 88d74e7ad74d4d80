import { describe, expect, it } from 'vitest';
import { TIER_FIELDS } from '../../engine/schema.js';
import { NEAR_WORDS_SCORE, type PlannedQuery, planQuery } from './plan.js';

const find = (queries: PlannedQuery[], name: string) => queries.find((q) => q.name === name);
const qs = (text: string, prefix = false) => planQuery(text, { prefix }).queries;

describe('planQuery: tiers and weights', () => {
  it('an inflected Kazakh word: exact, stem, fold and entity queries, best tier weighted highest', () => {
    const q = qs('Қазақстанның');
    expect(find(q, 'exact:kk')).toMatchObject({ q: 'қазақстанның ', fields: TIER_FIELDS.exact, weight: 1 });
    expect(find(q, 'stem:kk')).toMatchObject({ q: 'ъқазақстан ', fields: TIER_FIELDS.stem, weight: 0.9 });
    expect(find(q, 'fold:kk')).toMatchObject({ q: 'ъказакстан ', fields: TIER_FIELDS.fold, weight: 0.8 });
    expect(find(q, 'entity:kk')?.q).toBe('zzkz ');
    const weights = q.map((x) => x.weight);
    expect(weights[0]).toBe(Math.max(...weights));
  });

  it.each([
    ['Қазақстан', ['stem:kk', 'fold:kk', 'entity:kk']], // base form: no exact query
    ['министрлері', ['exact:kk', 'stem+fold:kk']], // no Kazakh letter changed by folding: one query for both
    ['президентом', ['exact:ru', 'stem+fold:ru']], // a Russian inflected form: no Kazakh reading
    ['министр', ['stem+fold:ru', 'stem:kk']], // both languages have it: Russian first, Kazakh without its fold tier
    ['Брексит', ['stem+fold:ru', 'name:ru', 'stem:kk']], // a name no dictionary knows: its skeleton too
  ])('%s → %j', (text, names) => {
    expect(qs(text).map((x) => x.name)).toEqual(names);
  });

  it('keeps the languages apart: Kazakh keys are marked «ъ», Russian ones «ь»', () => {
    expect(find(qs('министрлері'), 'stem+fold:kk')?.q).toBe('ъминистр ');
    expect(find(qs('президентом'), 'stem+fold:ru')?.q).toBe('ьпрезидент ');
  });

  it('reads Kazakh typed with Russian letters by its fold key', () => {
    expect(find(qs('казакстаннын'), 'stem+fold:kk')?.q).toBe('ъказакстан ');
  });

  it('reads Kazakh Latin as Cyrillic', () => {
    expect(find(qs('Qazaqstannyń'), 'stem:kk')?.q).toBe('ъқазақстан ');
  });

  it('replaces a name of several words by its entity token', () => {
    expect(find(qs('Шанхай ынтымақтастық ұйымы'), 'entity:kk')?.q).toBe('zzsco ');
    expect(find(qs('шос'), 'entity:kk')?.q).toBe('zzsco '); // typed in lowercase
  });
});

describe('planQuery: several words', () => {
  it('asks for words close together', () => {
    for (const q of qs('саммит ШОС')) expect(q.minScore).toBe(NEAR_WORDS_SCORE);
    for (const q of qs('саммит')) expect(q.minScore).toBeUndefined();
  });

  it('keeps quoted words together as a phrase', () => {
    expect(find(qs('"Сыртқы істер" министрі'), 'stem:kk')?.q).toBe('"ъсыртқ ъіс" ъминистр ');
  });

  it('drops stopwords exactly as the index does; a query of stopwords alone asks nothing', () => {
    expect(qs('на то')).toEqual([]);
    expect(find(qs('Қазақстан мен Өзбекстан'), 'stem:kk')?.q).toBe('ъқазақстан ъөзбекстан ');
  });
});

describe('planQuery: typing', () => {
  it('adds prefix queries for an unfinished last word only when asked', () => {
    expect(qs('Қаз').some((q) => q.name.startsWith('prefix'))).toBe(false);
    expect(find(qs('Қаз', true), 'prefix-exact:kk')?.q).toBe('қаз');
    expect(find(qs('Қаз', true), 'prefix-fold:kk')?.q).toBe('ъказ');
  });

  it('a trailing space finishes the word: no prefix', () => {
    expect(qs('Қаз ', true).some((q) => q.name.startsWith('prefix'))).toBe(false);
  });

  it('collects the keys the highlighter marks', () => {
    const { keys } = planQuery('Қазақстанның');
    expect(keys.exact.has('қазақстанның')).toBe(true);
    expect(keys.stem.has('ъқазақстан')).toBe(true);
    expect(keys.fold.has('ъказакстан')).toBe(true);
    expect(keys.entities.has('KZ')).toBe(true);
  });
});
