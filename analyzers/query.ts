/**
 * A query's analysis, from one pass over its text (analyzeText): the content words, and the readings of the whole
 * query — words that cannot tell their language themselves are read as Kazakh in one reading and as Russian (or,
 * in Latin, as a foreign word) in the other — each with its tokens' index keys and its entity mentions. The query
 * planner builds its Meilisearch queries from this and nothing else.
 */
import { wordKeys } from './analyze.js';
import { type EntityMention, findEntities } from './entities.js';
import { indexKeys } from './index-keys.js';
import { isStopword } from './languages.js';
import { isKnownRussianWord } from './ru/stem.js';
import { hasKazakhLetter } from './script.js';
import { analyzeText } from './text.js';
import { joinedWord } from './title-compounds.js';
import { typedEndingStart } from './tokenize.js';
import type { IndexedToken, LangTag } from './types.js';

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
 * Ынтымақтастық Ұйымы» hold them) with its keys as the index would make them in the reading's language, the
 * positions of the content words among them, and the entity mentions of the reading (any letter case).
 */
export interface Reading {
  label: 'kk' | 'ru';
  /** The reading language identification did not prefer: searched by exact and stem keys only, without the
   *  fold tier and its typo tolerance (a typo away from some word of the other language is easy to be). */
  secondary: boolean;
  tokens: IndexedToken[];
  /** Indices into `tokens` of the content words, aligned with QueryAnalysis.tokens. */
  content: number[];
  mentions: EntityMention[];
}

export interface QueryAnalysis {
  text: string;
  /** The content words, in order. */
  tokens: QueryToken[];
  /** The readings, the preferred one first. */
  readings: Reading[];
  /** The query ends inside its last content word (no space after it): the word may be unfinished. */
  partialLast: boolean;
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
function reread(token: IndexedToken, lang: LangTag): IndexedToken {
  const k = wordKeys(token.surface, lang, { kind: token.kind, keepStopwords: true });
  const { modifier, ...rest } = token;
  const reread = { ...rest, lang: k.lang, norm: k.norm, term: k.term, fold: k.fold };
  const fresh = { ...reread, keys: indexKeys(reread) };
  return modifier === undefined ? fresh : joinedWord(fresh, modifier);
}

/**
 * Case endings Kazakh words do not have. Kazakh's own endings (-а, -е, -ы, -і, -у…) are left out, and so are -ой, -ей,
 * -ем (той, Ресей, кем): «сауда», «бала», «той» are Kazakh words that happen to read as Russian forms too.
 */
const RUSSIAN_ONLY_ENDING = /(?:ом|ём|ами|ями|ах|ях|ого|его|ому|ему|ыми|ими|ий|ов|ии|ию|ую|юю)$/u;

/** A Cyrillic word in a Russian inflected form: known to the dictionary, not its lemma, with a Russian-only ending. */
function russianForm(t: IndexedToken): boolean {
  if (LATIN.test(t.surface) || t.term === null || t.term === t.norm) return false;
  return RUSSIAN_ONLY_ENDING.test(t.norm) && isKnownRussianWord(t.norm) && !isStopword(t.norm, 'ru');
}

function isPartial(text: string, tokens: readonly IndexedToken[], content: readonly number[]): boolean {
  const lastContent = tokens[content[content.length - 1] ?? -1];
  return (
    lastContent !== undefined &&
    lastContent === tokens[tokens.length - 1] &&
    lastContent.kind !== 'number' && // an abbreviation may be unfinished too: «НАТ» on the way to «НАТО»
    lastContent.end === text.length
  );
}

/** Whether a word is a name of one word by itself (in any letter case, as queries are typed). */
function isOneWordName(word: string): boolean {
  const { tokens } = analyzeText(word);
  return tokens.length === 1 && findEntities(tokens, { text: word, anyCase: true }).length > 0;
}

/** A word, not a number, an abbreviation or a stopword. */
const joinable = (t: IndexedToken): boolean => t.kind === 'word' && t.keys !== null;

/**
 * Two words typed apart that a name writes as one («евро союз», «Еуро одақ»): the query with them joined, as
 * Meilisearch joins adjacent query words to find a compound; null when there are none. Only words that are no part of
 * a name as typed, so a name of several words stays as it is, and no stopwords («на то» is not НАТО).
 */
function withJoinedNames(text: string, tokens: readonly IndexedToken[]): string | null {
  if (tokens.length < 2) return null;
  const named = new Set<number>();
  for (const m of findEntities(tokens, { text, anyCase: true }))
    for (let i = m.firstToken; i <= m.lastToken; i++) named.add(i);
  let out = '';
  let from = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i], tokens[i + 1]];
    if (!a || !b || !joinable(a) || !joinable(b) || named.has(i) || named.has(i + 1)) continue;
    if (!/^ +$/u.test(text.slice(a.end, b.start)) || !isOneWordName(a.surface + b.surface.toLowerCase())) continue;
    out += text.slice(from, a.end) + b.surface.toLowerCase();
    from = b.end;
    i++;
  }
  return from === 0 ? null : out + text.slice(from);
}

