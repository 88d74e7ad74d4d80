import type {
  FederatedMultiSearchParams,
  Meilisearch,
  MultiSearchQueryWithFederation,
  SearchResponse,
} from 'meilisearch';
import { analyzeQuery, wrongLayoutCandidates } from '../../analyzers/index.js';
import { type ArticleDocument, type Facet, HIT_FIELDS, toEngineError } from '../../engine/index.js';
import { type FilterExpr, printFilter } from './filter-expr.js';
import type { Range } from './highlight.js';
import { federatedMultiSearch } from './legacy-keys.js';
import { type MatchKeys, type PlannedQuery, planQuery } from './plan.js';

/**
 * The lower-level search behind the Meilisearch-compatible API: several user queries (each with its own filter and
 * weight) become one federated Meilisearch search of izde's planned queries — so every query goes through izde's
 * analysis and planner — with the paging, facets and sort asked, and each hit comes back with the ranges of its
 * title and body that its query matched. Retries as SearchService.search does: the last word as a prefix, then the
 * wrong keyboard layout.
 */
export interface PlannedQueryInput {
  /** The text as typed (empty: browse). */
  q: string;
  filter: FilterExpr | null;
  /** Weight of this query's hits in the merge (Meilisearch's federationOptions.weight); 1 by default. */
  weight?: number;
  /** Lowest ranking score of a hit (Meilisearch's rankingScoreThreshold), on top of the planner's own cut. */
  minScore?: number;
}

export interface PlannedSearchRequest {
  queries: readonly PlannedQueryInput[];
  offset: number;
  limit: number;
  facets?: readonly Facet[];
  /** By date; unset: by relevance (a browsing query: newest first). */
  sort?: 'newest' | 'oldest';
  /** Retry a query that finds nothing as typed with the wrong keyboard layout (default true). */
  correct?: boolean;
}

export type PublicDocument = Pick<ArticleDocument, (typeof HIT_FIELDS)[number]>;
export type StoredHit = PublicDocument & { key: string; hash: string };

export interface TextRanges {
  title: Range[];
  body: Range[];
}

export interface PlannedHit {
  document: PublicDocument;
  /** Index of the query (in the request) that found it. */
  query: number;
  /** Meilisearch's weighted ranking score of the hit (0..1). */
  score: number;
  /** What the query matched in the original title and body: sorted, merged UTF-16 ranges. */
  ranges: TextRanges;
}

export interface FacetStat {
  min: number;
  max: number;
}

export interface PlannedSearchResult {
  hits: PlannedHit[];
  total: number;
  /** Counts of every facet asked (an empty object when nothing matched). */
  facetDistribution: Partial<Record<Facet, Record<string, number>>>;
  /** Lowest and highest value of the numeric facets asked, over the matching documents. */
  facetStats: Partial<Record<Facet, FacetStat>>;
  /** Per query: the text searched instead of the one typed (a wrong keyboard layout), or null. */
  corrections: (string | null)[];
}

export type RangesOf = (doc: StoredHit, keys: MatchKeys) => TextRanges;

interface QueryPlanChoice {
  planned: readonly PlannedQuery[];
  keys: MatchKeys | undefined;
  correction: string | null;
}

const BROWSE: PlannedQuery = { name: 'browse', q: '', fields: [], weight: 1 };

