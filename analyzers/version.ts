/**
 * The version of the analysis that turned articles into the index's term fields.
 *
 * Bump it (any new string; a date with a counter reads well) in the same commit as any change that makes the
 * analyzers produce a different key for some text: tokenization, normalization, folding, a stemmer or its data,
 * stopwords, the gazetteer or entity tokens, name skeletons, or which keys a document's term fields hold. Do not bump it
 * for changes that only touch queries, ranking or display. An index built under another version answers queries
 * analyzed differently from its documents, so it must be re-analyzed (`npm run reindex`); a backup records the
 * version it was made with, and `npm run restore` says when it differs from this one.
 */
export const ANALYZER_VERSION = '2026-11-30.1';
