/**
 * The API's answers as zod schemas, for the OpenAPI document. The server builds its answers as TypeScript types
 * (server/search/service.ts, suggest.ts, errors.ts); the checks at the end of this file make the compiler refuse a
 * schema that drifts from its type, and server/openapi/openapi.test.ts validates real answers against the document.
 */
import { z } from 'zod';
import { FACETS, type Facet } from '../../engine/index.js';
import type { ApiErrorCode } from '../errors.js';
import { SCRIPTS } from '../search/display-script.js';
import type { ArticleResponse, HealthResponse, SearchHit, SearchResponse } from '../search/service.js';
import type { SuggestResponse } from '../search/suggest.js';

/** The registry the document's `components/schemas` are written from (`id` names the component). */
export const components = z.registry<{ id: string; description?: string }>();

const counts = z.record(z.string(), z.number().int().min(0));

export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum([
        'BAD_PARAMETER',
        'BAD_REQUEST',
        'UNAUTHORIZED',
        'NOT_FOUND',
        'METHOD_NOT_ALLOWED',
        'REQUEST_TIMEOUT',
        'PAYLOAD_TOO_LARGE',
        'UNSUPPORTED_MEDIA_TYPE',
        'HEADERS_TOO_LARGE',
        'RATE_LIMITED',
        'SEARCH_UNAVAILABLE',
        'SEARCH_TIMEOUT',
        'INDEX_BUSY',
        'INTERNAL',
      ]),
      message: z.string().meta({ description: 'What went wrong, for a person; names the parameter at fault.' }),
    }),
  })
  .register(components, { id: 'Error', description: 'Every error of /api/*, whatever its status.' });

const hitFields = {
  id: z.string().meta({ description: "The record's own id (any characters)." }),
  title: z.string(),
  snippet: z.string().meta({ description: 'HTML: the text escaped, matched words in <mark>; nothing else is markup.' }),
  date: z.string().nullable().meta({ description: 'ISO 8601 date, or null.' }),
  year: z.number().int().nullable(),
  lang: z.string().meta({ description: 'BCP 47 tag: kk, kk-Latn, ru, or another detected language.' }),
  source: z.string().nullable(),
  url: z.string().nullable(),
  orgs: z.array(z.string()).meta({ description: 'Organization codes (SCO, UN, CIS, …).' }),
  script: z.enum(SCRIPTS).optional().meta({
    description: 'Present when Kazakh text was converted for display (`script=`): the script it is shown in.',
  }),
};

export const searchHitSchema = z
  .strictObject({
    ...hitFields,
    titleHtml: z.string().meta({ description: 'The title as HTML with the matched words in <mark>.' }),
  })
  .register(components, { id: 'SearchHit' });

const facetCountsSchema = z
  .strictObject(Object.fromEntries(FACETS.map((f) => [f, counts])) as Record<Facet, typeof counts>)
  .register(components, {
    id: 'FacetCounts',
    description: "Disjunctive counts: a facet's counts ignore that facet's own selection.",
  });

export const alternativeSchema = z
  .strictObject({
    query: z.string(),
    kind: z.enum(['other-language', 'partial', 'unfiltered']),
    total: z.number().int().min(0),
    langs: counts,
  })
  .register(components, { id: 'Alternative', description: 'A nearby query that finds something.' });

export const searchResponseSchema = z
  .strictObject({
    query: z.string(),
    total: z.number().int().min(0).meta({ description: 'Every matching article (counted up to 100,000).' }),
    page: z.number().int().min(1),
    limit: z.number().int().min(1),
    tookMs: z.number().int().min(0),
    hits: z.array(searchHitSchema),
    facets: facetCountsSchema,
    noYear: z.number().int().min(0).meta({ description: 'Matching articles without a year (year=none).' }),
    alternatives: z
      .array(alternativeSchema)
      .optional()
      .meta({ description: 'Only when nothing matched and `q` is not empty (and not `alternatives=0`).' }),
    correction: z
      .strictObject({ query: z.string(), original: z.string(), reason: z.literal('keyboard-layout') })
      .optional()
      .meta({ description: 'The hits are for this reading of the query (typed on the wrong keyboard layout).' }),
  })
  .register(components, { id: 'SearchResponse' });

export const articleResponseSchema = z
  .strictObject({
    ...hitFields,
    body: z.string().meta({ description: 'The clean text, page furniture removed.' }),
    dateSource: z.enum(['explicit', 'inferred']).nullable(),
  })
  .register(components, { id: 'Article' });

