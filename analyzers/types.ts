/**
 * Shared shapes of the analysis pipeline. Index and query go through the same functions; every
 * function in analyzers/ is pure at call time (data files are read once, when a module loads).
 */

/** Language (and script) of a text span: `kk-Latn` is Kazakh in either Latin alphabet (2018 or 2021). */
export type LangTag = 'kk' | 'kk-Latn' | 'ru' | 'other';

/** Which morphology applies to a word once it is in Cyrillic. */
export type MorphLang = 'kk' | 'ru' | 'other';

export type TokenKind = 'word' | 'number' | 'abbr';

/** A token of the original text; offsets are UTF-16 code units into that text (for highlighting). */
export interface Token {
  surface: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/**
 * A token with its three index keys, one per match tier (exact > stem > fold):
 * - `norm`: the normalized surface (NFC, lowercase, ё→е, Kazakh Latin → Cyrillic);
 * - `term`: the stem/lemma of `norm` in its language; null when the word is a stopword;
 * - `fold`: the key that Kazakh typed with Russian letters meets (қ→к, ғ→г, ң→н, ө→о, ұ/ү→у, і→и, ә→а, һ→х),
 *   stemmed in that folded alphabet; null when the word is a stopword.
 */
export interface AnalyzedToken extends Token {
  lang: LangTag;
  norm: string;
  term: string | null;
  fold: string | null;
}

/**
 * The keys a token puts into the index, one per match tier. Stem and fold keys carry their language (a leading
 * «ъ» for Kazakh, «ь» for Russian — letters no word starts with), so that common words do not cross languages.
 * Exact forms, numbers, abbreviations and foreign words stay language-neutral (see index-keys.ts).
 */
export interface IndexKeys {
  exact: string;
  stem: string;
  fold: string;
  /** For a foreign name: the token of its consonant skeleton, which the same name in the other script also gets. */
  name?: string;
}

/** A token with its index keys (null for a stopword: it is not indexed). */
export interface IndexedToken extends AnalyzedToken {
  keys: IndexKeys | null;
  /** The title modifier the word is hyphenated to and keyed with («вице» of «вице-президент»; title-compounds.ts). */
  modifier?: string;
}

/**
 * A stemmer: a plain function of one normalized word. The pipeline takes each language's stemmers (and stopwords)
 * from one table, `LANGUAGES` in languages.ts, and from nowhere else; benchmarks compare stemmers of this shape.
 */
export type Stemmer = (word: string) => string;
