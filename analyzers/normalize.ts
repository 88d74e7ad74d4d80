/**
 * Normalization of one word to its exact-tier key: NFC, invisible format characters removed, Latin look-alike
 * letters inside a Cyrillic word mapped to Cyrillic (and the reverse inside a Latin word), lowercase with care
 * for I/İ, ё→е, leftover combining marks (stress accents) and apostrophes removed, and — when asked — Kazakh
 * Latin transliterated to Cyrillic.
 */
import { type LatinAlphabet, latinToCyrillic } from './kk/latin.js';
import { CYRILLIC, flagsOfCodePoint, flagsOfUnit, LATIN, LETTER } from './script.js';

export interface NormalizeOptions {
  /** Transliterate a Latin-script word from this Kazakh Latin alphabet to Cyrillic (words with Cyrillic stay). */
  latin?: LatinAlphabet | false;
}

/** Latin letters that look like a Cyrillic letter (Kazakh web text types them inside Cyrillic words). */
const LATIN_TO_CYR: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  h: 'һ',
  ə: 'ә',
  ɵ: 'ө',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  Ə: 'Ә',
  Ɵ: 'Ө',
};
/** Cyrillic letters that look like a Latin letter (the reverse pollution, inside Latin words). */
const CYR_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  с: 'c',
  е: 'e',
  і: 'i',
  о: 'o',
  р: 'p',
  х: 'x',
  у: 'y',
  к: 'k',
  һ: 'h',
  ј: 'j',
  ԛ: 'q',
  ԝ: 'w',
  ѕ: 's',
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ј: 'J',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ѕ: 'S',
};

const IGNORABLE_ALL = /\p{Default_Ignorable_Code_Point}/gu;
const HAS_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const MARK_ALL = /\p{M}/gu;
const HAS_MARK = /\p{M}/u;
const APOSTROPHE_ALL = /['’ʼʻ`´]/gu;
const HAS_APOSTROPHE = /['’ʼʻ`´]/u;
const ASCII_LOWER_WORD = /^[a-z0-9]*$/;

export type WordScript = 'cyrillic' | 'latin' | 'mixed' | 'none';

/** Counts of script-distinctive letters: strong = no look-alike in the other script. */
function scriptOf(word: string): {
  script: WordScript;
  strongCyr: number;
  strongLat: number;
  cyr: number;
  lat: number;
} {
  let strongCyr = 0;
  let strongLat = 0;
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    const f = flagsOfCodePoint(ch.codePointAt(0) ?? 0);
    if (!(f & LETTER)) continue;
    if (f & CYRILLIC) {
      cyr++;
      if (CYR_TO_LATIN[ch] === undefined) strongCyr++;
    } else if (f & LATIN) {
      lat++;
      if (LATIN_TO_CYR[ch] === undefined) strongLat++;
    }
  }
  let script: WordScript = 'none';
  if (strongCyr > 0 && strongLat === 0) script = 'cyrillic';
  else if (strongLat > 0 && strongCyr === 0) script = 'latin';
  else if (strongLat > 0 && strongCyr > 0) script = 'mixed';
  else if (cyr > 0 || lat > 0) script = cyr >= lat ? 'cyrillic' : 'latin'; // only look-alikes: majority
  return { script, strongCyr, strongLat, cyr, lat };
}

/** The script a word is written in, look-alike letters resolved by the others ('mixed' when both are strong). */
export function wordScript(word: string): WordScript {
  return scriptOf(word).script;
}

function mapLookAlikes(word: string, to: 'cyrillic' | 'latin'): string {
  const table = to === 'cyrillic' ? LATIN_TO_CYR : CYR_TO_LATIN;
  let out = '';
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}

/**
 * The word in one script when all its letters of the other script are look-alikes (Latin «c» → Cyrillic «с»
 * for a Russian word list); null when it holds a letter of the other script that has no look-alike.
 */
export function forceScript(word: string, to: 'cyrillic' | 'latin'): string | null {
  const { strongCyr, strongLat } = scriptOf(word);
  if ((to === 'cyrillic' && strongLat > 0) || (to === 'latin' && strongCyr > 0)) return null;
  return mapLookAlikes(word, to);
}

/** Lowercase that maps İ to i (String#toLowerCase gives i + combining dot) and keeps ı. */
function lower(word: string): string {
  return word.includes('İ') ? word.replace(/İ/gu, 'i').toLowerCase() : word.toLowerCase();
}

/**
 * The exact-tier key of one word. Idempotent: normalize(normalize(w, o), o) === normalize(w, o).
 */
export function normalize(word: string, opts?: NormalizeOptions): string {
  // Fast path: plain ASCII lowercase words and numbers are already normal.
  if (ASCII_LOWER_WORD.test(word) && !opts?.latin) return word;
  let w = word.normalize('NFC');
  if (HAS_IGNORABLE.test(w)) w = w.replace(IGNORABLE_ALL, '');
  // Look-alikes are resolved on the original case first (Latin H looks like Н, h like һ) …
  w = resolveScript(w, opts);
  w = lower(w).normalize('NFC');
  if (w.includes('ё')) w = w.replace(/ё/gu, 'е');
  // Stress accents and other marks that did not compose under NFC carry no meaning for search.
  if (HAS_MARK.test(w)) w = w.replace(MARK_ALL, '').normalize('NFC');
  if (HAS_APOSTROPHE.test(w)) w = w.replace(APOSTROPHE_ALL, '');
  // … and once more on the lowercase word, where lowercasing may have made new look-alikes (İ → i).
  return resolveScript(w, opts);
}

/** Maps look-alike letters to the word's script, or transliterates a Kazakh Latin word when asked. */
function resolveScript(w: string, opts: NormalizeOptions | undefined): string {
  // Fast path: a word of one script with nothing to transliterate (the vast majority).
  let hasCyr = false;
  let hasLat = false;
  for (let i = 0; i < w.length; i++) {
    const f = flagsOfUnit(w.charCodeAt(i));
    if (f & CYRILLIC) hasCyr = true;
    else if (f & LATIN) hasLat = true;
  }
  if (!hasLat || (!hasCyr && !opts?.latin)) return w;
  const { script, cyr, lat } = scriptOf(w);
  if (script === 'latin' && opts?.latin) return latinToCyrillic(cyr > 0 ? mapLookAlikes(w, 'latin') : w, opts.latin);
  if (script === 'cyrillic' && lat > 0) return mapLookAlikes(w, 'cyrillic');
  if (script === 'latin' && cyr > 0) return mapLookAlikes(w, 'latin');
  return w;
}
