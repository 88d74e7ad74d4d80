/**
 * The page's state and its URL form. The URL is the source of truth: a search can be shared, and Back/Forward
 * restore it. Facet parameters use the API's names (year, org, lang, source, year_from, year_to, script), so the same
 * query string shape goes to /api/search; `ui` (interface language) and `a` (the open article) are the page's own.
 */
import { isUiLang, type UiLang } from './i18n.js';

export const FACET_NAMES = ['year', 'org', 'lang', 'source'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

import {
  DEFAULT_PAGE_SIZE,
  MAX_FACET_VALUE_CHARS,
  MAX_PAGE,
  MAX_QUERY_CHARS,
  SORTS,
  type SortOrder,
} from '../../common/api-limits.js';

export { SORTS };
export type Sort = SortOrder;

export type Filters = Record<FacetName, string[]>;

/** `year=none`: the articles without a year. */
export const NO_YEAR = 'none';

/** An inclusive span of years (the histogram's selection); null ends are open. */
export interface YearSpan {
  from: number | null;
  to: number | null;
}

/** The script Kazakh text is shown in (`script`), or null: as written. */
export const SCRIPTS = ['cyrl', 'latn'] as const;
export type Script = (typeof SCRIPTS)[number];
export const isScript = (v: unknown): v is Script =>
  typeof v === 'string' && (SCRIPTS as readonly string[]).includes(v);

export interface PageState {
  q: string;
  filters: Filters;
  span: YearSpan;
  sort: Sort;
  page: number;
  /** Id of the article open in the reader, or null. */
  article: string | null;
  /** false: search the query exactly as typed, without the wrong-keyboard-layout correction (`correct=0`). */
  correct: boolean;
  script: Script | null;
}

/** Results per page (the API's default). */
export const PAGE_SIZE = DEFAULT_PAGE_SIZE;

export const emptyFilters = (): Filters => ({ year: [], org: [], lang: [], source: [] });
export const noSpan = (): YearSpan => ({ from: null, to: null });

export const initialState = (): PageState => ({
  q: '',
  filters: emptyFilters(),
  span: noSpan(),
  sort: 'relevance',
  page: 1,
  article: null,
  correct: true,
  script: null,
});

const validValue: Record<FacetName, (v: string) => boolean> = {
  year: (v) => /^\d{4}$/.test(v) || v === NO_YEAR,
  org: (v) => v.length <= MAX_FACET_VALUE_CHARS,
  lang: (v) => v.length <= MAX_FACET_VALUE_CHARS,
  source: (v) => v.length <= MAX_FACET_VALUE_CHARS,
};

/** Values as the API would accept them: trimmed, non-empty, valid, each once, in the order first given. */
function cleanValues(facet: FacetName, values: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of values) {
    const v = raw.trim();
    if (v && validValue[facet](v) && !out.includes(v)) out.push(v);
  }
  return out;
}

const yearOf = (v: string | null): number | null => (v && /^\d{4}$/.test(v) ? Number(v) : null);

/** A span as the API accepts it: four-digit ends, from ≤ to (given the other way round, the ends swap). */
function cleanSpan(from: number | null, to: number | null): YearSpan {
  return from !== null && to !== null && from > to ? { from: to, to: from } : { from, to };
}

/** Reads a query string (location.search); anything malformed falls back to the default rather than failing. */
export function parseUrl(search: string): { state: PageState; ui: UiLang | null } {
  const p = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const f of FACET_NAMES) filters[f] = cleanValues(f, p.getAll(f));
  const sort = p.get('sort');
  const page = Number(p.get('page'));
  const ui = p.get('ui');
  const script = p.get('script');
  return {
    state: {
      q: (p.get('q') ?? '').slice(0, MAX_QUERY_CHARS),
      filters,
      span: cleanSpan(yearOf(p.get('year_from')), yearOf(p.get('year_to'))),
      sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance',
      page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
      article: p.get('a') || null,
      correct: p.get('correct') !== '0',
      script: isScript(script) ? script : null,
    },
    ui: isUiLang(ui) ? ui : null,
  };
}

/** The span's parameters, in the API's names. */
function appendSpan(p: URLSearchParams, span: YearSpan): void {
  if (span.from !== null) p.set('year_from', String(span.from));
  if (span.to !== null) p.set('year_to', String(span.to));
}

/** The query string of a state (defaults left out, so URLs stay short); `ui` only when given. */
export function toUrl(state: PageState, ui: UiLang | null = null): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FACET_NAMES) for (const v of state.filters[f]) p.append(f, v);
  appendSpan(p, state.span);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.article) p.set('a', state.article);
  if (!state.correct) p.set('correct', '0');
  if (state.script) p.set('script', state.script);
  if (ui) p.set('ui', ui);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The /api/search query string for a state. */
export function searchQuery(state: PageState, limit = PAGE_SIZE): string {
  const p = new URLSearchParams();
  // As typed: a trailing space tells the API the last word is finished (no prefix search for it).
  p.set('q', state.q);
  for (const f of FACET_NAMES) for (const v of state.filters[f]) p.append(f, v);
  appendSpan(p, state.span);
  p.set('sort', state.sort);
  p.set('page', String(state.page));
  p.set('limit', String(limit));
  if (!state.correct) p.set('correct', '0');
  if (state.script) p.set('script', state.script);
  return p.toString();
}

/** The same search? (What decides whether a new request is needed; the open article does not.) */
export function sameSearch(a: PageState, b: PageState): boolean {
  return searchQuery(a) === searchQuery(b);
}

export const hasSpan = (span: YearSpan): boolean => span.from !== null || span.to !== null;

/** Whether any filter is on: a facet value or a span of years. */
export function hasFilters(state: Pick<PageState, 'filters' | 'span'>): boolean {
  return FACET_NAMES.some((f) => state.filters[f].length > 0) || hasSpan(state.span);
}

/** No filter at all (the query, sort and script stay). */
export const clearFilters = (state: PageState): PageState => ({
  ...state,
  filters: emptyFilters(),
  span: noSpan(),
  page: 1,
});

/** A span of years becomes the year selection (single years and "no year" give way to it). */
export function setYearSpan(state: PageState, from: number | null, to: number | null): PageState {
  return { ...state, filters: { ...state.filters, year: [] }, span: cleanSpan(from, to), page: 1 };
}

/** Only the articles without a year (on), or no year selection at all (off). */
export function setNoYear(state: PageState, on: boolean): PageState {
  return { ...state, filters: { ...state.filters, year: on ? [NO_YEAR] : [] }, span: noSpan(), page: 1 };
}

/** One removable piece of the current selection, as the chips above the results show it. */
export type Refinement = { kind: 'value'; facet: FacetName; value: string } | { kind: 'span'; span: YearSpan };

export function refinements(state: Pick<PageState, 'filters' | 'span'>): Refinement[] {
  const out: Refinement[] = [];
  if (hasSpan(state.span)) out.push({ kind: 'span', span: state.span });
  for (const facet of FACET_NAMES) for (const value of state.filters[facet]) out.push({ kind: 'value', facet, value });
  return out;
}

export function removeRefinement(state: PageState, r: Refinement): PageState {
  if (r.kind === 'span') return { ...state, span: noSpan(), page: 1 };
  return toggleFilter(state, r.facet, r.value, false);
}

/** Ticks or unticks one facet value; any change of the result set goes back to page 1. */
export function toggleFilter(state: PageState, facet: FacetName, value: string, on: boolean): PageState {
  const current = state.filters[facet];
  const values = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [facet]: values }, page: 1 };
}
