import { z } from 'zod';
import {
  DEFAULT_PAGE_SIZE,
  MAX_FACET_VALUE_CHARS,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MAX_QUERY_CHARS,
  SORTS,
} from '../common/api-limits.js';
import { badParameter } from './errors.js';
import { alternativesParam } from './search/alternatives.js';
import { scriptParam } from './search/display-script.js';
import { checkSpanOrder, yearSpanParams, yearValue } from './search/year-span.js';

export { SORTS, type SortOrder } from '../common/api-limits.js';

/** A parameter that may be repeated (?year=2023&year=2024) or given once. */
const repeatable = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const single = (name: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .refine((v) => !Array.isArray(v), `\`${name}\` must be given at most once`)
    .transform((v) => v as string | undefined);

const facetValue = z.string().trim().min(1, 'empty facet value').max(MAX_FACET_VALUE_CHARS, 'facet value too long');

const searchFields = z.object({
  q: single('q')
    .pipe(z.string().max(MAX_QUERY_CHARS, `\`q\` is longer than ${MAX_QUERY_CHARS} characters`).optional())
    .transform((v) => v ?? ''),
  year: repeatable(yearValue),
  ...yearSpanParams,
  org: repeatable(facetValue),
  lang: repeatable(facetValue),
  source: repeatable(facetValue),
  page: single('page')
    .pipe(
      z
        .string()
        .regex(/^\d+$/, '`page` must be a whole number from 1')
        .transform(Number)
        .pipe(z.number().int().min(1, '`page` starts at 1').max(MAX_PAGE, '`page` is too large'))
        .optional(),
    )
    .transform((v) => v ?? 1),
  limit: single('limit')
    .pipe(
      z
        .string()
        .regex(/^\d+$/, `\`limit\` must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(1, `\`limit\` must be 1..${MAX_PAGE_SIZE}`)
            .max(MAX_PAGE_SIZE, `\`limit\` must be 1..${MAX_PAGE_SIZE}`),
        )
        .optional(),
    )
    .transform((v) => v ?? DEFAULT_PAGE_SIZE),
  /** `correct=0`: search the query exactly as typed, without the wrong-keyboard-layout correction. */
  correct: single('correct')
    .pipe(z.enum(['0', '1', 'false', 'true'], { message: '`correct` must be 0 or 1' }).optional())
    .transform((v) => v !== '0' && v !== 'false'),
  sort: single('sort')
    .pipe(z.enum(SORTS, { message: `\`sort\` must be one of ${SORTS.join(', ')}` }).optional())
    .transform((v) => v ?? 'relevance'),
  /** Kazakh text of the hits shown in this script (absent: as written). */
  script: scriptParam,
  /** `alternatives=0`: no offers when nothing matches (default 1). */
  alternatives: alternativesParam,
});
export const searchParamsSchema = searchFields.superRefine(checkSpanOrder);

export type SearchParams = z.output<typeof searchParamsSchema>;

export const suggestParamsSchema = z.object({
  q: single('q')
    .pipe(z.string().max(100, '`q` is longer than 100 characters').optional())
    .transform((v) => v ?? ''),
  limit: single('limit')
    .pipe(
      z
        .string()
        .regex(/^\d+$/, '`limit` must be a whole number from 1 to 20')
        .transform(Number)
        .pipe(z.number().int().min(1).max(20, '`limit` must be 1..20'))
        .optional(),
    )
    .transform((v) => v ?? 8),
});
export type SuggestParams = z.output<typeof suggestParamsSchema>;

export const articleParamsSchema = z.object({ script: scriptParam });

/** Parses query parameters; the first problem becomes a 400 with a message a person can act on. */
export function parseParams<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const top = parsed.error.issues[0];
  // A repeatable parameter is "one value or a list": say what was wrong with the value, not "Invalid input".
  const issue = top?.code === 'invalid_union' ? (top.errors[0]?.[0] ?? top) : top;
  const field = issue?.path[0] ?? top?.path[0];
  let message = issue?.message ?? 'bad parameters';
  if (field !== undefined && !message.includes('`')) message = `\`${String(field)}\`: ${message}`;
  throw badParameter(message);
}