export const suggestResponseSchema = z
  .strictObject({
    query: z.string(),
    suggestions: z.array(
      z.strictObject({
        text: z.string(),
        kind: z.enum(['term', 'title', 'org', 'place', 'person', 'topic']),
        id: z.string().optional().meta({ description: 'The article, for title suggestions.' }),
        code: z.string().optional().meta({ description: 'The entity code, for organizations, places, persons.' }),
      }),
    ),
  })
  .register(components, { id: 'SuggestResponse' });

export const healthResponseSchema = z
  .strictObject({
    status: z.enum(['ok', 'unavailable']),
    meilisearch: z.enum(['available', 'unavailable']),
    documents: z.number().int().min(0).optional(),
    analyzerVersion: z.string().optional().meta({ description: "This server's analyzer version (extension)." }),
    indexAnalyzerVersions: z
      .record(z.string(), z.number().int().min(0))
      .optional()
      .meta({ description: "The analyzer versions of the index's articles, with their counts (extension)." }),
    error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  })
  .register(components, { id: 'Health' });

// ----- /meili: Meilisearch 1.21's shapes (its own documentation is the reference for each field) -----

const meiliHit = z.record(z.string(), z.unknown()).meta({
  description:
    'The public fields asked for (`id`, `title`, `body`, `date`, `year`, `lang`, `source`, `url`, `org`), ' +
    'with `_formatted`, `_matchesPosition`, `_rankingScore` when asked.',
});
const facetStats = z.record(z.string(), z.strictObject({ min: z.number(), max: z.number() }));

export const meiliSearchResponseSchema = z
  .strictObject({
    indexUid: z.string().optional().meta({ description: 'In the results of a multi-search.' }),
    hits: z.array(meiliHit),
    query: z.string(),
    processingTimeMs: z.number().int().min(0),
    limit: z.number().int().optional(),
    offset: z.number().int().optional(),
    estimatedTotalHits: z.number().int().optional(),
    hitsPerPage: z.number().int().optional(),
    page: z.number().int().optional(),
    totalPages: z.number().int().optional(),
    totalHits: z.number().int().optional(),
    facetDistribution: z.record(z.string(), counts).optional(),
    facetStats: facetStats.optional(),
  })
  .register(components, {
    id: 'MeiliSearchResponse',
    description: 'offset/limit answer limit, offset, estimatedTotalHits; page/hitsPerPage answer the other four.',
  });

export const meiliMultiSearchResponseSchema = z
  .union([
    z.strictObject({ results: z.array(meiliSearchResponseSchema) }),
    z.strictObject({
      hits: z.array(meiliHit),
      processingTimeMs: z.number().int().min(0),
      limit: z.number().int(),
      offset: z.number().int(),
      estimatedTotalHits: z.number().int(),
      facetDistribution: z.record(z.string(), counts).optional(),
      facetStats: facetStats.optional(),
      facetsByIndex: z
        .record(z.string(), z.strictObject({ distribution: z.record(z.string(), counts), stats: facetStats }))
        .optional(),
    }),
  ])
  .register(components, {
    id: 'MeiliMultiSearchResponse',
    description: 'Without `federation`: one result per query. With it: one merged list, each hit with `_federation`.',
  });

export const meiliFacetSearchResponseSchema = z
  .strictObject({
    facetHits: z.array(z.strictObject({ value: z.string(), count: z.number().int().min(0) })),
    facetQuery: z.string().nullable(),
    processingTimeMs: z.number().int().min(0),
  })
  .register(components, { id: 'MeiliFacetSearchResponse' });

export const meiliErrorSchema = z
  .strictObject({
    message: z.string(),
    code: z.string().meta({ description: "Meilisearch's code where it has one (invalid_search_limit, …)." }),
    type: z.enum(['invalid_request', 'auth', 'system', 'internal']),
    link: z.string(),
  })
  .register(components, { id: 'MeiliError', description: "Every error of /meili/*, in Meilisearch's shape." });

// ----- The compiler keeps the schemas and the server's types the same -----

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <_T extends true>() => undefined;
same<Same<z.output<typeof searchHitSchema>, SearchHit>>();
same<Same<z.output<typeof searchResponseSchema>, SearchResponse>>();
same<Same<z.output<typeof articleResponseSchema>, ArticleResponse>>();
same<Same<z.output<typeof suggestResponseSchema>, SuggestResponse>>();
same<Same<z.output<typeof healthResponseSchema>, HealthResponse>>();
same<Same<z.output<typeof errorBodySchema>['error']['code'], ApiErrorCode>>();
