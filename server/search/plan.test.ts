import { describe, expect, it } from 'vitest';
import { decodeQuery, SALIENT_FIELDS, TIER_FIELDS } from '../../engine/index.js';
import { NEAR_WORDS_SCORE, type PlannedQuery, planQuery } from './plan.js';

const find = (queries: PlannedQuery[], name: string) => queries.find((q) => q.name === name);
/** The planned queries, their keys read back from the engine's key code (engine/key-code.ts). */
const qs = (text: string, prefix = false) =>
  planQuery(text, { prefix }).queries.map((q) => ({ ...q, q: decodeQuery(q.q) }));

describe('planQuery: keys in the engine key code', () => {
  it('sends every key coded, phrase quotes and the prefix kept', () => {
    expect(find(planQuery('министрлері').queries, 'stem+fold:kk')?.q).toBe('"0ministr" ');
    expect(find(planQuery('Қаз', { prefix: true }).queries, 'prefix-exact:kk')?.q).toBe('6kaz');
  });
});

describe('planQuery: tiers and weights', () => {
  it('an inflected Kazakh word: salient, exact, stem and fold queries; the salient words first, then exact > stem > fold', () => {
    const q = qs('ынтымақтастықтың');
    expect(find(q, 'exact:kk')).toMatchObject({ q: '"ынтымақтастықтың" ', fields: TIER_FIELDS.exact });
    expect(find(q, 'stem:kk')).toMatchObject({ q: '"ъынтымақтастық" ', fields: TIER_FIELDS.stem });
    expect(find(q, 'fold:kk')).toMatchObject({ q: '"ъынтымактастык" ', fields: TIER_FIELDS.fold });
    const w = (name: string) => find(q, name)?.weight ?? 0;
    expect(w('salient:kk')).toBe(Math.max(...q.map((x) => x.weight)));
    expect(w('exact:kk')).toBeGreaterThan(w('stem:kk'));
    expect(w('stem:kk')).toBeGreaterThan(w('fold:kk'));
    // Only the salient query names its fields: the other tiers' keys occur in their own fields only.
    expect(q.filter((x) => x.restrict).map((x) => x.name)).toEqual(['salient:kk']);
  });

  it('a one-word name: its folded key, its entity token and its salient words, in one reading only', () => {
    const q = qs('Қазақстанның');
    expect(q.map((x) => x.name)).toEqual(['stem+fold:kk', 'entity:kk', 'salient:kk']);
    // The folded key stands for every spelling of the word itself (the tiers), at the stem's weight.
    expect(find(q, 'stem+fold:kk')).toMatchObject({ q: '"ъказакстан" ', fields: TIER_FIELDS.fold });
    expect(find(q, 'entity:kk')?.q).toBe('"zzkz" ');
    const w = (name: string) => find(q, name)?.weight ?? 0;
    expect(w('salient:kk')).toBeGreaterThan(w('stem+fold:kk'));
    expect(w('stem+fold:kk')).toBeGreaterThan(w('entity:kk'));
    // A name both readings know asks nothing of the other reading; several words plan in full.
    expect(qs('Трамп').map((x) => x.name)).toEqual(['stem+fold:ru', 'entity:ru', 'salient:ru']);
    expect(qs('ШОС саммиті').some((x) => x.name.startsWith('stem:') || x.name.startsWith('exact:'))).toBe(true);
  });

  it('a title query where no salient query stands for it: several words, or the reading not preferred', () => {
    const q = qs('ШЫҰ саммиті');
    // The title query names the entity (every name of the SCO in a title), restricted to the title fields.
    expect(find(q, 'title:kk')).toMatchObject({
      q: '"zzsco" "ъсаммит" ',
      fields: ['title_s', 'title_f'],
      restrict: true,
    });
    expect(find(q, 'title:kk')?.weight).toBe(Math.max(...q.map((x) => x.weight)));
    expect(find(qs('министр'), 'title:kk')).toMatchObject({ q: '"ъминистр" ', restrict: true });
  });

  it.each([
    ['Өзбекстандағы', ['stem+fold:kk', 'entity:kk', 'salient:kk']], // a name: its folded key, entity and salient words
    ['ынтымақтастық', ['stem:kk', 'fold:kk', 'salient:kk']], // base form: no exact query
    ['министрлері', ['exact:kk', 'stem+fold:kk', 'salient:kk']], // folding changed no letter: one query for both
    ['президентом', ['exact:ru', 'stem+fold:ru', 'salient:ru']], // a Russian inflected form: no Kazakh reading
    // both languages: Russian first, Kazakh without its fold tier and its salient words (its title query instead)
    ['министр', ['stem+fold:ru', 'salient:ru', 'stem:kk', 'title:kk']],
    ['Брексит', ['stem+fold:ru', 'salient:ru', 'name:ru', 'stem:kk', 'title:kk']], // a name no dictionary knows: its skeleton too
  ])('%s → %j', (text, names) => {
    expect(qs(text).map((x) => x.name)).toEqual(names);
  });

  it('keeps the languages apart: Kazakh keys are marked «ъ», Russian ones «ь»', () => {
    expect(find(qs('министрлері'), 'stem+fold:kk')?.q).toBe('"ъминистр" ');
    expect(find(qs('президентом'), 'stem+fold:ru')?.q).toBe('"ьпрезидент" ');
  });

  it('reads Kazakh typed with Russian letters by its fold key', () => {
    expect(find(qs('казакстаннын'), 'stem+fold:kk')?.q).toBe('"ъказакстан" ');
  });

  it('reads Kazakh Latin as Cyrillic', () => {
    expect(find(qs('Qazaqstan ǵylymy'), 'stem:kk')?.q).toBe('"ъқазақстан" "ъғылым" ');
  });

  it('replaces a name of several words by its entity token', () => {
    expect(find(qs('Шанхай ынтымақтастық ұйымы'), 'entity:kk')?.q).toBe('"zzsco" ');
    expect(find(qs('шос'), 'entity:kk')?.q).toBe('"zzsco" '); // typed in lowercase
  });
});

