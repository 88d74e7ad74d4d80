// Placeholder owned by the Kazakh-stemmer work; returns the word until the real stemmer lands.
import type { Stemmer } from '../types.js';

/** Key of a normalized Kazakh word in Cyrillic (real Kazakh letters). */
export const stemKk: Stemmer = (word) => word;

/** Key of a Kazakh word already folded to Russian letters (қ→к, ә→а, …): the same rules in the folded alphabet. */
export const stemKkFolded: Stemmer = (word) => word;
