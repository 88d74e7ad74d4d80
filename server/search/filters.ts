import { FACETS, type Facet } from '../../engine/index.js';
import { hasSpan, type YearSpan, yearClauses } from './year-span.js';

/** Selected facet values, and the span of years (year_from/year_to), which belongs to the year facet. */
export type Selections = Record<Facet, ReadonlyArray<string | number>> & { yearSpan?: YearSpan };

/** A Meilisearch filter string literal: values are user input, so quotes and backslashes are escaped. */
export function quote(value: string | number): string {
  return typeof value === 'number' ? String(value) : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The filter for the given selections: OR within a facet, AND across facets (Meilisearch's array form: the outer
 * array is AND, an inner array is OR). `except` leaves one facet out, for its disjunctive counts.
 */
export function buildFilter(selections: Selections, except?: Facet): string[][] {
  const filter: string[][] = [];
  for (const facet of FACETS) {
    if (facet === except) continue;
    if (facet === 'year') {
      filter.push(...yearClauses(selections.year, selections.yearSpan));
      continue;
    }
    const values = selections[facet];
    if (values.length > 0) filter.push(values.map((v) => `${facet} = ${quote(v)}`));
  }
  return filter;
}

/** Facets that have a selection: each needs its own request so its counts ignore its own selection. */
export function selectedFacets(selections: Selections): Facet[] {
  return FACETS.filter((f) => selections[f].length > 0 || (f === 'year' && hasSpan(selections.yearSpan)));
}
