/**
 * The OpenAPI 3.1 document of izde's HTTP API, served at `GET /api/openapi.json`. Query parameters come from the
 * zod schemas that parse them (server/params.ts, via parameters.ts), answers from the response schemas
 * (responses.ts), /meili request bodies from server/meili/schema.ts: the document is generated from the code that
 * runs, and openapi.test.ts checks it against the running server. docs/api.md is the reference in prose.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { facetSearchSchema, federationSchema, multiSearchQuerySchema, searchSchema } from '../meili/schema.js';
import { articleParamsSchema, searchParamsSchema, suggestParamsSchema } from '../params.js';
import {
  dropSafeIntegerBounds,
  type JsonSchema,
  jsonSchemaOf,
  type OpenApiParameter,
  type ParameterDoc,
  queryParameters,
} from './parameters.js';
import { components } from './responses.js';

const MAX_MULTI_SEARCH_QUERIES = 20;

const SEARCH_DOCS: { [K in keyof z.input<typeof searchParamsSchema>]-?: ParameterDoc } = {
  q: {
    description:
      'The query; empty browses (newest first). Every content word must match, in any of its forms, scripts or ' +
      'languages; «ШОС», «ШЫҰ» and «SCO» are one organization. Given at most once.',
    example: 'ШОС саммиті',
  },
  year: { description: 'Years to keep (OR); `none`: the articles without a year.', example: 2024 },
  year_from: { description: 'First year of an inclusive span (AND with the rest); after `year_to` is a 400.' },
  year_to: { description: 'Last year of an inclusive span.' },
  org: { description: 'Organization codes to keep (OR): SCO, UN, CIS, OSCE, EU, EAEU, CSTO, NATO, OTS, CICA, C5+RU.' },
  lang: { description: 'Languages to keep (OR): kk, kk-Latn, ru, …' },
  source: { description: 'Sources (outlets) to keep (OR), as the `source` facet names them.' },
  page: { description: 'Page of results, from 1.' },
  limit: { description: 'Hits per page.' },
  correct: {
    description: '`0`: search exactly what was typed, without the wrong-keyboard-layout reading when nothing matches.',
  },
  sort: { description: '`relevance` (browsing: newest first), `date_desc` or `date_asc`.' },
  script: { description: 'Show Kazakh text of the hits in this script (absent: as written); marks are kept.' },
  alternatives: {
    description: '`0`: no `alternatives` when nothing matches (default: offered; each costs engine time).',
  },
};

const SUGGEST_DOCS: { [K in keyof z.input<typeof suggestParamsSchema>]-?: ParameterDoc } = {
  q: { description: 'What has been typed; the last word is a prefix.', example: 'Қаз' },
  limit: { description: 'Suggestions at most.' },
};

const ARTICLE_DOCS: { [K in keyof z.input<typeof articleParamsSchema>]-?: ParameterDoc } = {
  script: { description: "Show a Kazakh article's title, body and snippet in this script." },
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: JsonSchema, description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema } },
});
const header = (description: string) => ({ description, schema: { type: 'string' } });

const CACHE_HEADERS = {
  'Cache-Control': header('`public, max-age=CACHE_MAX_AGE` (default 5 s); `no-store` when CACHE_MAX_AGE=0.'),
  ETag: header('Weak tag of the answer: send it back in If-None-Match for a 304 while the index is unchanged.'),
};
const RATE_HEADERS = {
  RateLimit: header('The budget left in this minute (IETF draft-8 header), when the rate limit is on.'),
  'RateLimit-Policy': header('The budget: RATE_LIMIT_PER_MINUTE requests a minute per client.'),
};
const IF_NONE_MATCH: OpenApiParameter = {
  name: 'If-None-Match',
  in: 'header',
  description: 'An ETag of an earlier answer: 304 with no body while it is still the answer.',
  required: false,
  schema: { type: 'string' },
};

const apiError = (description: string) => json(ref('Error'), description);
const API_ERRORS = {
  '400': apiError('BAD_PARAMETER: a parameter is wrong; the message names it.'),
  '429': apiError('RATE_LIMITED: over RATE_LIMIT_PER_MINUTE requests in a minute from this client.'),
  '503': apiError('SEARCH_UNAVAILABLE or SEARCH_TIMEOUT: Meilisearch cannot be reached or did not answer in time.'),
};
const NOT_MODIFIED = { description: 'Not Modified: the If-None-Match tag is still the answer (no body).' };

const meiliError = (description: string) => json(ref('MeiliError'), description);
const MEILI_ERRORS = {
  '400': meiliError(
    "A bad request, with Meilisearch's code (invalid_search_limit, invalid_search_filter, bad_request, …).",
  ),
  '401': meiliError('missing_authorization_header: IZDE_PUBLIC_KEY is set and no bearer key was sent.'),
  '403': meiliError('invalid_api_key: the bearer key is not IZDE_PUBLIC_KEY.'),
  '404': meiliError('index_not_found: the index uid is not INDEX_NAME.'),
  '429': meiliError('too_many_requests: over the rate limit shared with /api.'),
  '503': meiliError('search_unavailable: Meilisearch cannot be reached.'),
};
const INDEX_UID: OpenApiParameter = {
  name: 'uid',
  in: 'path',
  description: 'The index: INDEX_NAME (default `articles`).',
  required: true,
  schema: { type: 'string', example: 'articles' },
};

/** GET search parameters: the POST body's fields, lists written comma-separated. */
function meiliQueryParameters(): OpenApiParameter[] {
  return Object.entries(searchSchema.shape).map(([name, field]) => {
    const schema = jsonSchemaOf(field, 'input');
    const list =
      schema.type === 'array' || (Array.isArray(schema.anyOf) && schema.anyOf.some((s) => s?.type === 'array'));
    return {
      name,
      in: 'query',
      description: `As \`${name}\` of the POST body${list ? ' (a list: comma-separated)' : ''}.`,
      required: false,
      schema,
      ...(list ? { style: 'form' as const, explode: false } : {}),
    };
  });
}

