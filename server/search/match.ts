import type { IndexedToken, IndexKeys } from '../../analyzers/index.js';
import {
  analyzeArticle,
  analyzeArticleWords,
  analyzeText,
  type KeyInitials,
  keyInitials,
  type TextAnalysis,
} from '../../analyzers/index.js';
import { encodeKey, INDEX_SETTINGS } from '../../engine/index.js';
import type { Range } from './highlight.js';
import type { MatchKeys } from './plan.js';

/**
 * Meilisearch allows one typo on the fold tier for a query word of at least this many characters (engine/settings.ts),
 * and a typo on the first character counts two. The engine sees keys in their code (engine/key-code.ts): one ASCII
 * character a letter of a fold key, its language mark first, so the rule is read on the codes. Measured on the real
 * engine by typo-mirror.test.ts; the highlighter mirrors it, so it marks no neighbour the engine never matched
 * (қаржылық → қарсылық).
 */
const MIN_TYPO_CHARS = INDEX_SETTINGS.typoTolerance.minWordSizeForTypos.oneTypo;

/** A query key's code as the typo rule sees it, or null when it is too short for a typo. */
const typoKeyOf = (queryKey: string): string | null => {
  const code = encodeKey(queryKey);
  return code.length >= MIN_TYPO_CHARS ? code : null;
};

/** Whether a query key is long enough for Meilisearch to match it with a typo (on a field where typos are on). */
export const allowsTypo = (queryKey: string): boolean => typoKeyOf(queryKey) !== null;

/**
 * Meilisearch's one-typo rule for a set of query keys: whether it lets any of them match an index key (not equal to
 * it), or null when none is long enough for a typo. The query keys are coded once, for all the keys tested.
 */
function typoMatcher(queryKeys: Iterable<string>): ((key: string) => boolean) | null {
  const typoKeys = [...queryKeys].flatMap((k) => typoKeyOf(k) ?? []);
  if (typoKeys.length === 0) return null;
  return (key) => {
    const code = encodeKey(key);
    return typoKeys.some((q) => oneTypoApart(q, code));
  };
}

/** Whether Meilisearch's one-typo rule lets the query key `queryKey` match the index key `key` (not equal to it). */
export function typoMatch(queryKey: string, key: string): boolean {
  return typoMatcher([queryKey])?.(key) ?? false;
}

/**
 * True when `a` and `b` differ by one substitution, insertion, deletion or transposition, first character kept. The
 * first character of a Kazakh or Russian key is its language mark, so the word's own first letter is not protected
 * (the engine does the same: typo-mirror.test.ts).
 */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Where a text's words stand, by key: flattened [start, end, start, end, …] UTF-16 offsets of each key's tokens. */
type Spans = Map<string, number[]>;

/**
 * What highlighting needs of a text (cached per document by the caller): its indexed tokens (stopwords left out) by
 * their key in each tier, and its entity mentions. A query's keys are looked up here instead of every token being
 * compared with them: a hit has hundreds of tokens and a query a handful of keys.
 */
export interface AnalyzedText {
  exact: Spans;
  stem: Spans;
  fold: Spans;
  /** Skeleton tokens of foreign names. */
  names: Spans;
  /** How many tokens the maps hold (the cache's size estimate). */
  tokenCount: number;
  mentions: { code: string; start: number; end: number }[];
}

function addSpan(spans: Spans, key: string, start: number, end: number): void {
  const list = spans.get(key);
  if (list) list.push(start, end);
  else spans.set(key, [start, end]);
}

/** What highlighting needs of one analyzed text. */
function forHighlight(analysis: TextAnalysis): AnalyzedText {
  return keyedForHighlight(
    analysis.tokens,
    analysis.mentions.map((m) => ({ code: m.code, start: m.start, end: m.end })),
  );
}

