/**
 * Key of a Russian word the dictionary does not know: mostly names and new words in news. Forms of one word
 * must meet, so the rules aim at consistency across a paradigm rather than at a dictionary-like lemma.
 */
import type { Stemmer } from '../types.js';
import { lightStemRu } from './light-stem.js';

/**
 * A surname in -ов/-ев/-ин/-ын with its case ending (Бектенова, Бектенову, Бектеновым, Бектеновой): keyed by the
 * masculine nominative, so that it meets the nominative (which a stemmer would cut to «бектен»).
 */
const SURNAME = /^(\p{L}{2,}(?:ов|ев|ин|ын))(?:а|у|ым|е|ой|ы|ых|ыми)?$/u;

/** The masculine nominative of a surname-shaped word, or null. */
export function surnameBase(word: string): string | null {
  return SURNAME.exec(word)?.[1] ?? null;
}

// A stem left ending in vowels still carries part of an ending («костана» from «костанай», «костанаю» kept
// whole, «костан» from «костаная»): dropping them makes the forms meet.
const FINAL_VOWELS = /[аеиоуыэюя]+$/u;
const MIN_STEM = 3;

/** Key of an unknown word: surname base, else the light stem without trailing vowels. */
export const unknownKeyRu: Stemmer = (word) => {
  const surname = surnameBase(word);
  if (surname) return surname;
  const stem = lightStemRu(word);
  const trimmed = stem.replace(FINAL_VOWELS, '');
  return trimmed.length >= MIN_STEM ? trimmed : stem;
};
