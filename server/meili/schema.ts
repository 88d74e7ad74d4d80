/**
 * Requests of the Meilisearch-compatible API, validated with zod in Meilisearch 1.21's shapes (the `meilisearch` JS
 * client's SearchParams, MultiSearchParams, SearchForFacetValuesParams). Errors carry Meilisearch's codes
 * (`invalid_search_limit`, `bad_request` for an unknown field, …) and its wording ("Invalid value type at `.q`: …").
 * Parameters izde cannot honor (vectors, distinct, …) are refused with a clear message rather than ignored.
 */
import { z } from 'zod';
import { MAX_QUERY_CHARS } from '../../common/api-limits.js';
import { MeiliError } from './errors.js';

/** Most hits one query answers (limit, hitsPerPage): each hit is highlighted on its original text. */
export const MAX_HITS = 200;

const count = z.number().int().min(0);
const stringList = z.array(z.string().max(200)).max(50);
const tag = z.string().max(200);

const searchShape = {
  q: z.string().max(MAX_QUERY_CHARS, `\`q\` is longer than ${MAX_QUERY_CHARS} characters`).nullable(),
  offset: count,
  limit: count.max(MAX_HITS, `izde answers at most ${MAX_HITS} hits per query`),
  page: count,
  hitsPerPage: count.max(MAX_HITS, `izde answers at most ${MAX_HITS} hits per page`),
  attributesToRetrieve: stringList.nullable(),
  attributesToCrop: stringList.nullable(),
  cropLength: count.max(1000),
  cropMarker: tag,
  attributesToHighlight: stringList.nullable(),
  highlightPreTag: tag,
  highlightPostTag: tag,
  showMatchesPosition: z.boolean(),
  showRankingScore: z.boolean(),
  showRankingScoreDetails: z.unknown(),
  showPerformanceDetails: z.unknown(),
  filter: z.unknown(),
  sort: stringList.nullable(),
  facets: stringList.nullable(),
  matchingStrategy: z.enum(['last', 'all', 'frequency']),
  attributesToSearchOn: stringList.nullable(),
  rankingScoreThreshold: z.number().min(0).max(1),
  locales: stringList,
  distinct: z.unknown(),
  retrieveVectors: z.unknown(),
  vector: z.unknown(),
  hybrid: z.unknown(),
  media: z.unknown(),
};

/** Parameters izde cannot honor: refused unless they ask for nothing (null, false, an empty value). */
const UNSUPPORTED: Record<string, string> = {
  showRankingScoreDetails: 'izde gives no ranking score details',
  showPerformanceDetails: 'izde gives no performance details',
  distinct: 'izde has no distinct attribute',
  retrieveVectors: 'izde has no vectors',
  vector: 'izde has no vectors',
  hybrid: 'izde has no embedders: hybrid search is not available',
  media: 'izde has no embedders',
};

/** Refuses the parameters izde cannot honor, with Meilisearch's code for each. */
export function rejectUnsupported(request: Record<string, unknown>, where = ''): void {
  for (const [name, reason] of Object.entries(UNSUPPORTED)) {
    const v = request[name];
    if (v === undefined || v === null || v === false || v === '') continue;
    throw new MeiliError(400, defaultCode(name), `Invalid value at \`${where}.${name}\`: ${reason}.`);
  }
}

export const searchSchema = z.strictObject(
  Object.fromEntries(Object.entries(searchShape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof searchShape]: z.ZodOptional<(typeof searchShape)[K]>;
  },
);
export type SearchRequest = z.output<typeof searchSchema>;

const federationOptions = z.strictObject({
  weight: z.number().min(0, 'the value of `weight` is invalid, expected a positive float (>= 0.0).').optional(),
  remote: z.null('izde has no remotes').optional(),
});

export const multiSearchQuerySchema = searchSchema.extend({
  indexUid: z.string(),
  federationOptions: federationOptions.optional(),
});
export type MultiSearchQuery = z.output<typeof multiSearchQuerySchema>;

export const federationSchema = z.strictObject({
  limit: count.max(MAX_HITS, `izde answers at most ${MAX_HITS} hits per query`).optional(),
  offset: count.optional(),
  facetsByIndex: z.record(z.string(), stringList.nullable()).optional(),
  mergeFacets: z.strictObject({ maxValuesPerFacet: count.optional() }).nullable().optional(),
  showPerformanceDetails: z.unknown().optional(),
});
export type Federation = z.output<typeof federationSchema>;

export const multiSearchSchema = z.strictObject({
  queries: z.array(z.unknown()).max(20, 'izde answers at most 20 queries at once'),
  federation: z.unknown().optional(),
});

/** Facet search ignores fields it does not know, as Meilisearch does (InstantSearch sends its search's). */
export const facetSearchSchema = z.object({
  facetName: z.string(),
  facetQuery: z.string().max(200).nullable().optional(),
  q: searchShape.q.optional(),
  filter: z.unknown().optional(),
  matchingStrategy: searchShape.matchingStrategy.optional(),
  attributesToSearchOn: searchShape.attributesToSearchOn.optional(),
  rankingScoreThreshold: searchShape.rankingScoreThreshold.optional(),
  locales: searchShape.locales.optional(),
  exhaustiveFacetCount: z.boolean().optional(),
});
export type FacetSearchRequest = z.output<typeof facetSearchSchema>;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Meilisearch's words for a JSON value: "a positive integer: `5`". */
function describeValue(v: unknown): string {
  const json = JSON.stringify(v) ?? String(v);
  const shown = json.length > 60 ? `${json.slice(0, 57)}...` : json;
  if (v === null) return '`null`';
  if (typeof v === 'string') return `a string: \`${shown}\``;
  if (typeof v === 'boolean') return `a boolean: \`${shown}\``;
  if (typeof v === 'number')
    return Number.isSafeInteger(v)
      ? `a ${v < 0 ? 'negative' : 'positive'} integer: \`${shown}\``
      : `a number: \`${shown}\``;
  if (Array.isArray(v)) return `an array: \`${shown}\``;
  return `an object: \`${shown}\``;
}

