/**
 * The Russian index key of a word: its dictionary lemma, chosen by measurement over Snowball, natural's Porter
 * stemmer and a light stemmer (docs/analyzers.md has the figures).
 *
 * Order: the Kazakhstan news lexicon (data/news-lexemes.tsv) → the OpenCorpora dictionary (az), most probable
 * lemma without context (choose-lemma.ts) → for unknown words, a consistent stem (unknown-key.ts).
 * Keys are cached per word in a bounded map, so a warm index or query run seldom touches the dictionary.
 */

import { LRUCache } from 'lru-cache';
import type { Stemmer } from '../types.js';
import { chooseLemma } from './choose-lemma.js';
import { ruReadings } from './morph.js';
import { newsLexemeForms } from './news-lexemes.js';
import { unknownKeyRu } from './unknown-key.js';

/** Enough for the frequent words of a large news collection (Zipf: the rest are seldom met again); a few MB when full. */
const CACHE_SIZE = 30_000;
/**
 * A word's key, whether a dictionary knows the word (our news lexicon or OpenCorpora) or it was guessed, and whether
 * every reading the dictionary knows is a person's name (Меркель, Джонсона; not Путина, also a fishing season).
 */
interface RuKey {
  key: string;
  known: boolean;
  personName?: boolean;
}

/** OpenCorpora's grammemes of a person's name: surname, first name, patronymic. */
const PERSON_NAME = ['Surn', 'Name', 'Patr'];
const cache = new LRUCache<string, RuKey>({ max: CACHE_SIZE });

const COMBINING_FORM = /[сц]ко$/u;

/**
 * The key of the adjective whose combining form an unknown word is, in a compound adjective («российско-германский»,
 * «казахстанско-китайские», «британско-ирландской»: the tokenizer splits at the hyphen), when a dictionary knows the
 * adjective; else null. The first part then keys as its adjective and names its country as the adjective does.
 */
function combiningAdjective(word: string): RuKey | null {
  if (!COMBINING_FORM.test(word)) return null;
  const adjective = ruKey(`${word.slice(0, -1)}ий`);
  return adjective.known ? adjective : null;
}

function ruKey(word: string): RuKey {
  const lexeme = newsLexemeForms.get(word);
  if (lexeme) return { key: lexeme, known: true };
  const readings = ruReadings(word);
  const dictionary = readings.filter((r) => r.source === 'Dictionary');
  const known = dictionary.length > 0;
  if (!known) {
    const adjective = combiningAdjective(word);
    if (adjective) return adjective;
  }
  const key = chooseLemma(word, readings) ?? unknownKeyRu(word);
  const personName = known && dictionary.every((r) => PERSON_NAME.some((g) => r.grammemes.has(g)));
  return personName ? { key, known, personName } : { key, known };
}

function cachedRuKey(word: string): RuKey {
  let k = cache.get(word);
  if (k === undefined) {
    k = ruKey(word);
    cache.set(word, k);
  }
  return k;
}

/** The key without the cache. */
export function keyRu(word: string): string {
  return ruKey(word).key;
}

/** Key of a normalized (lowercase, ё→е) Russian word. */
export const stemRu: Stemmer = (word) => cachedRuKey(word).key;

/** Whether a normalized word is in the dictionary (or our news lexicon), rather than an unknown word or name. */
export function isKnownRussianWord(word: string): boolean {
  return cachedRuKey(word).known;
}

/**
 * Whether a normalized word may be a name: the dictionary does not know it, or knows it only as a person's name
 * (RuKey.personName). One cache lookup: every Russian token asks it while being indexed.
 */
export function isRussianName(word: string): boolean {
  const k = cachedRuKey(word);
  return !k.known || k.personName === true;
}

/** Empties the cache (benchmarks measure cold runs with it). */
export function clearStemRuCache(): void {
  cache.clear();
}
