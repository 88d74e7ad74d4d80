import type { IndexKeys } from '../../analyzers/index.js';
import { analyzeArticle, analyzeText, type TextAnalysis } from '../../analyzers/index.js';
import { INDEX_SETTINGS } from '../../engine/index.js';
import type { Range } from './highlight.js';
import type { MatchKeys } from './plan.js';

/**
 * Meilisearch allows one typo on the fold tier for a query word of at least this many characters (engine/settings.ts),
 * and a typo on the first character counts two. It compares words decomposed (NFD): «й» is «и» + a combining breve,
 * so «й» → «и» is one typo and a dropped «й» two, and a key with «й» is one character longer. Measured on the real
 * engine by typo-mirror.test.ts; the highlighter mirrors it (measuring UTF-8 bytes instead, as it did, marked one-typo
 * neighbours of nine-letter Kazakh keys — қаржылық → қарсылық — that the engine never matched).
 */
const MIN_TYPO_CHARS = INDEX_SETTINGS.typoTolerance.minWordSizeForTypos.oneTypo;
const decomposed = (s: string): string => s.normalize('NFD');
const charLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
/** A query key as the typo rule sees it, or null when it is too short for a typo. */
const typoKeyOf = (queryKey: string): string | null => {
  const d = decomposed(queryKey);
  return charLength(d) >= MIN_TYPO_CHARS ? d : null;
};

/** Whether a query key is long enough for Meilisearch to match it with a typo (on a field where typos are on). */
export const allowsTypo = (queryKey: string): boolean => typoKeyOf(queryKey) !== null;

/** Whether Meilisearch's one-typo rule lets the query key `queryKey` match the index key `key` (not equal to it). */
export function typoMatch(queryKey: string, key: string): boolean {
  const q = typoKeyOf(queryKey);
  return q !== null && oneTypoApart(q, decomposed(key));
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

/**
 * Whether a token's index keys meet the query's, tier by tier (as Meilisearch matched them). `typoKeys` are the
 * query's fold keys long enough for a typo, decomposed (computed once per text by matchedRanges, not once per token).
 */
function keysMatch(t: IndexKeys, keys: MatchKeys, typoKeys: readonly string[]): boolean {
  if (keys.exact.has(t.exact) || keys.stem.has(t.stem) || keys.fold.has(t.fold)) return true;
  if (t.name !== undefined && keys.names.has(t.name)) return true;
  for (const p of keys.exactPrefixes) if (t.exact.startsWith(p)) return true;
  for (const p of keys.foldPrefixes) if (t.fold.startsWith(p)) return true;
  if (typoKeys.length > 0) {
    const fold = decomposed(t.fold);
    for (const k of typoKeys) if (oneTypoApart(fold, k)) return true;
  }
  return false;
}

/** What highlighting needs of a text: its tokens and entity mentions (cached per document by the caller). */
export interface AnalyzedText {
  /** Offsets and index keys of the indexed tokens (stopwords left out). */
  tokens: { start: number; end: number; keys: IndexKeys }[];
  mentions: { code: string; start: number; end: number }[];
}

/** What highlighting needs of one analyzed text. */
function forHighlight(analysis: TextAnalysis): AnalyzedText {
  const tokens = analysis.tokens.flatMap((t) => (t.keys ? [{ start: t.start, end: t.end, keys: t.keys }] : []));
  const mentions = analysis.mentions.map((m) => ({ code: m.code, start: m.start, end: m.end }));
  return { tokens, mentions };
}

export function analyzeForHighlight(text: string): AnalyzedText {
  return forHighlight(analyzeText(text));
}

/** An article's title and body, analyzed as the index analyzed them (one pass over both, see analyzeArticle). */
export function analyzeArticleForHighlight(title: string, body: string): { title: AnalyzedText; body: AnalyzedText } {
  const analysis = analyzeArticle(title, body);
  return { title: forHighlight(analysis.title), body: forHighlight(analysis.body) };
}

/** Ranges of the original text that the query matched: words by any tier's key, entity mentions whole. */
export function matchedRanges(text: AnalyzedText, keys: MatchKeys): Range[] {
  const ranges: Range[] = [];
  const typoKeys = [...keys.fold].flatMap((k) => typoKeyOf(k) ?? []);
  for (const t of text.tokens) if (keysMatch(t.keys, keys, typoKeys)) ranges.push([t.start, t.end]);
  for (const m of text.mentions) if (keys.entities.has(m.code)) ranges.push([m.start, m.end]);
  return ranges;
}
