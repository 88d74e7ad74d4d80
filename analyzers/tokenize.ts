/**
 * Tokenizer: words, numbers and abbreviations with exact UTF-16 offsets into the input (highlights are cut
 * from them). Splits on Unicode classes only.
 *
 * - A word is a run of letters, combining marks and digits; invisible format characters (soft hyphen, ZWJ)
 *   between letters stay inside it; an apostrophe stays inside a Latin word («Respy'bli'kasy», «O'Brien»), and
 *   at the end of one after a letter the 2017 alphabet marks (a' g' i' n' o' u' y' s' c'), unless the word
 *   was opened by a quote.
 * - A number is a run of digits with inner . or , between digits («23.05.2024», «2,5»); «1941-1945» is two
 *   numbers.
 * - A hyphen splits compounds into adjacent tokens («іс-шара» → іс, шара). A hyphenated case/ordinal ending
 *   after a number, an abbreviation or a word in another script («ШЫҰ-ға», «21-ші», «57%-ы», «iPhone-ның»)
 *   is not a token: the ending carries no searchable meaning, and the word before it is the key.
 * - An all-uppercase token of 2–6 letters is an abbreviation (`abbr`), unless it stands in an all-caps
 *   headline (a run of caps tokens with a long word), where only vowelless ones (ТМД, ҚР) stay `abbr`.
 */

import {
  CYRILLIC,
  DIGIT,
  flagsOfCodePoint,
  flagsOfUnit,
  IGNORABLE,
  LATIN,
  LETTER,
  LOWER,
  MARK,
  UPPER,
} from './script.js';
import type { Token, TokenKind } from './types.js';

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc, 0x2bb, 0x60]);
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);

/** Whether the text between two tokens is one hyphen: they are the parts of a hyphenated compound («іс-шара»). */
export const joinedByHyphen = (gap: string): boolean => gap.length === 1 && HYPHENS.has(gap.charCodeAt(0));
const QUOTES_BEFORE = new Set([0x27, 0x2019, 0x2018, 0x2bc, 0x2bb, 0x60, 0x22, 0xab, 0x201c, 0x201e]);
/** Latin letters that take an apostrophe in the 2017 alphabet. */
const APOSTROPHE_LETTERS = new Set([...'agiouyncsAGIOUYNCS'].map((c) => c.charCodeAt(0)));
const NUMBER_SEPARATORS = new Set([0x2e, 0x2c]);
const PERCENT_LIKE = new Set([0x25, 0xb0, 0x2030]);
const VOWELS = new Set('аәеёиоөуұүыіэюяaeiouyáóúýıäöüū');

/**
 * Hyphenated endings that are inflection, not words (Kazakh case/possessive/plural/ordinal, Russian case): each
 * Kazakh ending is one optional part of each group, in order.
 */
const KK_ENDING_PARTS = [
  ['ыншы', 'інші', 'ншы', 'нші', 'шы', 'ші'],
  ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'],
  ['ы', 'і', 'сы', 'сі', 'ым', 'ім', 'м', 'ың', 'ің', 'ң', 'мыз', 'міз', 'ымыз', 'іміз', 'ыңыз', 'іңіз', 'ңыз', 'ңіз'],
  // biome-ignore format: one case per column is easier to read than one per line
  ['ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ға', 'ге', 'қа', 'ке', 'а', 'е', 'на', 'не', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'н', 'да', 'де', 'та', 'те', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'менен', 'дай', 'дей', 'тай', 'тей', 'ша', 'ше'],
  ['дағы', 'дегі', 'тағы', 'тегі', 'ндағы', 'ндегі', 'ғы', 'гі', 'қы', 'кі'],
];
const LATIN_ENDING_PARTS = [
  ['lar', 'ler', 'dar', 'der', 'tar', 'ter'],
  ['y', 'i', 'ı', 'sy', 'si', 'sı'],
  // biome-ignore format: one case per column is easier to read than one per line
  ['nyń', 'niń', 'dyń', 'diń', 'tyń', 'tiń', 'nyñ', 'nıñ', 'dyñ', 'dıñ', 'tyñ', 'tıñ', 'ǵa', 'ğa', 'ge', 'qa', 'ke', 'a', 'e', 'na', 'ne', 'ny', 'ni', 'nı', 'dy', 'di', 'dı', 'ty', 'ti', 'tı', 'n', 'da', 'de', 'ta', 'te', 'nda', 'nde', 'dan', 'den', 'tan', 'ten', 'nan', 'nen', 'men', 'ben', 'pen'],
  ['daǵy', 'dağy', 'degi', 'degı', 'taǵy', 'tağy', 'tegi', 'tegı'],
];
/** Latin endings that are one piece: Kazakh Latin ordinals and English ones («5-th»). */
const LATIN_WHOLE_ENDINGS = ['shy', 'shi', 'şy', 'şı', 's', 'th', 'st', 'nd', 'rd', 'ed'];
// biome-ignore format: one case per column is easier to read than one per line
const RU_ENDINGS = ['й', 'я', 'е', 'го', 'ого', 'его', 'му', 'ому', 'ему', 'м', 'ом', 'ем', 'ым', 'им', 'х', 'ых', 'их', 'ми', 'ыми', 'ю', 'ую', 'ая', 'ое', 'ые', 'ий', 'ый', 'ой', 'ей', 'ти', 'ть', 'ью', 'и', 'а', 'у', 'ы', 'ов', 'ам', 'ами', 'ах', 'ия', 'ие', 'ии', 'ию', 'ец', 'ка', 'летие', 'летия'];

