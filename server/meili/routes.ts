/**
 * The Meilisearch-compatible, read-only API at /meili: search, multi-search (with and without federation), facet
 * search, health and version, in Meilisearch 1.21's request and answer shapes, every query going through izde's
 * analysis, planner and highlighter (SearchService.searchPlanned). Every other route answers 405 (a write) or 404 in
 * Meilisearch's error shape. `:uid` is izde's index (INDEX_NAME).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { FACETS, type Facet } from '../../engine/index.js';
import type { SearchService } from '../search/service.js';
import { publicKeyGuard } from './auth.js';
import { indexNotFound, MeiliError, meiliErrorBody, toMeiliError } from './errors.js';
import { facetHits } from './facet-search.js';
import { FilterError, parseFilter } from './filter.js';
import { formatHit } from './format.js';
import {
  facetSearchSchema,
  federationSchema,
  type MultiSearchQuery,
  multiSearchQuerySchema,
  multiSearchSchema,
  parseRequest,
  searchFromQueryString,
  searchSchema,
} from './schema.js';
import { facetsOf, type PreparedQuery, prepareQuery, searchAnswer, window } from './search.js';

/** The Meilisearch API version whose shapes /meili speaks. */
export const MEILISEARCH_API_VERSION = '1.21.0';

export interface MeiliRouterOptions {
  search: SearchService;
  indexName: string;
  /** IZDE_PUBLIC_KEY: the bearer key clients must send; unset: none needed. */
  publicKey?: string | null;
}

/** Routes and the methods they answer (for 405's Allow header). */
const ROUTES: [string, string][] = [
  ['/health', 'GET, HEAD'],
  ['/version', 'GET, HEAD'],
  ['/multi-search', 'POST'],
  ['/indexes/:uid/search', 'GET, HEAD, POST'],
  ['/indexes/:uid/facet-search', 'POST'],
];

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const elapsed = (started: number) => Math.round(performance.now() - started);

const jsonBody = express.json({ limit: '100kb', type: () => true });

/** POST bodies: JSON only (415 otherwise, as Meilisearch answers), and present. */
const json = <P>(req: Request<P>, res: Response, next: NextFunction): void => {
  const type = req.get('content-type');
  if (!type) {
    throw new MeiliError(
      415,
      'missing_content_type',
      'A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`',
    );
  }
  if (!req.is('application/json')) {
    throw new MeiliError(
      415,
      'invalid_content_type',
      `The Content-Type \`${type}\` is invalid. Accepted values for the Content-Type header are: \`application/json\``,
    );
  }
  if (req.get('content-length') === '0') throw new MeiliError(400, 'missing_payload', 'A json payload is missing.');
  jsonBody(req, res, (err?: unknown) => {
    if (err) return next(err);
    if (req.body === undefined) return next(new MeiliError(400, 'missing_payload', 'A json payload is missing.'));
    next();
  });
};

