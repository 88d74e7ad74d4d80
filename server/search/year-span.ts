/**
 * The year facet as a histogram needs three things the plain facet lacks: a span of years (`year_from`/`year_to`,
 * inclusive, ANDed with the other filters), the articles without a year (`year=none`), and a count of those
 * (Meilisearch's facet distribution leaves out documents whose value is null). This module parses the span,
 * turns year selections into filter clauses, and derives the no-year count.
 */
import { z } from 'zod';

/** `year=none`: the articles without a year. */
export const NO_YEAR = 'none';
export type YearValue = number | typeof NO_YEAR;

export interface YearSpan {
  from?: number | undefined;
  to?: number | undefined;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** One year parameter of the span: four digits, given at most once; absent → undefined. */
const spanEnd = (name: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .refine((v) => !Array.isArray(v), `\`${name}\` must be given at most once`)
    .transform((v) => v as string | undefined)
    .pipe(
      z
        .string()
        .regex(/^\d{4}$/, `\`${name}\` must be a four-digit year`)
        .transform(Number)
        .pipe(z.number().int().min(MIN_YEAR).max(MAX_YEAR))
        .optional(),
    );

/** The zod fields of the span, spread into the search parameters' object. */
export const yearSpanParams = {
  year_from: spanEnd('year_from'),
  year_to: spanEnd('year_to'),
};

/** `year`: four digits or `none`, repeatable (OR). */
export const yearValue = z
  .string()
  .regex(/^(?:\d{4}|none)$/, '`year` must be a four-digit year or `none`')
  .transform((v): YearValue => (v === NO_YEAR ? NO_YEAR : Number(v)));

/** Zod check: a span must not end before it starts. */
export function checkSpanOrder(
  value: { year_from?: number | undefined; year_to?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.year_from !== undefined && value.year_to !== undefined && value.year_from > value.year_to)
    ctx.addIssue({
      code: 'custom',
      path: ['year_from'],
      message: `\`year_from\` (${value.year_from}) is after \`year_to\` (${value.year_to})`,
    });
}

export const hasSpan = (span: YearSpan | undefined): boolean => span?.from !== undefined || span?.to !== undefined;

/**
 * Filter clauses (Meilisearch's array form: each inner array is an OR group, the groups are ANDed) for the year
 * values and the span. `none` matches documents whose year is null or missing.
 */
export function yearClauses(values: ReadonlyArray<string | number>, span: YearSpan | undefined): string[][] {
  const out: string[][] = [];
  if (values.length > 0)
    out.push(values.flatMap((v) => (v === NO_YEAR ? ['year IS NULL', 'year NOT EXISTS'] : [`year = ${Number(v)}`])));
  if (span?.from !== undefined && span.to !== undefined) out.push([`year ${span.from} TO ${span.to}`]);
  else if (span?.from !== undefined) out.push([`year >= ${span.from}`]);
  else if (span?.to !== undefined) out.push([`year <= ${span.to}`]);
  return out;
}

/**
 * Matching articles without a year: every article has at most one year, so they are the total of the request
 * that counted the years minus the sum of those counts.
 */
export function countWithoutYear(total: number, yearCounts: Record<string, number> | undefined): number {
  let withYear = 0;
  for (const n of Object.values(yearCounts ?? {})) withYear += n;
  return Math.max(0, total - withYear);
}