describe('planQuery: salient words', () => {
  it('ranks several mentions above one: the word (or its entity) among the salient words, above the tiers', () => {
    const q = qs('Қазақстанның');
    // The entity a name stands for, as a salient key (marked apart from every tier key).
    expect(find(q, 'salient:kk')).toMatchObject({ q: '"zszzkz" ', fields: SALIENT_FIELDS, restrict: true });
    const w = (name: string) => find(q, name)?.weight ?? 0;
    expect(w('salient:kk')).toBeGreaterThan(w('exact:kk'));
    // A common word by its fold key.
    expect(find(qs('министрлері'), 'salient:kk')?.q).toBe('"ъъъминистр" ');
  });

  it('only for one word (or one name): the field cannot tell whether words met in a sentence', () => {
    expect(qs('саммит ШОС').some((q) => q.name.startsWith('salient'))).toBe(false);
    expect(find(qs('Шанхай ынтымақтастық ұйымы'), 'salient:kk')?.q).toBe('"zszzsco" ');
  });
});

describe('planQuery: several words', () => {
  it('asks for words close together', () => {
    for (const q of qs('саммит ШОС')) expect(q.minScore).toBe(NEAR_WORDS_SCORE);
    for (const q of qs('саммит')) expect(q.minScore).toBeUndefined();
  });

  it('searches a name of several words as one phrase: all its words in one passage', () => {
    const q = qs('Түркі мемлекеттері ұйымының');
    expect(find(q, 'stem:kk')).toMatchObject({ q: '"ътүрк ъмемлекет ъұиым" ' });
    expect(find(q, 'fold:kk')).toMatchObject({ q: '"ътурык ъмемлекет ъуиым" ' });
    for (const x of q) expect(x.minScore).toBeUndefined();
    expect(find(qs('Европейский парламент'), 'stem+fold:ru')?.q).toBe('"ьевропейский ьпарламент" ');
    // A name inside it ends where it ends: its entity token follows the whole name in the index.
    expect(find(qs('Совет Безопасности ООН'), 'stem+fold:ru')?.q).toBe('"ьсовет ьбезопасность оон" ');
  });

  it('sends three words or more as one phrase too: all of them in one passage (P3), not pairs chained across two', () => {
    expect(find(qs('Европейский парламент Брюссель'), 'stem+fold:ru')?.q).toBe('"ьевропейский ьпарламент ьбрюссель" ');
    // …but while the last word is typed it stays a prefix, outside the phrase of the words before it (a phrase has
    // no prefix).
    expect(find(qs('Сыртқы істер ми', true), 'prefix-fold:kk')?.q).toBe('"ъсыртк ъис" ъми');
  });

  it('leaves the words of two, a Latin name or quoted words as they were', () => {
    // A foreign word's name skeleton stands after it in the index, between the words of the name.
    expect(find(qs('European Parliament'), 'stem+fold:ru')).toMatchObject({
      q: '"european" "parliament" ',
      minScore: NEAR_WORDS_SCORE,
    });
    expect(find(qs('"Европейский" парламент'), 'stem+fold:ru')?.q).toBe('"ьевропейский" "ьпарламент" ');
  });

  it('keeps quoted words together as a phrase', () => {
    expect(find(qs('"Сыртқы істер" министрі'), 'stem:kk')?.q).toBe('"ъсыртқ ъіс" "ъминистр" ');
  });

  it('drops stopwords exactly as the index does; a query of stopwords alone asks nothing', () => {
    expect(qs('на то')).toEqual([]);
    expect(find(qs('Қазақстан мен Өзбекстан'), 'stem:kk')?.q).toBe('"ъқазақстан" "ъөзбекстан" ');
  });
});

