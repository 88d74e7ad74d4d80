/**
 * No dead ends: when a query finds nothing, the nearest queries that do find something, each with its count, so
 * the reader is one click from an answer. Three kinds, in this order:
 * - `other-language`: the same words without the ending that bound them to one language. A Kazakh form finds
 *   Kazakh articles only («саммиті» → Kazakh «саммит»), a Russian inflected form Russian ones («президентом»); the
 *   stem alone («саммит», «президент») is read in both languages. That policy stays for the query as typed: the
 *   other language is offered, never mixed in.
 * - `partial`: each word or name alone (a multi-word organization or a quoted phrase is one unit), and for longer
 *   queries the query without one of them — only some of the words, so labelled as partial matches.
 * - `unfiltered`: the same query without the filters, when filters are on.
 * Only alternatives that find something are returned.
 */
import { z } from 'zod';
import {
  analyzeQuery,
  hasKazakhLetter,
  type QueryAnalysis,
  type QueryToken,
  type Reading,
} from '../../analyzers/index.js';
import type { Selections } from './filters.js';
import { hasSpan } from './year-span.js';

export type AlternativeKind = 'other-language' | 'partial' | 'unfiltered';

export interface Alternative {
  /** The query to search instead. */
  query: string;
  kind: AlternativeKind;
  /** How many articles it finds (under the same filters, except for `unfiltered`). */
  total: number;
  /** Those articles by language (kk, kk-Latn, ru, …). */
  langs: Record<string, number>;
}

/** Counts a query: its text, or its analysis when the query is the one already analyzed (not analyzed again). */
export type CountQuery = (
  query: string | QueryAnalysis,
  selections: Selections,
) => Promise<{ total: number; langs: Record<string, number> }>;

/**
 * `alternatives=0`: leave them out. A page searching at every keystroke asks for them only once the reader stops at
 * a query that finds nothing, so half-typed words do not spend engine time on offers nobody sees.
 */
export const alternativesParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .refine((v) => !Array.isArray(v), '`alternatives` must be given at most once')
  .transform((v) => v as string | undefined)
  .pipe(z.enum(['0', '1', 'false', 'true'], { message: '`alternatives` must be 0 or 1' }).optional())
  // Absent stays absent (on), so the parsed parameters of older requests are unchanged.
  .transform((v) => (v === undefined ? undefined : v !== '0' && v !== 'false'));

/** Engine requests one no-result answer may spend on alternatives (each is one federated count). */
const MAX_COUNTS = 8;

/** A query's analysis: given, or made from its text. */
const analysisOf = (query: string | QueryAnalysis): QueryAnalysis =>
  typeof query === 'string' ? analyzeQuery(query) : query;

/** A unit of the query: a word, a name of several words, or a quoted phrase, as [start, end) of the text. */
interface Unit {
  start: number;
  end: number;
  quoted: boolean;
}

/** Content words grouped into units: entity mentions and quoted phrases stay whole. */
export function queryUnits(tokens: readonly QueryToken[], reading: Reading | undefined): Unit[] {
  const groupOf = tokens.map((t, c) => (t.phrase >= 0 ? `p${t.phrase}` : `w${c}`));
  if (reading) {
    for (const m of reading.mentions) {
      const inside = reading.content.flatMap((tokenIndex, c) =>
        tokenIndex >= m.firstToken && tokenIndex <= m.lastToken ? [c] : [],
      );
      for (const c of inside) if (tokens[c]?.phrase === -1) groupOf[c] = `e${m.firstToken}`;
    }
  }
  const units: Unit[] = [];
  tokens.forEach((t, c) => {
    const last = units[units.length - 1];
    if (last && c > 0 && groupOf[c] === groupOf[c - 1]) last.end = t.end;
    else units.push({ start: t.start, end: t.end, quoted: t.phrase >= 0 });
  });
  return units;
}

const unitText = (text: string, u: Unit) => (u.quoted ? `«${text.slice(u.start, u.end)}»` : text.slice(u.start, u.end));

