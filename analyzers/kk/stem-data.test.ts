import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';
import { readWordList, reducedStem, stemKk, stemKkFolded } from './stem.js';
import { checkGrammar, loadGrammar, type SuffixGrammar } from './suffix-parser.js';

/** One lowercase Cyrillic word: no Latin look-alikes (a, e, o, p, c, x, y, i), no spaces, no digits. */
const CYRILLIC_WORD = /^\p{Script=Cyrillic}+$/u;
const isLowerCyrillicWord = (w: string): boolean => CYRILLIC_WORD.test(w) && w === w.toLowerCase();
const VOWELS = /[аәеёиоөуұүыіэюя]/u;

const LISTS = [
  'protected-stems.txt',
  'vowel-drop.txt',
  'short-stems.txt',
  'verb-roots.txt',
  'verb-endings.txt',
  'verb-homographs.txt',
  'poss1sg-stems.txt',
];

describe.each(LISTS)('data/%s', (name) => {
  const words = readWordList(name);

  it('is not empty and has no duplicates', () => {
    expect(words.length).toBeGreaterThan(0);
    const dupes = words.filter((w, i) => words.indexOf(w) !== i);
    expect(dupes).toEqual([]);
  });

  it('holds single lowercase Cyrillic words (no Latin look-alike letters)', () => {
    expect(words.filter((w) => !isLowerCyrillicWord(w))).toEqual([]);
  });
});

describe('data/protected-stems.txt', () => {
  const words = readWordList('protected-stems.txt');
  it.each(words.map((w) => [w] as const))('%s is its own key, in both alphabets', (w) => {
    expect(stemKk(w)).toBe(w);
    expect(stemKkFolded(fold(w))).toBe(fold(w));
  });
});

describe('data/vowel-drop.txt', () => {
  const words = readWordList('vowel-drop.txt');
  it.each(words.map((w) => [w] as const))(
    '%s ends in consonant + ы/і + consonant and its reduced form comes back',
    (w) => {
      expect(w).toMatch(/[^аәеёоөұүыіэюя][ыі][^аәеёоөұүыіэюя]$/u); // у, и count as consonants (ауыз, мойын)
      const vowel = /[әеөүі]/u.test(w) ? 'і' : 'ы';
      expect(stemKk(reducedStem(w) + vowel)).toBe(w); // орны → орын, халқы → халық
    },
  );
});

describe('data/poss1sg-stems.txt', () => {
  /** The possessive 1sg as written: -м after a vowel, -ым/-ім after a consonant (voiced: жүрег-ім; reduced: халқ-ым). */
  const firstPerson = (w: string): string => {
    if (/[аәеёоөұүыіэюя]$/u.test(w)) return `${w}м`;
    const spelled = w === 'халық' ? 'халқ' : w.replace(/қ$/u, 'ғ').replace(/к$/u, 'г').replace(/п$/u, 'б');
    return spelled + (/[әеөүі][^аәеёоөұүыіэюя]*$/u.test(w) ? 'ім' : 'ым');
  };
  it.each(readWordList('poss1sg-stems.txt').map((w) => [w] as const))('%s: its possessive 1sg gets its key', (w) => {
    expect(stemKk(firstPerson(w))).toBe(stemKk(w));
  });
});

describe('data/short-stems.txt', () => {
  it.each(readWordList('short-stems.txt').map((w) => [w] as const))('%s has two letters and a vowel', (w) => {
    expect(w).toHaveLength(2);
    expect(w).toMatch(VOWELS);
  });
});

describe('data/verb-roots.txt', () => {
  it.each(readWordList('verb-roots.txt').map((w) => [w] as const))('%s has a vowel', (w) => {
    expect(w).toMatch(VOWELS);
  });
});

describe('data/suffixes.json', () => {
  const g: SuffixGrammar = loadGrammar();
  const morphemes = Object.entries(g.morphemes);

  it('loads, and every morpheme is reachable from an entry point', () => {
    const reached = new Set<string>();
    const stack = [...g.entry.noun, ...g.entry.verb];
    while (stack.length > 0) {
      const m = stack.pop() as string;
      if (reached.has(m)) continue;
      reached.add(m);
      stack.push(...(g.morphemes[m]?.next ?? []));
    }
    expect(Object.keys(g.morphemes).filter((m) => !reached.has(m))).toEqual([]);
  });

  it.each(morphemes.map(([name]) => [name] as const))(
    '%s: forms are lowercase Cyrillic, allomorphs distinct',
    (name) => {
      const m = g.morphemes[name];
      expect(m).toBeDefined();
      const forms = (m?.allomorphs ?? []).flatMap((a) => (typeof a.forms === 'string' ? [a.forms] : a.forms));
      expect(forms.filter((f) => f !== null && !isLowerCyrillicWord(f))).toEqual([]);
      const keys = (m?.allomorphs ?? []).map((a) => JSON.stringify([a.forms, [...a.after].sort()]));
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it('rejects a grammar with an unknown morpheme, class or form', () => {
    expect(() => checkGrammar({ entry: { noun: ['X'], verb: [] }, morphemes: {} })).toThrow(/unknown morpheme X/);
    const pl = (allomorph: object) => ({
      entry: { noun: ['PL'], verb: [] },
      morphemes: { PL: { allomorphs: [allomorph], next: [] } },
    });
    expect(() => checkGrammar(pl({ forms: ['лар', 'лер'], after: ['NOPE'] }))).toThrow(/bad classes/);
    expect(() => checkGrammar(pl({ forms: [null, null], after: ['V'] }))).toThrow(/bad forms/);
    expect(checkGrammar(pl({ forms: ['лар', 'лер'], after: ['V', 'RJU'] })).entry.noun).toEqual(['PL']);
  });
});
