/**
 * The page's state and its URL form. The URL is the source of truth: a search can be shared, and Back/Forward
 * restore it. Facet parameters use the API's names (year, org, lang, source), so the same query string shape goes
 * to /api/search; `ui` (interface language) and `a` (the open article) are the page's own.
 */
import { isUiLang, type UiLang } from './i18n.js';

export const FACET_NAMES = ['year', 'org', 'lang', 'source'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const SORTS = ['relevance', 'date_desc', 'date_asc'] as const;
export type Sort = (typeof SORTS)[number];

export type Filters = Record<FacetName, string[]>;

export interface PageState {
  q: string;
  filters: Filters;
  sort: Sort;
  page: number;
  /** Id of the article open in the reader, or null. */
  article: string | null;
  /** false: search the query exactly as typed, without the wrong-keyboard-layout correction (`correct=0`). */
  correct: boolean;
}

/** Results per page (the API's default). */
export const PAGE_SIZE = 20;
/** The API refuses longer queries; the box has the same maxlength. */
export const MAX_QUERY = 500;
const MAX_PAGE = 10_000;
const MAX_FACET_VALUE = 200;

export const emptyFilters = (): Filters => ({ year: [], org: [], lang: [], source: [] });

export const initialState = (): PageState => ({
  q: '',
  filters: emptyFilters(),
  sort: 'relevance',
  page: 1,
  article: null,
  correct: true,
});

const validValue: Record<FacetName, (v: string) => boolean> = {
  year: (v) => /^\d{4}$/.test(v),
  org: (v) => v.length <= MAX_FACET_VALUE,
  lang: (v) => v.length <= MAX_FACET_VALUE,
  source: (v) => v.length <= MAX_FACET_VALUE,
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

/** Reads a query string (location.search); anything malformed falls back to the default rather than failing. */
export function parseUrl(search: string): { state: PageState; ui: UiLang | null } {
  const p = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const f of FACET_NAMES) filters[f] = cleanValues(f, p.getAll(f));
  const sort = p.get('sort');
  const page = Number(p.get('page'));
  const ui = p.get('ui');
  return {
    state: {
      q: (p.get('q') ?? '').slice(0, MAX_QUERY),
      filters,
      sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance',
      page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
      article: p.get('a') || null,
      correct: p.get('correct') !== '0',
    },
    ui: isUiLang(ui) ? ui : null,
  };
}

/** The query string of a state (defaults left out, so URLs stay short); `ui` only when given. */
export function toUrl(state: PageState, ui: UiLang | null = null): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FACET_NAMES) for (const v of state.filters[f]) p.append(f, v);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.article) p.set('a', state.article);
  if (!state.correct) p.set('correct', '0');
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
  p.set('sort', state.sort);
  p.set('page', String(state.page));
  p.set('limit', String(limit));
  if (!state.correct) p.set('correct', '0');
  return p.toString();
}

/** The same search? (What decides whether a new request is needed; the open article does not.) */
export function sameSearch(a: PageState, b: PageState): boolean {
  return searchQuery(a) === searchQuery(b);
}

export function hasFilters(filters: Filters): boolean {
  return FACET_NAMES.some((f) => filters[f].length > 0);
}

/** Ticks or unticks one facet value; any change of the result set goes back to page 1. */
export function toggleFilter(state: PageState, facet: FacetName, value: string, on: boolean): PageState {
  const current = state.filters[facet];
  const values = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [facet]: values }, page: 1 };
}
