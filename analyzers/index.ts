/** Public functions of the analysis pipeline (one import for index and query code). */

export type { AnalyzeLang, AnalyzeOptions, WordKeys, WordKeysOptions } from './analyze.js';
export { analyze, clearAnalyzeCache, kindOfWord, wordKeys } from './analyze.js';
export { fold } from './kk/fold.js';
export type { LatinAlphabet } from './kk/latin.js';
export {
  cyrillicTextToLatin,
  cyrillicToLatin,
  DEFAULT_LATIN_ALPHABET,
  detectLatinAlphabet,
  latinToCyrillic,
} from './kk/latin.js';
export { stemKk, stemKkFolded } from './kk/stem.js';
export type { LangScores } from './lang/detect.js';
export { decideLang, detectLang, scoreLang, scoreWord, scoreWords } from './lang/detect.js';
export type { NormalizeOptions, WordScript } from './normalize.js';
export { forceScript, normalize, wordScript } from './normalize.js';
export { stemRu } from './ru/stem.js';
export { isStopword, KK_STOPWORDS, RU_STOPWORDS } from './stopwords.js';
export { tokenize } from './tokenize.js';
export type * from './types.js';
export { ANALYZER_VERSION } from './version.js';