/**
 * The query with every language-bound word replaced by its stem, when that stem can be read in the other language
 * too: a Kazakh-only form whose stem has no Kazakh letter, or a word of a Russian-only reading in an inflected form.
 * Null when no word is bound.
 */
export function otherLanguageQuery(query: string | QueryAnalysis): string | null {
  const { text, tokens, readings } = analysisOf(query);
  const russianOnly = readings.length === 1 && readings[0]?.label === 'ru' && tokens.some((t) => t.ambiguous);
  const reading = readings[0];
  if (!reading) return null;
  let out = '';
  let pos = 0;
  let changed = false;
  tokens.forEach((t, c) => {
    const analyzed = reading.tokens[reading.content[c] ?? -1];
    if (!analyzed?.term || analyzed.term === analyzed.norm || analyzed.kind !== 'word') return;
    const kazakhBound = !t.ambiguous && (analyzed.lang === 'kk' || analyzed.lang === 'kk-Latn');
    const russianBound = russianOnly && t.ambiguous;
    if (!(kazakhBound || russianBound) || hasKazakhLetter(analyzed.term)) return;
    out += text.slice(pos, t.start) + analyzed.term;
    pos = t.end;
    changed = true;
  });
  return changed ? (out + text.slice(pos)).trim() : null;
}

const hasFilters = (s: Selections) =>
  s.year.length > 0 || s.org.length > 0 || s.lang.length > 0 || s.source.length > 0 || hasSpan(s.yearSpan);

const noFilters = (): Selections => ({ year: [], org: [], lang: [], source: [] });

/** Candidate queries in the order they are offered (before counting); `group` orders partial ones. */
export function candidates(query: string | QueryAnalysis): { query: string; kind: AlternativeKind; group: number }[] {
  const analysis = analysisOf(query);
  const { text, tokens, readings } = analysis;
  if (tokens.length === 0) return [];
  const out: { query: string; kind: AlternativeKind; group: number }[] = [];
  const other = otherLanguageQuery(analysis);
  if (other) out.push({ query: other, kind: 'other-language', group: 1 });
  const units = queryUnits(tokens, readings[0]);
  // Without one word first (closer to what was asked), then each word or name alone.
  if (units.length >= 3)
    for (let skip = 0; skip < units.length; skip++)
      out.push({
        query: units
          .filter((_, i) => i !== skip)
          .map((u) => unitText(text, u))
          .join(' '),
        kind: 'partial',
        group: 2,
      });
  if (units.length >= 2) for (const u of units) out.push({ query: unitText(text, u), kind: 'partial', group: 3 });
  const seen = new Set([text.trim().toLowerCase()]);
  return out.filter((c) => {
    const key = c.query.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The alternatives to a query that found nothing under `selections`, counted in parallel: the query without its
 * filters first (when there are filters), then the other language, then partial matches, more articles first
 * within each group.
 */
export async function findAlternatives(
  query: QueryAnalysis,
  selections: Selections,
  count: CountQuery,
): Promise<Alternative[]> {
  const wanted: {
    query: string;
    kind: AlternativeKind;
    group: number;
    selections: Selections;
    /** The query's own analysis, for the same query without its filters. */
    analysis?: QueryAnalysis;
  }[] = [];
  if (hasFilters(selections))
    wanted.push({ query: query.text.trim(), kind: 'unfiltered', group: 0, selections: noFilters(), analysis: query });
  for (const c of candidates(query)) wanted.push({ ...c, selections });
  const counted = await Promise.all(
    wanted.slice(0, MAX_COUNTS).map(async (w) => ({ ...w, ...(await count(w.analysis ?? w.query, w.selections)) })),
  );
  return counted
    .filter((c) => c.total > 0)
    .sort((a, b) => a.group - b.group || b.total - a.total)
    .map(({ query, kind, total, langs }) => ({ query, kind, total, langs }));
}
