import { analyze, wordKeys } from '../../analyzers/analyze.js';
import { detectLang } from '../../analyzers/lang/detect.js';
import { isKnownRussianWord } from '../../analyzers/ru/stem.js';
import { hasKazakhLetter } from '../../analyzers/script.js';
import { isStopword } from '../../analyzers/stopwords.js';
import type { AnalyzedToken, LangTag } from '../../analyzers/types.js';

/** A content word of the query (stopwords are dropped exactly as the index drops them). */
export interface QueryToken {
  surface: string;
  start: number;
  end: number;
  /** Index of the quoted phrase the word belongs to, or -1. */
  phrase: number;
  /** Whether the word alone cannot tell Kazakh from Russian (Cyrillic) or Kazakh Latin from a foreign word (Latin). */
  ambiguous: boolean;
  /** Written in Latin letters. */
  latin: boolean;
}

/**
 * One reading of the whole query: every token (stopwords too: names such as «Еуропадағы Қауіпсіздік және
 * Ынтымақтастық Ұйымы» hold them) with its keys as the index would make them in the reading's language, and the
 * positions of the content words among them.
 */
export interface Reading {
  label: 'kk' | 'ru';
  /** The reading language identification did not prefer: searched by exact and stem keys only, without the
   *  fold tier and its typo tolerance (a typo away from some word of the other language is easy to be). */
  secondary: boolean;
  tokens: AnalyzedToken[];
  /** Indices into `tokens` of the content words, aligned with QueryToken[]. */
  content: number[];
}

const KAZAKH_LATIN_MARKS = /[áǵńóúýıäğñöşüūçÁǴŃÓÚÝİÄĞÑÖŞÜŪÇ']/u;
const LATIN = /\p{Script=Latin}/u;

/** Quoted stretches of the query ("…", «…», “…”), as [start, end) offsets. */
function phraseSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/"([^"]+)"|«([^»]+)»|“([^”]+)”/gu)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The same word's keys under another language, keeping its place in the text. */
function reread(token: AnalyzedToken, lang: LangTag): AnalyzedToken {
  const k = wordKeys(token.surface, lang, { kind: token.kind, keepStopwords: true });
  return { ...token, lang: k.lang, norm: k.norm, term: k.term, fold: k.fold };
}

/**
 * Tokens of a query and its readings. Words that decide their language themselves (Kazakh letters, Kazakh Latin
 * accents, numbers, abbreviations) keep one set of keys; the others are read as Kazakh in one reading and as
 * Russian (or, for Latin words, as a foreign word) in the other. The reading language identification prefers
 * comes first. Whether a word is a stopword is decided once, on the query as analyzed, so readings stay aligned.
 */
export function queryTokens(text: string): { tokens: QueryToken[]; readings: Reading[]; partialLast: boolean } {
  const spans = phraseSpans(text);
  const analyzed = analyze(text);
  const tokens: QueryToken[] = [];
  const kk: AnalyzedToken[] = [];
  const ru: AnalyzedToken[] = [];
  const content: number[] = [];
  analyzed.forEach((t, i) => {
    const latin = LATIN.test(t.surface);
    const decided = t.kind !== 'word' || (latin ? KAZAKH_LATIN_MARKS.test(t.surface) : hasKazakhLetter(t.surface));
    const isContent = t.term !== null && t.fold !== null;
    if (isContent) {
      content.push(i);
      const phrase = spans.findIndex(([s, e]) => t.start >= s && t.end <= e);
      tokens.push({ surface: t.surface, start: t.start, end: t.end, phrase, ambiguous: !decided, latin });
    }
    if (decided || !isContent) {
      kk.push(t);
      ru.push(t);
    } else {
      kk.push(reread(t, latin ? 'kk-Latn' : 'kk'));
      ru.push(reread(t, latin ? 'other' : 'ru'));
    }
  });
  const kkReading: Reading = { label: 'kk', secondary: false, tokens: kk, content };
  // Kazakh borrows Russian words in their dictionary form («саммит», «министр») and adds its own endings; a word
  // in a Russian inflected form («президентом», «санкций») is Russian, and the query needs no Kazakh reading.
  const ambiguousWords = content.filter((_, c) => tokens[c]!.ambiguous).map((i) => ru[i]!);
  const russianOnly = ambiguousWords.length > 0 && ambiguousWords.every(russianForm);
  if (russianOnly)
    return {
      tokens,
      readings: [{ label: 'ru', secondary: false, tokens: ru, content }],
      partialLast: isPartial(text, analyzed, content),
    };
  const readings: Reading[] = [kkReading];
  if (tokens.some((t) => t.ambiguous)) {
    // Both readings are searched; the preferred one first, the other without the fold tier (see `secondary`).
    const lang = detectLang(text);
    const ruFirst = lang === 'ru' || lang === 'other';
    const ruReading: Reading = { label: 'ru', secondary: !ruFirst, tokens: ru, content };
    if (ruFirst) {
      kkReading.secondary = true;
      readings.unshift(ruReading);
    } else readings.push(ruReading);
  }
  return { tokens, readings, partialLast: isPartial(text, analyzed, content) };
}

/**
 * Case endings Kazakh words do not have. Kazakh's own endings (-а, -е, -ы, -і, -у…) are left out, and so are -ой, -ей,
 * -ем (той, Ресей, кем): «сауда», «бала», «той» are Kazakh words that happen to read as Russian forms too.
 */
const RUSSIAN_ONLY_ENDING = /(?:ом|ём|ами|ями|ах|ях|ого|его|ому|ему|ыми|ими|ий|ов|ии|ию|ую|юю)$/u;

/** A Cyrillic word in a Russian inflected form: known to the dictionary, not its lemma, with a Russian-only ending. */
function russianForm(t: AnalyzedToken): boolean {
  if (LATIN.test(t.surface) || t.term === null || t.term === t.norm) return false;
  return RUSSIAN_ONLY_ENDING.test(t.norm) && isKnownRussianWord(t.norm) && !isStopword(t.norm, 'ru');
}

/** Whether the query ends inside its last content word (no space after it): the word may be unfinished. */
function isPartial(text: string, analyzed: readonly AnalyzedToken[], content: readonly number[]): boolean {
  const lastContent = analyzed[content[content.length - 1] ?? -1];
  return (
    lastContent !== undefined &&
    lastContent === analyzed[analyzed.length - 1] &&
    lastContent.kind === 'word' &&
    lastContent.end === text.length
  );
}
