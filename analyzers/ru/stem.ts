// Placeholder owned by the Russian-analysis work: Snowball until the measured choice replaces it.
import snowball from 'snowball-stemmers';
import type { Stemmer } from '../types.js';

const russian = snowball.newStemmer('russian');

/** Key of a normalized (lowercase, ё→е) Russian word. */
export const stemRu: Stemmer = (word) => russian.stem(word);
