/**
 * Character classes by Unicode property (never by letter ranges), precomputed once for the BMP so the
 * tokenizer and normalizer can classify a UTF-16 code unit with one array read.
 */

import { LRUCache } from 'lru-cache';

export const LETTER = 1;
export const MARK = 2;
export const DIGIT = 4;
export const UPPER = 8;
export const LOWER = 16;
export const CYRILLIC = 32;
export const LATIN = 64;
/** Default-ignorable format characters (soft hyphen, zero-width joiners): invisible inside words. */
export const IGNORABLE = 128;

const RE_LETTER = /\p{L}/u;
const RE_MARK = /\p{M}/u;
const RE_DIGIT = /\p{Nd}/u;
const RE_UPPER = /\p{Lu}|\p{Lt}/u;
const RE_LOWER = /\p{Ll}/u;
const RE_CYRILLIC = /\p{Script=Cyrillic}/u;
const RE_LATIN = /\p{Script=Latin}/u;
const RE_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

function computeFlags(ch: string): number {
  let f = 0;
  if (RE_LETTER.test(ch)) f |= LETTER;
  if (RE_MARK.test(ch)) f |= MARK;
  if (RE_DIGIT.test(ch)) f |= DIGIT;
  if (RE_UPPER.test(ch)) f |= UPPER;
  if (RE_LOWER.test(ch)) f |= LOWER;
  if (RE_CYRILLIC.test(ch)) f |= CYRILLIC;
  if (RE_LATIN.test(ch)) f |= LATIN;
  if (f === 0 && RE_IGNORABLE.test(ch)) f |= IGNORABLE;
  return f;
}

const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates: classified through the code point
  BMP[c] = computeFlags(String.fromCharCode(c));
}

const astralCache = new LRUCache<number, number>({ max: 4096 });

/** Flags of a code point (any plane). */
export function flagsOfCodePoint(cp: number): number {
  if (cp < 0x10000) return BMP[cp] ?? 0;
  let f = astralCache.get(cp);
  if (f === undefined) {
    f = computeFlags(String.fromCodePoint(cp));
    astralCache.set(cp, f);
  }
  return f;
}

/** Flags of a BMP code unit (surrogates give 0; use flagsOfCodePoint for astral characters). */
export function flagsOfUnit(code: number): number {
  return BMP[code] ?? 0;
}

/** The nine letters of Kazakh Cyrillic that Russian lacks (both cases). */
export const KAZAKH_LETTERS = new Set('әғқңөұүһіӘҒҚҢӨҰҮҺІ');

const KAZAKH_LETTER_RE = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;

/** True if the word holds at least one Kazakh-only Cyrillic letter. */
export function hasKazakhLetter(word: string): boolean {
  return KAZAKH_LETTER_RE.test(word);
}

/** Counts Cyrillic and Latin letters of a string. */
export function scriptCounts(s: string): { cyrillic: number; latin: number; letters: number } {
  let cyrillic = 0;
  let latin = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const f = BMP[s.charCodeAt(i)] ?? 0;
    if (f & LETTER) {
      letters++;
      if (f & CYRILLIC) cyrillic++;
      else if (f & LATIN) latin++;
    }
  }
  return { cyrillic, latin, letters };
}