export async function runPlannedSearch(
  client: Meilisearch,
  indexName: string,
  request: PlannedSearchRequest,
  rangesOf: RangesOf,
  legacyKeys = false,
): Promise<PlannedSearchResult> {
  const texts = request.queries.map((q) => q.q.trim());
  // Each query analyzed once: its whole-word plan and, when that finds nothing, its prefix plan read the same analysis.
  const analyses = request.queries.map((q, i) => (texts[i] ? analyzeQuery(q.q) : null));
  let choices: QueryPlanChoice[] = analyses.map((analysis) => {
    if (!analysis) return { planned: [BROWSE], keys: undefined, correction: null };
    const plan = planQuery(analysis);
    return { planned: plan.queries, keys: plan.keys, correction: null };
  });
  let answer = await federatedSearch(client, indexName, request, choices, legacyKeys);
  if (answer.total === 0) {
    // Typing: the last word may be unfinished.
    let changed = false;
    const prefixed = choices.map((choice, i) => {
      const analysis = analyses[i];
      if (!analysis) return choice;
      const plan = planQuery(analysis, { prefix: true });
      if (plan.queries.length <= choice.planned.length) return choice;
      changed = true;
      return { planned: plan.queries, keys: plan.keys, correction: null };
    });
    if (changed) {
      choices = prefixed;
      answer = await federatedSearch(client, indexName, request, choices, legacyKeys);
    }
  }
  if (answer.total === 0 && request.correct !== false) {
    const candidates = texts.map((t) => (t ? wrongLayoutCandidates(t) : []));
    const rounds = Math.max(0, ...candidates.map((c) => c.length));
    for (let k = 0; k < rounds; k++) {
      // Every query found nothing as typed: only the readings of this round are searched.
      const round = candidates.map((c): QueryPlanChoice => {
        const candidate = c[k];
        if (!candidate) return { planned: [], keys: undefined, correction: null };
        const plan = planQuery(candidate.text, { prefix: true });
        return { planned: plan.queries, keys: plan.keys, correction: candidate.text };
      });
      const fixed = await federatedSearch(client, indexName, request, round, legacyKeys);
      if (fixed.total > 0) {
        choices = round;
        answer = fixed;
        break;
      }
    }
  }
  const hits = answer.hits.map(({ stored, query, score }): PlannedHit => {
    const keys = choices[query]?.keys;
    const { key: _key, ...document } = stored;
    return {
      document,
      query,
      score,
      ranges: keys ? rangesOf(stored, keys) : { title: [], body: [] },
    };
  });
  return {
    hits,
    total: answer.total,
    facetDistribution: answer.facetDistribution,
    facetStats: answer.facetStats,
    corrections: choices.map((c) => c.correction),
  };
}

interface Answer {
  hits: { stored: StoredHit; query: number; score: number }[];
  total: number;
  facetDistribution: PlannedSearchResult['facetDistribution'];
  facetStats: PlannedSearchResult['facetStats'];
}

async function federatedSearch(
  client: Meilisearch,
  indexName: string,
  request: PlannedSearchRequest,
  choices: readonly QueryPlanChoice[],
  legacyKeys: boolean,
): Promise<Answer> {
  const facets = request.facets ?? [];
  const owners: number[] = [];
  const queries: MultiSearchQueryWithFederation[] = [];
  choices.forEach((choice, i) => {
    const input = request.queries[i];
    if (!input) return;
    const filter = input.filter ? printFilter(input.filter) : undefined;
    for (const p of choice.planned) {
      const browsing = p.q === '';
      const sort =
        request.sort === 'newest' || (request.sort === undefined && browsing)
          ? ['ts:desc']
          : request.sort === 'oldest'
            ? ['ts:asc']
            : undefined;
      const minScore = Math.max(p.minScore ?? 0, input.minScore ?? 0);
      owners.push(i);
      queries.push({
        indexUid: indexName,
        q: p.q,
        // Only restricted queries (titles) name their fields: a tier's keys occur in that tier's fields only.
        ...(p.restrict && p.fields.length ? { attributesToSearchOn: [...p.fields] } : {}),
        ...(filter ? { filter } : {}),
        ...(sort ? { sort } : {}),
        ...(minScore > 0 ? { rankingScoreThreshold: minScore } : {}),
        matchingStrategy: 'all',
        attributesToRetrieve: ['key', 'hash', ...HIT_FIELDS],
        federationOptions: { weight: p.weight * (input.weight ?? 1) },
      });
    }
  });
  const empty = Object.fromEntries(facets.map((f) => [f, {}]));
  if (queries.length === 0) return { hits: [], total: 0, facetDistribution: empty, facetStats: {} };
  const params: FederatedMultiSearchParams = {
    federation: {
      limit: request.limit,
      offset: request.offset,
      ...(facets.length ? { facetsByIndex: { [indexName]: [...facets] }, mergeFacets: {} } : {}),
    },
    queries,
  };
  let raw: SearchResponse<StoredHit>;
  try {
    raw = await federatedMultiSearch<StoredHit>(client, params, legacyKeys);
  } catch (err) {
    throw toEngineError(err);
  }
  const facetDistribution: Answer['facetDistribution'] = empty;
  const facetStats: Answer['facetStats'] = {};
  for (const f of facets) {
    facetDistribution[f] = { ...(raw.facetDistribution?.[f] ?? {}) };
    const stat = raw.facetStats?.[f];
    if (stat) facetStats[f] = { min: stat.min, max: stat.max };
  }
  return {
    hits: raw.hits.map(({ _federation, ...stored }) => ({
      stored,
      query: owners[_federation?.queriesPosition ?? 0] ?? 0,
      score: _federation?.weightedRankingScore ?? 0,
    })),
    total: raw.estimatedTotalHits ?? raw.hits.length,
    facetDistribution,
    facetStats,
  };
}
