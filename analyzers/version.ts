/**
 * The version of the analysis: what the index's term fields were made with. Bump it whenever a change to the
 * analyzers (tokenizer, normalization, stemmers, stopwords, gazetteer, index keys) or to the document's term fields
 * would give an existing article other keys: documents record the version they were built with, the server warns when
 * it serves an index of another version, and `npm run reindex` rebuilds the index with the current one.
 */
export const ANALYZER_VERSION = '2026.12.02-person-skeletons-31';
