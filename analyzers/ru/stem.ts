/**
 * The Russian index key of a word: its dictionary lemma, chosen by measurement over Snowball, natural's Porter
 * stemmer and a light stemmer (docs/analyzers.md has the figures).
 *
 * Order: the Kazakhstan news lexicon (data/news-lexemes.tsv) → the OpenCorpora dictionary (az), most probable
 * lemma without context (choose-lemma.ts) → for unknown words, a consistent stem (unknown-key.ts).
 * Keys are cached per word in a bounded map, so a warm index or query run seldom touches the dictionary.
 */
import type { Stemmer } from '../types.js';
import { chooseLemma } from './choose-lemma.js';
import { ruReadings } from './morph.js';
import { newsLexemeForms } from './news-lexemes.js';
import { unknownKeyRu } from './unknown-key.js';
import { BoundedCache } from './bounded-cache.js';

/** Enough for the distinct words of a large news collection; about 10 MB when full. */
const CACHE_SIZE = 100_000;
const cache = new BoundedCache<string, string>(CACHE_SIZE);

/** The key without the cache. */
export function keyRu(word: string): string {
  return newsLexemeForms.get(word) ?? chooseLemma(word, ruReadings(word)) ?? unknownKeyRu(word);
}

/** Key of a normalized (lowercase, ё→е) Russian word. */
export const stemRu: Stemmer = (word) => {
  let key = cache.get(word);
  if (key === undefined) {
    key = keyRu(word);
    cache.set(word, key);
  }
  return key;
};

/** Empties the cache (benchmarks measure cold runs with it). */
export function clearStemRuCache(): void {
  cache.clear();
}