export function createMeiliRouter(options: MeiliRouterOptions): express.Router {
  const { search, indexName } = options;
  const router = express.Router();

  const checkIndex = (uid: string | undefined, where = '') => {
    if (uid !== indexName) {
      const err = indexNotFound(uid ?? '');
      throw where ? err.inside(where) : err;
    }
  };

  const run = (prepared: PreparedQuery) =>
    search.searchPlanned({
      queries: [prepared.input],
      ...window(prepared.paging),
      facets: prepared.facets,
      sort: prepared.sort,
    });

  // Searches are POSTs, and a GET search's answer changes with the index: nothing here is for caches to keep.
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/health', async (_req, res) => {
    const health = await search.health();
    if (health.status !== 'ok') {
      throw new MeiliError(503, 'search_unavailable', 'The search engine is unavailable; try again shortly.', 'system');
    }
    res.json({ status: 'available' });
  });

  router.use(publicKeyGuard(options.publicKey));

  router.get('/version', (_req, res) => {
    res.json({ commitSha: 'unknown', commitDate: 'unknown', pkgVersion: MEILISEARCH_API_VERSION });
  });

  const searchOne = async (uid: string | undefined, body: unknown, res: Response) => {
    checkIndex(uid);
    const started = performance.now();
    const prepared = prepareQuery(parseRequest(searchSchema, body));
    const result = await run(prepared);
    res.json(searchAnswer(prepared, result, elapsed(started)));
  };
  router.get('/indexes/:uid/search', (req, res) => searchOne(req.params.uid, searchFromQueryString(req.query), res));
  router.post('/indexes/:uid/search', json, (req, res) => searchOne(req.params.uid, req.body, res));

  router.post('/indexes/:uid/facet-search', json, async (req, res) => {
    checkIndex(req.params.uid);
    const started = performance.now();
    const request = parseRequest(facetSearchSchema, req.body, {
      codePrefix: (f) =>
        f === 'facetQuery'
          ? 'invalid_facet_search_query'
          : (f === 'facetName' || f === 'exhaustiveFacetCount' ? 'invalid_facet_search_' : 'invalid_search_') +
            snake(f),
    });
    if (!(FACETS as readonly string[]).includes(request.facetName)) {
      throw new MeiliError(
        400,
        'invalid_facet_search_facet_name',
        `Attribute \`${request.facetName}\` is not facet-searchable. Available facet-searchable attributes are: \`${[...FACETS].sort().join(', ')}\`.`,
      );
    }
    const facet = request.facetName as Facet;
    let filter: ReturnType<typeof parseFilter>;
    try {
      filter = parseFilter(request.filter);
    } catch (err) {
      throw err instanceof FilterError ? new MeiliError(400, 'invalid_search_filter', err.message) : err;
    }
    const q = request.q ?? '';
    const result = await search.searchPlanned({
      queries: [
        {
          q,
          filter,
          ...(request.rankingScoreThreshold !== undefined ? { minScore: request.rankingScoreThreshold } : {}),
        },
      ],
      offset: 0,
      limit: 0,
      facets: [facet],
    });
    res.json({
      facetHits: facetHits(facet, result.facetDistribution[facet] ?? {}, request.facetQuery),
      facetQuery: request.facetQuery ?? null,
      processingTimeMs: elapsed(started),
    });
  });

  router.post('/multi-search', json, async (req, res) => {
    const started = performance.now();
    const body = parseRequest(multiSearchSchema, req.body, { codePrefix: () => 'bad_request' });
    const federated = body.federation !== undefined && body.federation !== null;
    const queryCode = (f: string) =>
      f === 'indexUid'
        ? 'invalid_index_uid'
        : f === 'federationOptions'
          ? 'invalid_multi_search_federation_options'
          : f === 'weight'
            ? 'invalid_multi_search_weight'
            : `invalid_search_${snake(f)}`;
    const parsed = body.queries.map((raw, i) => {
      const where = `.queries[${i}]`;
      const query: MultiSearchQuery = parseRequest(multiSearchQuerySchema, raw, { where, codePrefix: queryCode });
      checkIndex(query.indexUid, where);
      if (!federated && query.federationOptions) {
        throw new MeiliError(
          400,
          'invalid_multi_search_federation_options',
          `Inside \`${where}\`: Using \`federationOptions\` is not allowed in a non-federated search.\n - Hint: remove \`federationOptions\` from query #${i} or add \`federation\` to the request.`,
        );
      }
      if (federated) federatedQueryCheck(query, i);
      return { query, prepared: prepareQuery(query, { where, federated }) };
    });

    if (!federated) {
      const results = await Promise.all(parsed.map(({ prepared }) => run(prepared)));
      res.json({
        results: results.map((result, i) => {
          const prepared = parsed[i]?.prepared;
          return prepared ? { indexUid: indexName, ...searchAnswer(prepared, result, elapsed(started)) } : {};
        }),
      });
      return;
    }

    const federation = parseRequest(federationSchema, body.federation, {
      where: '.federation',
      // Meilisearch checks the federation's paging with the search's own codes.
      codePrefix: (f) => (f === 'limit' || f === 'offset' ? 'invalid_search_' : 'invalid_multi_search_') + snake(f),
    });
    let facets: Facet[] = [];
    for (const [uid, list] of Object.entries(federation.facetsByIndex ?? {})) {
      checkIndex(uid, `.federation.facetsByIndex.${uid}`);
      try {
        facets = facetsOf(list, 'invalid_multi_search_facets');
      } catch (err) {
        throw err instanceof MeiliError ? err.inside(`.federation.facetsByIndex.${uid}`) : err;
      }
    }
    const offset = federation.offset ?? 0;
    const limit = federation.limit ?? 20;
    const result = await search.searchPlanned({
      queries: parsed.map(({ query, prepared }) => ({
        ...prepared.input,
        weight: query.federationOptions?.weight ?? 1,
      })),
      offset,
      limit,
      facets,
      sort: parsed.find(({ prepared }) => prepared.sort)?.prepared.sort,
    });
    const merged = federation.mergeFacets !== undefined && federation.mergeFacets !== null;
    res.json({
      hits: result.hits.map((hit) => {
        const format = parsed[hit.query]?.prepared.format;
        return {
          ...(format ? formatHit(hit, format) : {}),
          _federation: { indexUid: indexName, queriesPosition: hit.query, weightedRankingScore: hit.score },
        };
      }),
      processingTimeMs: elapsed(started),
      limit,
      offset,
      estimatedTotalHits: result.total,
      ...(federation.facetsByIndex
        ? merged
          ? { facetDistribution: result.facetDistribution, facetStats: result.facetStats }
          : { facetsByIndex: { [indexName]: { distribution: result.facetDistribution, stats: result.facetStats } } }
        : {}),
    });
  });

  // Known routes asked with another method, then everything else: read-only, so writes are 405.
  for (const [path, allow] of ROUTES) {
    router.all(path, (req, res) => {
      res.set('Allow', allow);
      throw new MeiliError(
        405,
        'method_not_allowed',
        `\`${req.method} ${req.baseUrl}${req.path}\` is not allowed: izde's Meilisearch-compatible API is read-only. Allowed: ${allow}.`,
      );
    });
  }
  router.use((req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      throw new MeiliError(
        404,
        'route_not_found',
        `\`${req.baseUrl}${req.path}\` is not part of izde's Meilisearch-compatible API (search, multi-search, facet-search, health, version).`,
      );
    }
    res.set('Allow', '');
    throw new MeiliError(
      405,
      'method_not_allowed',
      `\`${req.method} ${req.baseUrl}${req.path}\` is not allowed: izde's Meilisearch-compatible API is read-only.`,
    );
  });

  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const meiliError = toMeiliError(err);
    if (meiliError.status >= 500) req.log?.error({ err }, 'meili request failed');
    if (meiliError.status === 503) search.engineTrouble();
    if (res.headersSent) return;
    res.status(meiliError.status).json(meiliErrorBody(meiliError));
  });
  return router;
}

/** Federated queries take their paging and facets from `federation`, as Meilisearch requires. */
function federatedQueryCheck(query: MultiSearchQuery, i: number): void {
  const paging = (['limit', 'offset', 'page', 'hitsPerPage'] as const).find((k) => query[k] !== undefined);
  if (paging) {
    throw new MeiliError(
      400,
      'invalid_multi_search_query_pagination',
      `Inside \`.queries[${i}]\`: Using pagination options is not allowed in federated queries.\n - Hint: remove \`${paging}\` from query #${i} or remove \`federation\` from the request\n - Hint: pass \`federation.limit\` and \`federation.offset\` for pagination in federated search`,
    );
  }
  if (query.facets !== undefined && query.facets !== null) {
    throw new MeiliError(
      400,
      'invalid_multi_search_query_facets',
      `Inside \`.queries[${i}]\`: Using facet options is not allowed in federated queries.\n - Hint: remove \`facets\` from query #${i} or remove \`federation\` from the request\n - Hint: pass \`federation.facetsByIndex.${query.indexUid}: ${JSON.stringify(query.facets)}\` for facets in federated search`,
    );
  }
}