const optionalParts = (groups: readonly string[][]): string => groups.map((g) => `(?:${g.join('|')})?`).join('');
const KK_SUFFIX = new RegExp(`^${optionalParts(KK_ENDING_PARTS)}$`, 'u');
const LATIN_SUFFIX = new RegExp(`^(?:${optionalParts(LATIN_ENDING_PARTS)}|${LATIN_WHOLE_ENDINGS.join('|')})$`, 'u');
const RU_SUFFIX = new RegExp(`^(?:${RU_ENDINGS.join('|')})$`, 'u');
const ENDING_PARTS = [
  ...new Set([...KK_ENDING_PARTS.flat(), ...LATIN_ENDING_PARTS.flat(), ...LATIN_WHOLE_ENDINGS, ...RU_ENDINGS]),
];

function hasVowel(s: string): boolean {
  for (const ch of s.toLowerCase()) if (VOWELS.has(ch)) return true;
  return false;
}

function isInflectionEnding(s: string): boolean {
  return s.length > 0 && s.length <= 9 && (KK_SUFFIX.test(s) || RU_SUFFIX.test(s) || LATIN_SUFFIX.test(s));
}

/**
 * Whether letters being typed can still become a hyphenated ending («ғ» of «-ға», «ǵ» of «-ǵa», «ны» of «-ның»): an
 * ending, or one with the first letters of one more part. Loose on the order of the parts: it only decides what
 * a query being typed leaves out.
 */
function beginsInflectionEnding(s: string): boolean {
  if (s.length === 0 || s.length > 9) return false;
  for (let k = 0; k < s.length; k++) {
    const rest = s.slice(k);
    if ((k === 0 || isInflectionEnding(s.slice(0, k))) && ENDING_PARTS.some((p) => p.startsWith(rest))) return true;
  }
  return false;
}

interface Run {
  start: number;
  end: number;
  letters: number;
  digits: number;
  upper: number;
  lower: number;
  /** Digits and inner separators only. */
  numeric: boolean;
  script: number; // CYRILLIC | LATIN bits seen
}

/** Reads one word/number run starting at `start` (which holds a letter or digit). */
function readRun(text: string, start: number): Run {
  const n = text.length;
  const run: Run = { start, end: start, letters: 0, digits: 0, upper: 0, lower: 0, numeric: true, script: 0 };
  let i = start;
  let prevLatin = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    let cp = code;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      cp = text.codePointAt(i) ?? code;
      width = cp > 0xffff ? 2 : 1;
    }
    const f = width === 1 ? flagsOfUnit(code) : flagsOfCodePoint(cp);
    if (f & LETTER) {
      run.letters++;
      run.numeric = false;
      if (f & UPPER) run.upper++;
      if (f & LOWER) run.lower++;
      run.script |= f & (CYRILLIC | LATIN);
      prevLatin = (f & LATIN) !== 0;
      i += width;
      continue;
    }
    if (f & DIGIT) {
      run.digits++;
      prevLatin = false;
      i += width;
      continue;
    }
    if (f & MARK) {
      i += width; // a combining mark stays with its letter
      continue;
    }
    const nextF = i + 1 < n ? flagsOfUnit(text.charCodeAt(i + 1)) : 0;
    if (run.numeric && NUMBER_SEPARATORS.has(code) && nextF & DIGIT && run.digits > 0) {
      i++; // 23.05.2024, 2,5
      continue;
    }
    if (f & IGNORABLE && nextF & LETTER) {
      i++; // soft hyphen or joiner inside a word
      continue;
    }
    if (APOSTROPHES.has(code) && prevLatin) {
      if (nextF & LETTER && nextF & LATIN) {
        i++; // Respy'bli'kasy
        continue;
      }
      const prevCode = text.charCodeAt(i - 1);
      const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
      if (APOSTROPHE_LETTERS.has(prevCode) && !(nextF & (LETTER | DIGIT)) && !QUOTES_BEFORE.has(before)) {
        i++; // 2017 alphabet letter at the end of a word: Shanhai'
        break;
      }
    }
    break;
  }
  // a trailing number separator is never part of the run (loop only takes it before a digit)
  run.end = i;
  return run;
}

