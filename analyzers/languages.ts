/**
 * What the pipeline takes from each language, in one table: the stemmer of the stem tier, the key of the fold tier
 * and the stopwords. `analyze.ts` and `query.ts` read stemmers and stopwords from here and from nowhere else, so a
 * language's morphology is swapped or added in this one place (benchmarks compare stemmers of the same shape,
 * `Stemmer`, in bench/analyzers.ts).
 *
 * The table is put together when the module loads, not passed at each call: the word-key cache of analyze.ts is
 * shared by indexing and queries, and keys made by two different stemmers in one cache would not meet.
 */

import { fold } from './kk/fold.js';
import { stemKk, stemKkFolded } from './kk/stem.js';
import { stemRu } from './ru/stem.js';
import { KK_STOPWORDS, OTHER_STOPWORDS, RU_STOPWORDS } from './stopwords.js';
import type { MorphLang, Stemmer } from './types.js';

export interface Morphology {
  /** The stem-tier key of a normalized word. */
  stem: Stemmer;
  /** The fold-tier key of a normalized word; absent: the same as its stem. */
  foldKey?: Stemmer;
  /** Normalized words that are not indexed (their keys are null). */
  stopwords: ReadonlySet<string>;
}

const identity: Stemmer = (word) => word;

export const LANGUAGES: Readonly<Record<MorphLang, Morphology>> = {
  // Kazakh typed with Russian letters (қ→к, ә→а, …) meets the folded spelling, stemmed by the same rules.
  kk: { stem: stemKk, foldKey: (word) => stemKkFolded(fold(word)), stopwords: KK_STOPWORDS },
  ru: { stem: stemRu, stopwords: RU_STOPWORDS },
  // Other languages (English names, Latin words) are matched as written.
  other: { stem: identity, stopwords: OTHER_STOPWORDS },
};

/** Whether a normalized word is a stopword of the language whose morphology applies to it. */
export function isStopword(norm: string, lang: MorphLang): boolean {
  return LANGUAGES[lang].stopwords.has(norm);
}
