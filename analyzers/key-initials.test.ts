import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeKeyedWords, analyzeWithEvidence, wordKeys } from './analyze.js';
import { indexKeys } from './index-keys.js';
import { admits, initialsOf, keyInitials, writtenInitials } from './key-initials.js';
import type { IndexedToken } from './types.js';

const ARTICLES = new URL('../data/articles/', import.meta.url).pathname;
const seeds = readdirSync(ARTICLES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(ARTICLES, f), 'utf8'));

const KAZAKH_LATIN =
  'Qazaqstan Respýblıkasynyń Prezıdenti Qasym-Jomart Toqaev búgin Astanada Shanhaı yntymaqtastyq uıymynyń ' +
  'sammıtine qatysty.\nMınıstrler keńesi jyl saıynǵy otyrysynda bıýdjet jobasyn qarady.';
const MIXED =
  'Вице-премьер и премьер-министр встретились 10 лет назад.\nЛюди говорили о детях и о днях, которые шли.\n' +
  'Кітабы мен кітапханасы: Google и NATO.';

/** The index keys of a word as analyze() gives them in `text`, by offset. */
const keysAt = (tokens: readonly IndexedToken[]) => new Map(tokens.map((t) => [t.start, t.keys]));

/** The query keys a word stands for in the index: its exact, stem and fold keys. */
const queryKeysOf = (t: IndexedToken): string[] => (t.keys ? [t.keys.exact, t.keys.stem, t.keys.fold] : []);

describe('key initials: a word is admitted when its keys may begin as a key of the query does', () => {
  const admitted = (word: string, key: string) => admits(keyInitials([key]), initialsOf(word));
  it('by the first two letters, Kazakh letters folded, a root voiced', () => {
    expect(admitted('қазақстан', 'ъказакстан')).toBe(true);
    expect(admitted('кітабы', 'ъкитап')).toBe(true);
    expect(admitted('мемлекет', 'ъказакстан')).toBe(false);
    expect(admitted('кеңес', 'ъказакстан')).toBe(false);
  });
  it('я, ю and ц spelled as Kazakh keys spell them', () => {
    expect(admitted('ядро', 'ъиадро')).toBe(true);
    expect(admitted('юрист', 'ьюрист')).toBe(true);
    expect(admitted('цемент', 'ътсемент')).toBe(true);
  });
  it('the other stems of a Russian paradigm, from the dictionary', () => {
    expect(admitted('лет', 'ьгод')).toBe(true);
    expect(admitted('дня', 'ьдень')).toBe(true);
    expect(admitted('людей', 'ьчеловек')).toBe(true);
    expect(admitted('шли', 'ьидти')).toBe(true);
    expect(admitted('лук', 'ьгод')).toBe(false);
  });
  it('a key of one letter admits by the first; a typo key by either of the first two', () => {
    expect(admits(keyInitials(['м']), initialsOf('министр'))).toBe(true);
    expect(admits(keyInitials(['м']), initialsOf('апта'))).toBe(false);
    const typo = keyInitials(['ъинституттандырылмагандыктан'], ['ъинституттандырылмагандыктан']);
    expect(admits(typo, initialsOf('нституттандырылмағандықтан'))).toBe(true);
    expect(admits(typo, initialsOf('мемлекет'))).toBe(false);
  });
  it('a Cyrillic word as written has the initials of its normalized form', () => {
    for (const [written, norm] of [
      ['Ёлка', 'елка'],
      ['Мини\u0301стр', 'министр'],
      ['ҚАЗАҚ', 'қазақ'],
    ] as const)
      expect(writtenInitials(written)).toBe(initialsOf(norm));
  });
});

describe('analyzeKeyedWords: the words that can match, keyed as analyze() keys them', () => {
  const texts = [...seeds, KAZAKH_LATIN, MIXED];

  it('every word whose keys a query holds is kept, with the same keys (each word of each text as a query)', () => {
    for (const text of texts) {
      const all = analyzeWithEvidence(text).tokens.filter((t) => t.keys);
      // Every fifth word as a query: enough for every seed, cheap enough for the suite.
      for (const query of all.filter((_, i) => i % 5 === 0)) {
        const keys = queryKeysOf(query);
        const keyed = keysAt(analyzeKeyedWords(text, keyInitials(keys)));
        for (const t of all)
          if (queryKeysOf(t).some((k) => keys.includes(k))) expect(keyed.get(t.start), t.surface).toEqual(t.keys);
      }
    }
  });

  it('a title compound keys as a whole though its modifier begins otherwise', () => {
    const all = keysAt(analyzeWithEvidence(MIXED).tokens);
    const keyed = analyzeKeyedWords(MIXED, keyInitials(queryKeysOf({ keys: indexKeysOf('министр') } as IndexedToken)));
    const minister = keyed.find((t) => t.surface === 'министр');
    expect(minister?.keys).toEqual(all.get(minister?.start ?? -1));
    expect(minister?.keys?.stem).toMatch(/премьерминистр/u);
  });

  it('a foreign name is kept in either script by its skeleton («Merkel» finds «Меркель»)', () => {
    const text = 'Канцлер Германии Ангела Меркель встретилась с Борисом Джонсоном.\nMerkel and Johnson met.';
    const all = analyzeWithEvidence(text).tokens.filter((t) => t.keys?.name);
    const name = indexKeysOf('merkel', 'other')?.name ?? '';
    const keyed = keysAt(analyzeKeyedWords(text, keyInitials([], [], [name])));
    const merkel = all.filter((t) => t.keys?.name === name);
    expect(merkel.map((t) => t.surface)).toEqual(['Меркель', 'Merkel']);
    for (const t of merkel) expect(keyed.get(t.start)).toEqual(t.keys);
    expect(keyed.has(text.indexOf('Джонсоном'))).toBe(false);
  });

  it('leaves most words out: their keys are not worked out', () => {
    const text = seeds.join('\n');
    const all = analyzeWithEvidence(text).tokens;
    const keyed = analyzeKeyedWords(text, keyInitials(queryKeysOf({ keys: indexKeysOf('саммит') } as IndexedToken)));
    expect(keyed.some((t) => t.norm.startsWith('саммит'))).toBe(true);
    expect(keyed.length).toBeLessThan(all.length * 0.1);
  });
});

/** The index keys of a lone word (Russian unless said). */
function indexKeysOf(word: string, lang: 'ru' | 'other' = 'ru') {
  const k = wordKeys(word, lang);
  return indexKeys({ kind: 'word', lang: k.lang, norm: k.norm, term: k.term, fold: k.fold });
}
