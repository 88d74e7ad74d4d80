/**
 * What a word's first two letters say about the keys it can have. A word's keys begin as its normalized form does, up
 * to the spellings the keys merge: Kazakh letters fold to Russian ones (қ → к), Kazakh keys spell я, ю, ц as иа, иу,
 * тс and drop ь, ъ (index-keys.ts), a Kazakh root may voice its last consonant (кітап → кітабы), and a lemma keeps its
 * word's start — but for a Russian paradigm with another stem (год: лет; день: дня; идти: шёл), whose forms the
 * dictionary gives (ruFormStarts). So a word whose first two letters are, by class, those of none of a query's keys
 * cannot match the query, and highlighting need not work out its keys: the costly part of analysis (the lemmatizer,
 * the Kazakh stemmer, and the language evidence of the paragraphs around no such word) is spent on the few that can.
 * A Kazakh Latin word is judged by its Cyrillic reading (its keys are read back into Cyrillic), and the words joined
 * by a hyphen to a kept one are kept (a title compound keys as a whole: title-compounds.ts).
 */
import { RUSSIAN_MARK } from './index-keys.js';
import { NAME_PREFIX, nameSkeleton } from './name-skeleton.js';
import { ruFormStarts } from './ru/morph.js';

/** Letters that may stand for one another at a key's start (a Cyrillic letter or a digit otherwise is its own). */
const CLASSES: readonly string[] = [
  'аә',
  'бп',
  'в',
  'гғкқ',
  'дт',
  'еёэє',
  'ж',
  'з',
  'иіийыяюї',
  'л',
  'м',
  'нң',
  'оө',
  'р',
  'с',
  'уүұў',
  'ф',
  'хһ',
  'ч',
  'шщ',
];

const CLASS_OF = new Map<string, number>();
for (const [i, letters] of CLASSES.entries()) for (const ch of letters) CLASS_OF.set(ch, i + 1);

/** The class of one lowercase character: its group above, else one of its own (past the groups). */
const letterClass = (ch: string): number => CLASS_OF.get(ch) ?? CLASSES.length + 1 + (ch.codePointAt(0) ?? 0);

/** Spellings a key may take for the letters of a word (index-keys.ts: kazakhKey). */
const SPELLED: Readonly<Record<string, string>> = { я: 'иа', ю: 'иу', ц: 'тс', ь: '', ъ: '', ё: 'е' };

/** The first two letters of a word or key, spelled as keys spell them (at most two; fewer for a shorter word). */
function firstTwo(word: string): string {
  let out = '';
  for (const ch of word) {
    out += SPELLED[ch] ?? ch;
    if (out.length >= 2) return out.slice(0, 2);
  }
  // A lone ъ or ь («Ъ») is its own start.
  return out === '' ? word.slice(0, 1) : out;
}

/** Pack of two classes: a word's initials. */
const PAIR = 0x200000;
const pairOf = (first: number, second: number): number => first * PAIR + second;

/** The initials of a normalized (lowercase) word: the classes of its first two letters, packed (0: none). */
export function initialsOf(norm: string): number {
  const two = firstTwo(norm);
  if (two.length === 0) return 0;
  return pairOf(letterClass(two.charAt(0)), two.length > 1 ? letterClass(two.charAt(1)) : 0);
}

/**
 * The initials of a token as written, for a word of Cyrillic letters only (its normalized form is its lowercase, ё as
 * е, marks and ignorable characters left out): what initialsOf would say of its normalized form, without normalizing.
 */
export function writtenInitials(surface: string): number {
  let letters = '';
  for (let i = 0; i < surface.length && letters.length < 3; i++) {
    const code = surface.charCodeAt(i);
    // Cyrillic letters only: combining marks (U+0300…) and ignorable characters are not part of the form.
    if (code >= 0x400 && code <= 0x52f) letters += surface.charAt(i);
  }
  return initialsOf(letters.toLowerCase());
}

