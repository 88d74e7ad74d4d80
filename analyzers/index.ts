/**
 * analyzers/: the text analysis of izde, pure functions over strings (its data files are read once, when a module
 * loads). This file is the analyzers' one public surface: the other folders import from here only, and the lint
 * refuses a deep import (tests inside analyzers/ may use its internals).
 *
 * **Analyze once.** Index and query go through the same pipeline — tokenize → language per paragraph (a word that
 * decides overrides it) → normalize (NFC, lowercase, ё→е, Kazakh Latin → Cyrillic) → stopwords → three keys per word,
 * one per match tier: exact (`norm`), stem (`term`), fold (Kazakh typed with Russian letters) — and each text goes
 * through it once:
 * - {@link analyzeArticle}: title and body of an article, with the language of each paragraph, the article's
 *   language and the organizations it names; extraction and the document builder both read this one result;
 * - {@link analyzeText}: one text (the highlighter re-reads a hit's original text with it);
 * - {@link analyzeQuery}: a query, with its readings per language (a word that is Kazakh or Russian gets both),
 *   its index keys and the entities it names.
 *
 * **Keys.** {@link wordKeys} gives one word's keys; {@link IndexKeys} are the keys a token puts in the index (stem
 * and fold keys carry a language mark, {@link KAZAKH_MARK}/{@link RUSSIAN_MARK}); {@link salientKey} and
 * {@link entityToken} make the keys of the salient-word and entity fields. {@link ANALYZER_VERSION} changes whenever
 * a key could change: documents carry it, and a different one asks for a reindex.
 *
 * **Languages.** Each language's stemmer and stopwords come from one table, {@link LANGUAGES} ({@link stemKk},
 * {@link stemKkFolded}, {@link stemRu}; {@link KK_STOPWORDS}, {@link RU_STOPWORDS}). {@link detectLang} and
 * {@link scoreLang} tell Kazakh from Russian; {@link fold}, the Latin alphabets ({@link cyrillicToLatin},
 * {@link latinToCyrillic}, {@link detectLatinAlphabet}) and {@link wrongLayoutCandidates} (a query typed in the
 * wrong keyboard layout) convert between spellings.
 *
 * **Entities.** {@link gazetteer} is the list of organizations, places and people with their names per language;
 * {@link entryOf} and {@link labelOf} look one up.
 *
 * **Parts for measurements.** Benchmarks and evaluations (bench/, eval/) compare single parts: the Russian
 * dictionary ({@link ruReadings}, {@link ruDictionaryLoad}), a light Russian stemmer ({@link lightStemRu}), and the
 * Kazakh suffix grammar ({@link loadGrammar}, {@link compileGrammar}, {@link parseSuffixes} with
 * {@link KK_ALPHABET}/{@link FOLDED_ALPHABET}). The pipeline itself does not need them from outside.
 */

export {
  type AnalyzedText,
  type AnalyzeLang,
  type AnalyzeOptions,
  analyze,
  analyzeWithEvidence,
  clearAnalyzeCache,
  kindOfWord,
  setWordCacheSize,
  WORD_CACHE_DEFAULT,
  type WordKeys,
  type WordKeysOptions,
  wordKeys,
} from './analyze.js';
export {
  type EntityKind,
  type EntityMention,
  entryOf,
  type FindOptions,
  findEntities,
  type GazetteerEntry,
  gazetteer,
  labelOf,
  organizationsOf,
  type UiLang,
} from './entities.js';
export { ENTITY_PREFIX, entityToken } from './entity-token.js';
export { indexKeys, KAZAKH_MARK, kazakhKey, RUSSIAN_MARK, salientKey } from './index-keys.js';
export { type KeyInitials, keyInitials } from './key-initials.js';
export { fold, latinSpelled } from './kk/fold.js';
export {
  cyrillicTextToLatin,
  cyrillicToLatin,
  DEFAULT_LATIN_ALPHABET,
  detectLatinAlphabet,
  type LatinAlphabet,
  latinToCyrillic,
} from './kk/latin.js';
export { withLoanYo } from './kk/latin-yo.js';
export { nounForms } from './kk/noun-paradigm.js';
export { type Alphabet, FOLDED_ALPHABET, KK_ALPHABET } from './kk/phonology.js';
export { stemKk, stemKkFolded } from './kk/stem.js';
export {
  type CompiledGrammar,
  compileGrammar,
  loadGrammar,
  parseSuffixes,
  type SuffixGrammar,
  type SuffixParse,
} from './kk/suffix-parser.js';
export { decideLang, detectLang, type LangScores, scoreLang, scoreWord, scoreWords } from './lang/detect.js';
export { isStopword, LANGUAGES, type Morphology } from './languages.js';
export { type LayoutCandidate, wrongLayoutCandidates } from './layout.js';
export { nameSkeleton, nameToken } from './name-skeleton.js';
export { forceScript, type NormalizeOptions, normalize, type WordScript, wordScript } from './normalize.js';
export { analyzeQuery, type QueryAnalysis, type QueryToken, type Reading } from './query.js';
export { lightStemRu } from './ru/light-stem.js';
export { type RuReading, ruDictionaryLoad, ruReadings } from './ru/morph.js';
export { isRussianName, stemRu } from './ru/stem.js';
export { hasKazakhLetter } from './script.js';
export { sentenceStarts } from './sentences.js';
export { KK_STOPWORDS, RU_STOPWORDS } from './stopwords.js';
export {
  type AnalyzeTextOptions,
  type ArticleAnalysis,
  analyzeArticle,
  analyzeArticleWords,
  analyzeText,
  type TextAnalysis,
} from './text.js';
export { titleModifier } from './title-compounds.js';
export { joinedByHyphen, tokenize } from './tokenize.js';
export type * from './types.js';
export { ANALYZER_VERSION } from './version.js';
