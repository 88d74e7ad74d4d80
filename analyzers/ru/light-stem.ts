/**
 * A light Russian stemmer after J. Savoy's published "light" algorithm (the one Lucene ships as
 * RussianLightStemmer): strip one nominal case ending, the longest that leaves a long enough stem, then
 * normalize a final -ь/-и and a double -нн. It knows no verb morphology, so it conflates less and errs less
 * than Snowball; izde uses it for words the dictionary does not know (names, new words).
 *
 * Written from the algorithm's description; input is a normalized word (lowercase, ё→е), so the original's
 * -ём ending is already -ем; endings with -ьв (evident typos in some renderings) are left out, and the two-letter
 * list has the masculine instrumental -ом, which names such as «Шымкентом» need.
 */
import type { Stemmer } from '../types.js';

/** Endings by length, each with the minimum word length (in letters) at which it may be stripped. */
const ENDINGS: ReadonlyArray<{ minLength: number; endings: readonly string[] }> = [
  { minLength: 7, endings: ['иями', 'оями'] },
  {
    minLength: 6,
    endings: ['иям', 'иях', 'оях', 'ями', 'оям', 'ами', 'его', 'ему', 'ери', 'ими', 'ого', 'ому', 'ыми', 'оев'],
  },
  {
    minLength: 5,
    endings: [
      'ая',
      'яя',
      'ях',
      'юю',
      'ах',
      'ею',
      'их',
      'ия',
      'ию',
      'ою',
      'ую',
      'ям',
      'ых',
      'ея',
      'ам',
      'ем',
      'ей',
      'ев',
      'ий',
      'ов',
      'ое',
      'ой',
      'ый',
      'ым',
      'ом',
      'ми',
    ],
  },
  { minLength: 4, endings: ['а', 'е', 'и', 'о', 'у', 'й', 'ы', 'ь', 'я'] },
];

function removeCase(word: string): string {
  const length = [...word].length;
  for (const { minLength, endings } of ENDINGS) {
    if (length < minLength) continue;
    for (const ending of endings) if (word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

function normalize(stem: string): string {
  if ([...stem].length < 4) return stem;
  if (stem.endsWith('ь') || stem.endsWith('и')) return stem.slice(0, -1);
  if (stem.endsWith('нн')) return stem.slice(0, -1);
  return stem;
}

/** Light stem of a normalized Russian word. */
export const lightStemRu: Stemmer = (word) => normalize(removeCase(word));
