/**
 * Values of the HTTP API that the page keeps too: the server validates with them (server/params.ts,
 * server/meili/schema.ts) and the page (web/src/state.ts, bundled by esbuild) never builds a URL the server would
 * refuse. Defined here once; this module imports nothing.
 */

/** The result orders of `sort`. */
export const SORTS = ['relevance', 'date_desc', 'date_asc'] as const;
export type SortOrder = (typeof SORTS)[number];

/** Longest query, in characters (`q`; the search box has the same maxlength in web/index.html). */
export const MAX_QUERY_CHARS = 500;
/** Longest facet value, in characters (`org`, `lang`, `source`). */
export const MAX_FACET_VALUE_CHARS = 200;
/** Highest page number. */
export const MAX_PAGE = 10_000;
/** Results per page when `limit` is not given, and the most a page may ask for. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