const at = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    value,
  );

const pathText = (path: readonly PropertyKey[]) =>
  path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');

export interface ParseContext {
  /** Where the object sits in the request (`.queries[2]`), for messages. */
  where?: string;
  /** Meilisearch's code prefix for this kind of request: `invalid_search`, `invalid_facet_search`, … */
  codePrefix?: (field: string) => string;
}

const defaultCode = (field: string) => `invalid_search_${snake(field)}`;

/** Fields Meilisearch reads as unsigned integers: a wrong value is "expected a positive integer" in its words. */
const COUNT_FIELDS = new Set(['offset', 'limit', 'page', 'hitsPerPage', 'cropLength', 'maxValuesPerFacet']);

/** Validates one object of the request; the first problem becomes Meilisearch's error for it. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, context: ParseContext = {}): z.output<S> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MeiliError(
      400,
      'bad_request',
      `Invalid value type${context.where ? ` at \`${context.where}\`` : ''}: expected an object, but found ${describeValue(value)}`,
    );
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new MeiliError(400, 'bad_request', 'Invalid request');
  const where = `${context.where ?? ''}${pathText(issue.path)}`;
  if (issue.code === 'unrecognized_keys') {
    const allowed = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
    const inside = where ? ` inside \`${where}\`` : '';
    throw new MeiliError(
      400,
      'bad_request',
      `Unknown field \`${issue.keys[0]}\`${inside}: expected one of ${allowed.map((k) => `\`${k}\``).join(', ')}`,
    );
  }
  const field = String(issue.path.findLast((k) => typeof k === 'string') ?? 'request');
  const code = (context.codePrefix ?? defaultCode)(field);
  const found = at(value, issue.path);
  if (issue.code === 'invalid_type' && found === undefined) {
    const parent = `${context.where ?? ''}${pathText(issue.path.slice(0, -1))}`;
    throw new MeiliError(
      400,
      code === 'bad_request' ? code : `missing_${code.replace(/^invalid_/, '')}`,
      `Missing field \`${field}\`${parent ? ` inside \`${parent}\`` : ''}`,
    );
  }
  const notCount = typeof found !== 'number' || found < 0 || !Number.isSafeInteger(found);
  if (COUNT_FIELDS.has(field) && notCount && issue.code !== 'too_big') {
    throw new MeiliError(
      400,
      code,
      `Invalid value type at \`${where}\`: expected a positive integer, but found ${describeValue(found)}`,
    );
  }
  if (issue.code === 'invalid_type') {
    throw new MeiliError(
      400,
      code,
      `Invalid value type at \`${where}\`: expected ${article(issue.expected)}, but found ${describeValue(found)}`,
    );
  }
  throw new MeiliError(400, code, `Invalid value at \`${where}\`: ${issue.message}`);
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a positive integer',
    boolean: 'a boolean',
    array: 'an array',
    object: 'an object',
    null: '`null`',
    record: 'an object',
  };
  return words[expected] ?? expected;
}

/** Parameter names of GET /indexes/:uid/search that hold comma-separated lists. */
const GET_LISTS = new Set([
  'attributesToRetrieve',
  'attributesToCrop',
  'attributesToHighlight',
  'facets',
  'sort',
  'attributesToSearchOn',
  'locales',
]);
const GET_COUNTS = new Set(['offset', 'limit', 'page', 'hitsPerPage', 'cropLength']);
const GET_BOOLEANS = new Set(['showMatchesPosition', 'showRankingScore', 'showRankingScoreDetails', 'retrieveVectors']);
const GET_STRINGS = new Set(['q', 'filter', 'cropMarker', 'highlightPreTag', 'highlightPostTag', 'matchingStrategy']);
const GET_FLOATS = new Set(['rankingScoreThreshold']);

/** GET search parameters → the POST body they stand for (then validated by searchSchema). */
export function searchFromQueryString(query: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    const known = GET_LISTS.has(name) || GET_COUNTS.has(name) || GET_BOOLEANS.has(name) || GET_STRINGS.has(name);
    if (!known && !GET_FLOATS.has(name)) {
      const all = [...GET_STRINGS, ...GET_COUNTS, ...GET_LISTS, ...GET_BOOLEANS, ...GET_FLOATS];
      throw new MeiliError(
        400,
        'bad_request',
        `Unknown parameter \`${name}\`: expected one of ${all.map((k) => `\`${k}\``).join(', ')}`,
      );
    }
    if (typeof raw !== 'string') {
      throw new MeiliError(400, defaultCode(name), `Invalid value in parameter \`${name}\`: given more than once`);
    }
    if (GET_LISTS.has(name))
      out[name] = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (GET_COUNTS.has(name)) {
      if (!/^\d+$/.test(raw)) {
        throw new MeiliError(
          400,
          defaultCode(name),
          `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a positive integer`,
        );
      }
      out[name] = Number(raw);
    } else if (GET_BOOLEANS.has(name)) {
      if (raw !== 'true' && raw !== 'false') {
        throw new MeiliError(
          400,
          defaultCode(name),
          `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a boolean, expected either \`true\` or \`false\``,
        );
      }
      out[name] = raw === 'true';
    } else if (GET_FLOATS.has(name)) {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) {
        throw new MeiliError(
          400,
          defaultCode(name),
          `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a number`,
        );
      }
      out[name] = n;
    } else out[name] = raw;
  }
  return out;
}