const requestSchemas = z.registry<{ id: string; description?: string }>();
requestSchemas.add(searchSchema, { id: 'MeiliSearchRequest', description: "Meilisearch 1.21's search parameters." });
requestSchemas.add(facetSearchSchema, { id: 'MeiliFacetSearchRequest' });
requestSchemas.add(
  z.strictObject({
    queries: z
      .array(multiSearchQuerySchema)
      .max(MAX_MULTI_SEARCH_QUERIES, `izde answers at most ${MAX_MULTI_SEARCH_QUERIES} queries at once`),
    federation: federationSchema.nullable().optional(),
  }),
  { id: 'MeiliMultiSearchRequest', description: 'With `federation`, the queries are merged into one list.' },
);

function componentSchemas(): Record<string, JsonSchema> {
  const uri = (id: string) => `#/components/schemas/${id}`;
  const strip = (all: Record<string, JsonSchema>) =>
    Object.fromEntries(Object.entries(all).map(([id, { $schema: _, $id: __, ...s }]) => [id, s]));
  const options = { target: 'draft-2020-12', uri, override: dropSafeIntegerBounds } as const;
  const answers = z.toJSONSchema(components, { ...options, io: 'output' }).schemas;
  const requests = z.toJSONSchema(requestSchemas, { ...options, io: 'input' }).schemas;
  return { ...strip(answers as Record<string, JsonSchema>), ...strip(requests as Record<string, JsonSchema>) };
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

let built: Record<string, unknown> | undefined;

/** The document (built once: it depends on the code only). */
export function openApiDocument(): Record<string, unknown> {
  built ??= {
    openapi: '3.1.1',
    info: {
      title: 'izde',
      version: packageVersion(),
      summary: 'Full-text search for Kazakh and Russian news on Meilisearch.',
      description:
        'All answers are JSON in UTF-8. Errors of /api/* are `{"error":{"code","message"}}` (also for requests ' +
        "Node's HTTP parser refuses: 431 HEADERS_TOO_LARGE, 413 PAYLOAD_TOO_LARGE, 408 REQUEST_TIMEOUT, 400 " +
        "BAD_REQUEST); errors of /meili/* are Meilisearch's `{message, code, type, link}`. Never a stack trace. " +
        'The reference in prose, with limits and examples: docs/api.md.',
    },
    tags: [
      { name: 'search', description: "izde's own API (/api)." },
      { name: 'meili', description: 'The Meilisearch-compatible, read-only API (/meili), for Meilisearch clients.' },
    ],
    paths: {
      '/api/search': {
        get: {
          tags: ['search'],
          operationId: 'search',
          summary: 'Search articles, with disjunctive facet counts',
          parameters: [...queryParameters(searchParamsSchema, SEARCH_DOCS), IF_NONE_MATCH],
          responses: {
            '200': json(ref('SearchResponse'), 'The page of hits, with facets.', { ...CACHE_HEADERS, ...RATE_HEADERS }),
            '304': NOT_MODIFIED,
            ...API_ERRORS,
          },
        },
      },
      '/api/suggest': {
        get: {
          tags: ['search'],
          operationId: 'suggest',
          summary: 'Completions for the search box: words, organizations, places, persons, titles',
          parameters: [...queryParameters(suggestParamsSchema, SUGGEST_DOCS), IF_NONE_MATCH],
          responses: {
            '200': json(ref('SuggestResponse'), 'Suggestions, in the script typed.', CACHE_HEADERS),
            '304': NOT_MODIFIED,
            ...API_ERRORS,
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          tags: ['search'],
          operationId: 'article',
          summary: 'One whole article',
          parameters: [
            {
              name: 'id',
              in: 'path',
              description: "The record's own id, URL-encoded.",
              required: true,
              schema: { type: 'string' },
            },
            ...queryParameters(articleParamsSchema, ARTICLE_DOCS),
            IF_NONE_MATCH,
          ],
          responses: {
            '200': json(ref('Article'), 'The article.', CACHE_HEADERS),
            '304': NOT_MODIFIED,
            '404': apiError('NOT_FOUND: no article with this id.'),
            ...API_ERRORS,
          },
        },
      },
      '/api/health': {
        get: {
          tags: ['search'],
          operationId: 'health',
          summary: 'Whether search works, and how many articles the index holds',
          responses: {
            '200': json(ref('Health'), 'Meilisearch answers.'),
            '503': json(ref('Health'), 'Meilisearch cannot be reached (`status: unavailable`, with an `error`).'),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          tags: ['search'],
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': json({ type: 'object' }, 'The OpenAPI 3.1 document.') },
        },
      },
      '/meili/indexes/{uid}/search': {
        get: {
          tags: ['meili'],
          operationId: 'meiliSearchGet',
          summary: 'Search, parameters in the query string',
          security: [{}, { publicKey: [] }],
          parameters: [INDEX_UID, ...meiliQueryParameters()],
          responses: { '200': json(ref('MeiliSearchResponse'), 'As Meilisearch answers.'), ...MEILI_ERRORS },
        },
        post: {
          tags: ['meili'],
          operationId: 'meiliSearch',
          summary: 'Search',
          security: [{}, { publicKey: [] }],
          parameters: [INDEX_UID],
          requestBody: { required: true, content: { 'application/json': { schema: ref('MeiliSearchRequest') } } },
          responses: { '200': json(ref('MeiliSearchResponse'), 'As Meilisearch answers.'), ...MEILI_ERRORS },
        },
      },
      '/meili/indexes/{uid}/facet-search': {
        post: {
          tags: ['meili'],
          operationId: 'meiliFacetSearch',
          summary: 'Values of one facet matching a facet query, with counts',
          security: [{}, { publicKey: [] }],
          parameters: [INDEX_UID],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('MeiliFacetSearchRequest') } },
          },
          responses: { '200': json(ref('MeiliFacetSearchResponse'), 'As Meilisearch answers.'), ...MEILI_ERRORS },
        },
      },
      '/meili/multi-search': {
        post: {
          tags: ['meili'],
          operationId: 'meiliMultiSearch',
          summary: 'Several searches at once, or one federated (merged) search',
          security: [{}, { publicKey: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('MeiliMultiSearchRequest') } },
          },
          responses: { '200': json(ref('MeiliMultiSearchResponse'), 'As Meilisearch answers.'), ...MEILI_ERRORS },
        },
      },
      '/meili/health': {
        get: {
          tags: ['meili'],
          operationId: 'meiliHealth',
          summary: 'Whether search works (needs no key)',
          responses: {
            '200': json(
              { type: 'object', properties: { status: { const: 'available' } }, required: ['status'] },
              'Meilisearch answers.',
            ),
            '503': meiliError('search_unavailable'),
          },
        },
      },
      '/meili/version': {
        get: {
          tags: ['meili'],
          operationId: 'meiliVersion',
          summary: 'The Meilisearch API level spoken (1.21.0)',
          security: [{}, { publicKey: [] }],
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  commitSha: { type: 'string' },
                  commitDate: { type: 'string' },
                  pkgVersion: { type: 'string' },
                },
                required: ['commitSha', 'commitDate', 'pkgVersion'],
              },
              'The version.',
            ),
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        publicKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'IZDE_PUBLIC_KEY, when set: required on /meili (but /meili/health). A gate, not a secret.',
        },
      },
    },
  };
  return built;
}
