/**
 * The analyzers' second public surface: what a process may use without loading the analysis data (the Russian
 * dictionary, the entity patterns, the stemmers' lists) — normalization, Kazakh folding and the stopword lists. The
 * indexer's reading thread uses it (indexer/extract/lead-words.ts) and leaves the rest to its analysis thread
 * (indexer/document-maker.ts); analyzers/index.js loads everything.
 */
export { fold } from './kk/fold.js';
export { normalize } from './normalize.js';
export { KK_STOPWORDS, RU_STOPWORDS } from './stopwords.js';
