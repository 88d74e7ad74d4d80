/**
 * One Meilisearch search request → what izde's planned search needs (the query, its parsed filter, facets, sort,
 * paging) and how to shape its hits; and the answer back in Meilisearch 1.21's shape: `limit`/`offset`/
 * `estimatedTotalHits`, or `hitsPerPage`/`page`/`totalPages`/`totalHits` when the request pages by page.
 */
import { FACETS, type Facet } from '../../engine/index.js';
import type { PlannedQueryInput, PlannedSearchResult } from '../search/planned.js';
import { MeiliError } from './errors.js';
import { FilterError, parseFilter } from './filter.js';
import { cropFields, DEFAULT_CROP_LENGTH, type FormatOptions, formatHit, publicFields } from './format.js';
import { rejectUnsupported, type SearchRequest } from './schema.js';

export type Paging =
  | { finite: true; page: number; hitsPerPage: number }
  | { finite: false; offset: number; limit: number };

export interface PreparedQuery {
  q: string;
  input: PlannedQueryInput;
  format: FormatOptions;
  facets: Facet[];
  sort: 'newest' | 'oldest' | undefined;
  paging: Paging;
}

const FACET_LIST = [...FACETS].sort().join(', ');
const SORTABLE = ['date', 'year'];

/** The facets asked, each checked against the filterable public fields (`*`: all of them). */
export function facetsOf(list: readonly string[] | null | undefined, code = 'invalid_search_facets'): Facet[] {
  if (!list) return [];
  if (list.includes('*')) return [...FACETS];
  const out: Facet[] = [];
  for (const name of list) {
    if (!(FACETS as readonly string[]).includes(name)) {
      throw new MeiliError(
        400,
        code,
        `Invalid facet distribution: Attribute \`${name}\` is not filterable. Available filterable attributes are: \`${FACET_LIST}\`.`,
      );
    }
    if (!out.includes(name as Facet)) out.push(name as Facet);
  }
  return out;
}

/** `date:desc` or `year:asc` (both order by the article's date); the first criterion decides. */
function sortOf(list: readonly string[] | null | undefined): PreparedQuery['sort'] {
  if (!list || list.length === 0) return undefined;
  let first: PreparedQuery['sort'];
  for (const item of list) {
    const m = /^([^:]+):(asc|desc)$/u.exec(item);
    if (!m) {
      throw new MeiliError(
        400,
        'invalid_search_sort',
        `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${item}\`.`,
      );
    }
    if (!SORTABLE.includes(m[1] ?? '')) {
      throw new MeiliError(
        400,
        'invalid_search_sort',
        `Attribute \`${m[1]}\` is not sortable. Available sortable attributes are: \`date\`, \`year\`.`,
      );
    }
    first ??= m[2] === 'desc' ? 'newest' : 'oldest';
  }
  return first;
}

/** izde searches the title and the body together: a list must name both (or `*`). */
function checkSearchOn(list: readonly string[] | null | undefined): void {
  if (!list || list.includes('*')) return;
  for (const name of list) {
    if (name !== 'title' && name !== 'body') {
      throw new MeiliError(
        400,
        'invalid_search_attributes_to_search_on',
        `Attribute \`${name}\` is not searchable. Available searchable attributes are: \`title, body\`.`,
      );
    }
  }
  if (!(list.includes('title') && list.includes('body'))) {
    throw new MeiliError(
      400,
      'invalid_search_attributes_to_search_on',
      'izde searches the title and the body together: `attributesToSearchOn` must name both, or `*`.',
    );
  }
}

export function prepareQuery(
  request: SearchRequest,
  options: { where?: string; federated?: boolean } = {},
): PreparedQuery {
  const where = options.where ?? '';
  rejectUnsupported(request, where);
  let filter: PlannedQueryInput['filter'];
  try {
    filter = parseFilter(request.filter);
  } catch (err) {
    if (err instanceof FilterError) {
      const e = new MeiliError(400, 'invalid_search_filter', err.message);
      throw where ? e.inside(where) : e;
    }
    throw err;
  }
  checkSearchOn(request.attributesToSearchOn);
  const finite = request.page !== undefined || request.hitsPerPage !== undefined;
  const paging: Paging = finite
    ? { finite: true, page: request.page ?? 1, hitsPerPage: request.hitsPerPage ?? 20 }
    : { finite: false, offset: request.offset ?? 0, limit: request.limit ?? 20 };
  const highlight = publicFields(request.attributesToHighlight, false);
  const q = request.q ?? '';
  return {
    q,
    input: {
      q,
      filter,
      ...(request.rankingScoreThreshold !== undefined ? { minScore: request.rankingScoreThreshold } : {}),
    },
    format: {
      retrieve: publicFields(request.attributesToRetrieve, true),
      highlight,
      crop: cropFields(request.attributesToCrop, request.cropLength ?? DEFAULT_CROP_LENGTH),
      preTag: request.highlightPreTag ?? '<em>',
      postTag: request.highlightPostTag ?? '</em>',
      cropMarker: request.cropMarker ?? '…',
      showMatchesPosition: request.showMatchesPosition ?? false,
      showRankingScore: request.showRankingScore ?? false,
    },
    facets: options.federated ? [] : facetsOf(request.facets),
    sort: sortOf(request.sort),
    paging,
  };
}

/** offset and limit for the engine. `page: 0` answers no hits, as Meilisearch does. */
export function window(paging: Paging): { offset: number; limit: number } {
  if (!paging.finite) return { offset: paging.offset, limit: paging.limit };
  if (paging.page === 0) return { offset: 0, limit: 0 };
  return { offset: (paging.page - 1) * paging.hitsPerPage, limit: paging.hitsPerPage };
}

/** The answer to one (non-federated) search, in Meilisearch's key order. */
export function searchAnswer(prepared: PreparedQuery, result: PlannedSearchResult, processingTimeMs: number) {
  const hits = result.hits.map((hit) => formatHit(hit, prepared.format));
  const { paging } = prepared;
  const pagination = paging.finite
    ? {
        hitsPerPage: paging.hitsPerPage,
        page: paging.page,
        totalPages: paging.hitsPerPage === 0 ? 0 : Math.ceil(result.total / paging.hitsPerPage),
        totalHits: result.total,
      }
    : { limit: paging.limit, offset: paging.offset, estimatedTotalHits: result.total };
  return {
    hits,
    query: prepared.q,
    processingTimeMs,
    ...pagination,
    ...(prepared.facets.length > 0
      ? { facetDistribution: result.facetDistribution, facetStats: result.facetStats }
      : {}),
  };
}
