import { documentKey } from '../../engine/index.js';
import { quote } from './filters.js';

/**
 * A filter as a tree over the public fields: what a client may ask (Meilisearch's filter language, parsed by
 * server/meili/filter.ts) and the only form a filter from outside reaches the search service in. The service prints
 * it to Meilisearch's syntax itself, every value quoted, so no text a client wrote is ever passed through.
 */
export const FILTER_FIELDS = ['id', 'year', 'org', 'lang', 'source'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type FilterExpr =
  | { kind: 'and'; items: FilterExpr[] }
  | { kind: 'or'; items: FilterExpr[] }
  | { kind: 'not'; item: FilterExpr }
  | { kind: 'compare'; field: FilterField; op: CompareOp; value: string }
  | { kind: 'range'; field: FilterField; from: string; to: string }
  | { kind: 'in'; field: FilterField; values: string[] }
  | { kind: 'exists'; field: FilterField }
  | { kind: 'null'; field: FilterField }
  | { kind: 'empty'; field: FilterField }
  | { kind: 'startsWith'; field: FilterField; value: string };

/** Operators `id` supports: it is stored as a derived key, so only equality questions can be asked of it. */
export const ID_KINDS: ReadonlySet<FilterExpr['kind']> = new Set(['compare', 'in', 'exists']);
export const ID_OPS: ReadonlySet<CompareOp> = new Set(['=', '!=']);

/** The engine's field and value for a public field's value (`id` is stored as its document key). */
function engineField(field: FilterField): string {
  return field === 'id' ? 'key' : field;
}
function engineValue(field: FilterField, value: string): string {
  return quote(field === 'id' ? documentKey(value) : value);
}

/**
 * Meilisearch filter syntax for the tree: every value a quoted string (Meilisearch reads numbers inside quotes as
 * numbers too), every group parenthesized, so the printed text means exactly the tree.
 */
export function printFilter(expr: FilterExpr): string {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.items.map((e) => `(${printFilter(e)})`).join(expr.kind === 'and' ? ' AND ' : ' OR ');
    case 'not':
      return `NOT (${printFilter(expr.item)})`;
    case 'compare':
      return `${engineField(expr.field)} ${expr.op} ${engineValue(expr.field, expr.value)}`;
    case 'range':
      return `${engineField(expr.field)} ${quote(expr.from)} TO ${quote(expr.to)}`;
    case 'in':
      return `${engineField(expr.field)} IN [${expr.values.map((v) => engineValue(expr.field, v)).join(', ')}]`;
    case 'exists':
      return `${engineField(expr.field)} EXISTS`;
    case 'null':
      return `${engineField(expr.field)} IS NULL`;
    case 'empty':
      return `${engineField(expr.field)} IS EMPTY`;
    case 'startsWith':
      return `${engineField(expr.field)} STARTS WITH ${quote(expr.value)}`;
  }
}

/** Conjunction of filters, dropping the absent ones (null when none is left). */
export function allOf(...filters: (FilterExpr | null | undefined)[]): FilterExpr | null {
  const present = filters.filter((f): f is FilterExpr => f != null);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0] ?? null;
  return { kind: 'and', items: present };
}
