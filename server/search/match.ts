import { analyze } from '../../analyzers/analyze.js';
import { findEntities } from '../../analyzers/entities.js';
import type { AnalyzedToken } from '../../analyzers/types.js';
import type { MatchKeys } from './plan.js';
import type { Range } from './highlight.js';

/** Meilisearch allows one typo from 6 letters on the fold tier (a first-letter typo counts two): mirror that. */
const MIN_TYPO_LENGTH = 6;

/** True when `a` and `b` differ by one substitution, insertion, deletion or transposition, first letter kept. */
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

export function tokenMatches(t: AnalyzedToken, keys: MatchKeys): boolean {
  if (t.term === null || t.fold === null) return false;
  if (keys.exact.has(t.norm) || keys.stem.has(t.term) || keys.fold.has(t.fold)) return true;
  for (const p of keys.exactPrefixes) if (t.norm.startsWith(p)) return true;
  for (const p of keys.foldPrefixes) if (t.fold.startsWith(p)) return true;
  if (t.fold.length >= MIN_TYPO_LENGTH) {
    for (const k of keys.fold) if (k.length >= MIN_TYPO_LENGTH && oneTypoApart(t.fold, k)) return true;
  }
  return false;
}

/** What highlighting needs of a text: its tokens and entity mentions (cached per document by the caller). */
export interface AnalyzedText {
  tokens: AnalyzedToken[];
  mentions: { code: string; start: number; end: number }[];
}

export function analyzeForHighlight(text: string): AnalyzedText {
  const tokens = analyze(text);
  const mentions = findEntities(tokens, { text }).map((m) => ({ code: m.code, start: m.start, end: m.end }));
  return { tokens, mentions };
}

/** Ranges of the original text that the query matched: words by any tier's key, entity mentions whole. */
export function matchedRanges(text: AnalyzedText, keys: MatchKeys): Range[] {
  const ranges: Range[] = [];
  for (const t of text.tokens) if (tokenMatches(t, keys)) ranges.push([t.start, t.end]);
  for (const m of text.mentions) if (keys.entities.has(m.code)) ranges.push([m.start, m.end]);
  return ranges;
}