function reading(text: string, label: Reading['label'], tokens: IndexedToken[], content: number[]): Reading {
  // Queries are often typed in lowercase: «шос» is ШОС.
  return { label, secondary: false, tokens, content, mentions: findEntities(tokens, { text, anyCase: true }) };
}

/**
 * Analyzes a query once. Words that decide their language themselves (Kazakh letters, Kazakh Latin accents,
 * numbers, abbreviations) keep one set of keys; the others are read both ways. Whether a word is a stopword is
 * decided once, on the query as analyzed, so readings stay aligned. A word in a Russian inflected form with an
 * ending Kazakh does not have («президентом», «санкций») makes the query Russian only: Kazakh borrows Russian
 * words in their dictionary form («саммит», «министр») and adds its own endings. `keepStopwords` reads stopwords as
 * words like any other (a stopword typed alone is searched by its letters: server/search/service.ts). A hyphenated
 * ending being typed is left out, as the tokenizer leaves out a finished one: «ЕАЭО-ғ» is ЕАЭО, finished.
 */
export function analyzeQuery(typed: string, options: { keepStopwords?: boolean } = {}): QueryAnalysis {
  const textOptions = options.keepStopwords ? { keepStopwords: true } : {};
  const asTyped = typed.slice(0, typedEndingStart(typed) ?? typed.length);
  const first = analyzeText(asTyped, textOptions);
  const joined = withJoinedNames(asTyped, first.tokens);
  const text = joined ?? asTyped;
  const spans = phraseSpans(text);
  const analysis = joined === null ? first : analyzeText(joined, textOptions);
  const tokens: QueryToken[] = [];
  const kk: IndexedToken[] = [];
  const ru: IndexedToken[] = [];
  const content: number[] = [];
  analysis.tokens.forEach((t, i) => {
    const latin = LATIN.test(t.surface);
    const decided = t.kind !== 'word' || (latin ? KAZAKH_LATIN_MARKS.test(t.surface) : hasKazakhLetter(t.surface));
    const isContent = t.keys !== null;
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
  const partialLast = isPartial(text, analysis.tokens, content);
  const ambiguousWords = content.filter((_, c) => tokens[c]?.ambiguous).map((i) => ru[i]);
  const russianOnly = ambiguousWords.length > 0 && ambiguousWords.every((t) => t !== undefined && russianForm(t));
  if (russianOnly) return { text, tokens, readings: [reading(text, 'ru', ru, content)], partialLast };
  const kkReading = reading(text, 'kk', kk, content);
  const readings: Reading[] = [kkReading];
  if (tokens.some((t) => t.ambiguous)) {
    // Both readings are searched; the preferred one first, the other without the fold tier (see `secondary`).
    const ruFirst = analysis.lang === 'ru' || analysis.lang === 'other';
    const ruReading = reading(text, 'ru', ru, content);
    if (ruFirst) {
      kkReading.secondary = true;
      readings.unshift(ruReading);
    } else {
      ruReading.secondary = true;
      readings.push(ruReading);
    }
  }
  return { text, tokens, readings, partialLast };
}