describe('planQuery: words sent as phrases', () => {
  it('sends a word that can have no typo as a phrase of one word: Meilisearch then tries no split of it', () => {
    // Typos are off on the exact, stem and salient fields; on the fold fields the key is too short for one.
    for (const q of qs('Қазақстанның')) expect(q.q, q.name).toMatch(/^"[^" ]+" $/u);
  });

  it('leaves a fold-tier word long enough for a typo bare, and the same word as a phrase where typos are off', () => {
    const q = qs('высокотехнологичный');
    expect(find(q, 'stem+fold:ru')?.q).toBe('ьвысокотехнологичный ');
    expect(find(q, 'salient:ru')?.q).toBe('"ъъьвысокотехнологичный" ');
  });

  it('leaves the unfinished last word of a prefix query bare (a phrase is no prefix), the words before it quoted', () => {
    expect(find(qs('Қазақстан мен Өзб', true), 'prefix-exact:kk')?.q).toBe('"қазақстан" өзб');
  });
});

describe('planQuery: typing', () => {
  it('adds prefix queries for an unfinished last word only when asked', () => {
    expect(qs('Қаз').some((q) => q.name.startsWith('prefix'))).toBe(false);
    expect(find(qs('Қаз', true), 'prefix-exact:kk')?.q).toBe('қаз');
    expect(find(qs('Қаз', true), 'prefix-fold:kk')?.q).toBe('ъказ');
  });

  it('searches a name before the prefix by its entity token too', () => {
    expect(find(qs('ШЫҰ са', true), 'prefix-entity:kk')?.q).toBe('"zzsco" ъса');
    expect(find(qs('ШЫҰ са', true), 'prefix-fold:kk')?.q).toBe('"шыу" ъса'); // the letters as typed, kept
    expect(qs('Шанха', true).some((q) => q.name.startsWith('prefix-entity'))).toBe(false); // no name before it
  });

  it('never plans an empty q, which the engine cannot merge with the others (fuzz: «ſ»)', () => {
    for (const text of ['ſ', 'ß', 'ſ ß', '«ſ»', 'ø Қаз']) {
      for (const q of qs(text, true)) expect(q.q.trim(), `${text}: ${q.name}`).not.toBe('');
    }
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