/** What highlighting needs of a text's tokens (those with keys) and entity mentions. */
function keyedForHighlight(tokens: readonly IndexedToken[], mentions: AnalyzedText['mentions'] = []): AnalyzedText {
  const text: AnalyzedText = {
    exact: new Map(),
    stem: new Map(),
    fold: new Map(),
    names: new Map(),
    tokenCount: 0,
    mentions,
  };
  for (const t of tokens) {
    const keys: IndexKeys | null | undefined = t.keys;
    if (!keys) continue;
    text.tokenCount++;
    addSpan(text.exact, keys.exact, t.start, t.end);
    addSpan(text.stem, keys.stem, t.start, t.end);
    addSpan(text.fold, keys.fold, t.start, t.end);
    if (keys.name !== undefined) addSpan(text.names, keys.name, t.start, t.end);
  }
  return text;
}

export function analyzeForHighlight(text: string): AnalyzedText {
  return forHighlight(analyzeText(text));
}

/** An article's title and body, analyzed as the index analyzed them (one pass over both, see analyzeArticle). */
export function analyzeArticleForHighlight(title: string, body: string): { title: AnalyzedText; body: AnalyzedText } {
  const analysis = analyzeArticle(title, body);
  return { title: forHighlight(analysis.title), body: forHighlight(analysis.body) };
}

/**
 * Which words of a hit can match these keys, by their first letters (analyzers/key-initials.ts), or null when the
 * whole article must be analyzed: a query for an entity matches its mentions, which a word's letters say nothing of.
 */
export function highlightInitials(keys: MatchKeys): KeyInitials | null {
  if (keys.entities.size > 0) return null;
  return keyInitials(
    [...keys.exact, ...keys.stem, ...keys.fold, ...keys.exactPrefixes, ...keys.foldPrefixes],
    [...keys.fold].filter(allowsTypo),
    [...keys.names, ...keys.namePrefixes],
  );
}

/**
 * An article's title and body analyzed for the keys of these initials only: the words that cannot match them get no
 * keys (analyzeKeyedWords). What one query's highlighting needs, for a fraction of the whole analysis.
 */
export function analyzeArticleForKeys(
  title: string,
  body: string,
  initials: KeyInitials,
): { title: AnalyzedText; body: AnalyzedText } {
  const words = analyzeArticleWords(title, body, initials);
  return { title: keyedForHighlight(words.title), body: keyedForHighlight(words.body) };
}

/** Ranges of the original text that the query matched: words by any tier's key, entity mentions whole. */
export function matchedRanges(text: AnalyzedText, keys: MatchKeys): Range[] {
  const ranges: Range[] = [];
  const add = (spans: readonly number[] | undefined) => {
    if (spans) for (let i = 0; i + 1 < spans.length; i += 2) ranges.push([spans[i] ?? 0, spans[i + 1] ?? 0]);
  };
  for (const k of keys.exact) add(text.exact.get(k));
  for (const k of keys.stem) add(text.stem.get(k));
  for (const k of keys.fold) add(text.fold.get(k));
  for (const k of keys.names) add(text.names.get(k));
  const startsWithAny = (key: string, prefixes: ReadonlySet<string>) => {
    for (const p of prefixes) if (key.startsWith(p)) return true;
    return false;
  };
  if (keys.exactPrefixes.size > 0)
    for (const [k, spans] of text.exact) if (startsWithAny(k, keys.exactPrefixes)) add(spans);
  if (keys.foldPrefixes.size > 0)
    for (const [k, spans] of text.fold) if (startsWithAny(k, keys.foldPrefixes)) add(spans);
  if (keys.namePrefixes.size > 0)
    for (const [k, spans] of text.names) if (startsWithAny(k, keys.namePrefixes)) add(spans);
  // Each of the text's fold keys is tested once against the query's fold keys long enough for a typo.
  const typo = typoMatcher(keys.fold);
  if (typo) for (const [k, spans] of text.fold) if (typo(k)) add(spans);
  for (const m of text.mentions) if (keys.entities.has(m.code)) ranges.push([m.start, m.end]);
  return ranges;
}