/** Language marks a stem or fold key begins with (index-keys.ts). */
const MARKS = new Set(['ъ', RUSSIAN_MARK]);

/** The letters of a key, its language mark left out. */
const lettersOf = (key: string): string => (key.length > 1 && MARKS.has(key.charAt(0)) ? key.slice(1) : key);

/** The starts of the words a Russian lemma keys, by lemma (a query's few keys: kept, cleared when full). */
const russianStarts = new Map<string, string[]>();

/** The starts (as firstTwo spells them) of the words that may have this key. */
function startsOf(key: string): string[] {
  const letters = lettersOf(key);
  if (!key.startsWith(RUSSIAN_MARK) || letters.length === key.length) return [firstTwo(letters)];
  let known = russianStarts.get(letters);
  if (!known) {
    if (russianStarts.size >= 10_000) russianStarts.clear();
    known = [...new Set([letters, ...ruFormStarts(letters)].map(firstTwo))];
    russianStarts.set(letters, known);
  }
  return known;
}

/** Which words may have keys a query can match: built from the query's keys by {@link keyInitials}. */
export interface KeyInitials {
  /** Initials (initialsOf) of the keys of two letters or more. */
  readonly pairs: ReadonlySet<number>;
  /** First-letter classes of the keys of one letter (a word just begun). */
  readonly singles: ReadonlySet<number>;
  /**
   * Classes a word's first or second letter must be in when a key allows a typo (one edit may take its first letter
   * away, change it, or put one before it): the first two letters' classes of such keys. Empty when none does.
   */
  readonly loose: ReadonlySet<number>;
  /** First letters of the name skeletons asked for (a foreign name's token: name-skeleton.ts). */
  readonly nameHeads: ReadonlySet<string>;
  /** The same admission for the same signature: a cache key. */
  readonly signature: string;
}

/**
 * The admission of words for a query's keys: `keys` match a word's keys whole or as prefixes, `typoKeys` (a subset
 * or not) may also match with one typo, `nameKeys` are name skeleton tokens.
 */
export function keyInitials(
  keys: Iterable<string>,
  typoKeys: Iterable<string> = [],
  nameKeys: Iterable<string> = [],
): KeyInitials {
  const pairs = new Set<number>();
  const singles = new Set<number>();
  for (const key of keys)
    for (const start of startsOf(key)) {
      if (start.length > 1) pairs.add(initialsOf(start));
      else if (start.length === 1) singles.add(letterClass(start));
    }
  const loose = new Set<number>();
  for (const key of typoKeys) for (const ch of firstTwo(lettersOf(key))) loose.add(letterClass(ch));
  const nameHeads = new Set<string>();
  for (const key of nameKeys) if (key.length > NAME_PREFIX.length) nameHeads.add(key.charAt(NAME_PREFIX.length));
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b).join(',');
  return {
    pairs,
    singles,
    loose,
    nameHeads,
    signature: `${sorted(pairs)}|${sorted(singles)}|${sorted(loose)}|${[...nameHeads].sort().join('')}`,
  };
}

/** Whether a word with these initials (initialsOf its normalized form) may match one of the keys. */
export function admits(initials: KeyInitials, wordInitials: number): boolean {
  if (initials.pairs.has(wordInitials)) return true;
  const first = Math.floor(wordInitials / PAIR);
  if (initials.singles.has(first)) return true;
  return initials.loose.size > 0 && (initials.loose.has(first) || initials.loose.has(wordInitials % PAIR));
}

/**
 * Whether a word may carry a name token these initials ask for: the first letter of its skeleton (read from its first
 * eight letters, which decide it) is one of theirs. A Russian word's token is its stem's skeleton, which begins as the
 * word's does.
 */
export function admitsName(initials: KeyInitials, word: string): boolean {
  if (initials.nameHeads.size === 0) return false;
  const head = nameSkeleton(word.slice(0, 8), 1)?.charAt(0);
  return head !== undefined && initials.nameHeads.has(head);
}