function kindOf(run: Run): TokenKind {
  if (run.numeric) return 'number';
  if (run.lower === 0 && run.upper > 0 && run.letters <= 6 && (run.letters >= 2 || run.digits > 0)) return 'abbr';
  return 'word';
}

interface Pending extends Token {
  allCaps: boolean;
  script: number;
  letters: number;
  digits: number;
}

function isWordStart(f: number): boolean {
  return (f & (LETTER | DIGIT)) !== 0;
}

function flagsAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) return flagsOfCodePoint(text.codePointAt(i) ?? code);
  return flagsOfUnit(code);
}

/**
 * Splits text into tokens with UTF-16 offsets; see the module comment for the rules. When `scripts` is given,
 * it receives, per token, the script bits seen in it (CYRILLIC | LATIN from ./script.js), which lets the
 * pipeline skip a second look at each word.
 */
export function tokenize(text: string, scripts?: number[]): Token[] {
  const out: Pending[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordStart(flagsAt(text, i))) {
      i++;
      continue;
    }
    const run = readRun(text, i);
    const kind = kindOf(run);
    out.push({
      surface: text.slice(run.start, run.end),
      start: run.start,
      end: run.end,
      kind,
      allCaps: run.lower === 0 && run.upper > 0,
      script: run.script,
      letters: run.letters,
      digits: run.digits,
    });
    i = hyphenEndingAfter(text, run, kind, isInflectionEnding)?.end ?? run.end;
  }
  markHeadlines(text, out);
  if (scripts) for (const t of out) scripts.push(t.script);
  return out.map(({ surface, start, end, kind }) => ({ surface, start, end, kind }));
}

/**
 * The hyphenated inflection ending after a number, an abbreviation or a word of another script («ШЫҰ-ға», «21-ші»,
 * «iPhone-ның»), when `isEnding` takes its letters: the run of them and where its hyphen stands.
 */
function hyphenEndingAfter(
  text: string,
  run: Run,
  kind: TokenKind,
  isEnding: (letters: string) => boolean,
): { hyphen: number; end: number } | null {
  let j = run.end;
  if (kind === 'number' && j < text.length && PERCENT_LIKE.has(text.charCodeAt(j))) j++;
  if (!(j + 1 < text.length && HYPHENS.has(text.charCodeAt(j)) && isWordStart(flagsAt(text, j + 1)))) return null;
  const next = readRun(text, j + 1);
  const nextIsLowerLetters = next.lower > 0 && next.upper === 0 && next.digits === 0;
  const otherScript = (next.script & run.script) === 0 && run.script !== 0;
  const endsInDigit = run.digits > 0 && flagsOfUnit(text.charCodeAt(run.end - 1)) & DIGIT;
  const takesEnding = kind !== 'word' || otherScript || endsInDigit;
  if (!nextIsLowerLetters || !takesEnding || !isEnding(text.slice(next.start, next.end).toLowerCase())) return null;
  return { hyphen: j, end: next.end };
}

/**
 * Where a query being typed ends in a hyphenated ending not finished yet («ЕАЭО-ғ» on the way to «ЕАЭО-ға»,
 * «NATO-ǵ»), or in a finished one: the offset just past its hyphen, so that the query is read as the word before
 * it with its hyphen («ЕАЭО-», a finished word); null otherwise.
 */
export function typedEndingStart(text: string): number | null {
  for (let i = 0; i < text.length; ) {
    if (!isWordStart(flagsAt(text, i))) {
      i++;
      continue;
    }
    const run = readRun(text, i);
    const ending = hyphenEndingAfter(text, run, kindOf(run), beginsInflectionEnding);
    if (ending?.end === text.length) return ending.hyphen + 1;
    i = ending?.end ?? run.end;
  }
  return null;
}

/**
 * In a run of all-caps tokens on one line that holds a word of 7+ letters (a headline), caps tokens are words;
 * only vowelless ones (ТМД, ҚР) or ones with digits stay abbreviations.
 */
function markHeadlines(text: string, tokens: Pending[]): void {
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k];
    if (!t?.allCaps || t.kind === 'number') {
      k++;
      continue;
    }
    let m = k + 1;
    while (m < tokens.length) {
      const prev = tokens[m - 1];
      const cur = tokens[m];
      if (!prev || !cur?.allCaps || cur.kind === 'number') break;
      if (text.slice(prev.end, cur.start).includes('\n')) break;
      m++;
    }
    let headline = false;
    for (let q = k; q < m; q++) if ((tokens[q]?.letters ?? 0) >= 7) headline = true;
    if (headline) {
      for (let q = k; q < m; q++) {
        const tok = tokens[q];
        if (tok && tok.kind === 'abbr' && tok.digits === 0 && hasVowel(tok.surface)) tok.kind = 'word';
      }
    }
    k = m;
  }
}
