/**
 * fast-check generators over the filter grammar, for the parser's laws and the engine's differential test: filter
 * trees over given fields and values (quotes, backslashes, keywords, Cyrillic included), and the many ways a client
 * may write one tree as text (bare or quoted words, either quote, spacing, the NOT forms).
 */
import fc from 'fast-check';
import type { CompareOp, FilterExpr, FilterField } from '../search/filter-expr.js';
import { KEYWORDS } from './filter.js';

const NASTY_VALUES = [
  '',
  'AND',
  'OR',
  'NOT',
  'TO',
  'x" OR year = 2024 OR source = "y',
  "it's",
  'a\\b',
  '\\',
  '"',
  'ШЫҰ',
];

export interface FilterArbOptions {
  fields: readonly FilterField[];
  /** Values to draw from besides random strings. */
  values?: readonly string[];
  /** Each field's own values (the corpus's, so filters select something). */
  valuesByField?: Partial<Record<FilterField, readonly string[]>>;
  /** Random strings too (never matching anything, but exercising quoting). */
  randomValues?: boolean;
  maxDepth?: number;
}

export function filterArb(options: FilterArbOptions): fc.Arbitrary<FilterExpr> {
  const valueFor = (f: FilterField) => {
    const own = options.valuesByField?.[f] ?? [];
    const pool = [
      ...own,
      ...(options.values ?? ['2019', '2024', 'SCO', 'kk', 'ru', 'kk-Latn', 'fixture.ru']),
      ...NASTY_VALUES,
    ];
    const drawn = own.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...pool) })
      : fc.constantFrom(...pool);
    return options.randomValues === false
      ? drawn
      : fc.oneof({ weight: 4, arbitrary: drawn }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
  };
  const op = fc.constantFrom<CompareOp>('=', '!=', '>', '>=', '<', '<=');
  const leafOf = (field: FilterField): fc.Arbitrary<FilterExpr> => {
    const value = valueFor(field);
    return fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({ kind: fc.constant('compare' as const), field: fc.constant(field), op, value }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('range' as const),
          field: fc.constant(field),
          from: value,
          to: value,
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('in' as const),
          field: fc.constant(field),
          values: fc.array(value, { maxLength: 3 }),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'exists' as const, field }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'null' as const, field }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const, field }) },
      {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant('startsWith' as const), field: fc.constant(field), value }),
      },
    );
  };
  const leaf = fc.constantFrom(...options.fields).chain(leafOf);
  const { tree } = fc.letrec<{ tree: FilterExpr }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth: options.maxDepth ?? 3, withCrossShrink: true },
      { weight: 4, arbitrary: leaf },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('not' as const), item: tie('tree') }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('and' as const),
          items: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('or' as const),
          items: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
        }),
      },
    ),
  }));
  return tree;
}

/** The tree the parser gives back: `NOT NOT x` is `x`. */
export function withoutDoubleNegation(expr: FilterExpr): FilterExpr {
  switch (expr.kind) {
    case 'not': {
      const inner = withoutDoubleNegation(expr.item);
      return inner.kind === 'not' ? inner.item : { kind: 'not', item: inner };
    }
    case 'and':
    case 'or':
      return { kind: expr.kind, items: expr.items.map(withoutDoubleNegation) };
    default:
      return expr;
  }
}

const bareOk = (v: string) => /^[\p{L}\p{N}_.-]+$/u.test(v) && !KEYWORDS.has(v) && !v.startsWith('_geo');

/** One way of writing a value: bare when it can be, else in either quote with backslash escapes. */
function valueText(v: string): fc.Arbitrary<string> {
  const quoted = (q: string) => `${q}${v.replace(/\\/g, '\\\\').replaceAll(q, `\\${q}`)}${q}`;
  const forms = [quoted('"'), quoted("'")];
  if (bareOk(v)) forms.push(v);
  return fc.constantFrom(...forms);
}

const space = fc.constantFrom(' ', '  ', '\t');
const maybeSpace = fc.constantFrom('', ' ');

/** Text a client might write for the tree: the parser must read it back as the same tree. */
export function userText(expr: FilterExpr): fc.Arbitrary<string> {
  const field = (f: string) => fc.constantFrom(f, `"${f}"`);
  const group = (e: FilterExpr) =>
    userText(e).map((t) => (e.kind === 'and' || e.kind === 'or' || e.kind === 'not' ? `(${t})` : t));
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const word = expr.kind === 'and' ? 'AND' : 'OR';
      return fc
        .tuple(...expr.items.map(group), space)
        .map((parts) => parts.slice(0, -1).join(`${parts[parts.length - 1]}${word} `));
    }
    case 'not': {
      const item = expr.item;
      const generic = group(item).map((t) => `NOT ${t}`);
      if (item.kind === 'in')
        return fc.oneof(
          generic,
          fc.tuple(field(item.field), userListText(item.values)).map(([f, l]) => `${f} NOT IN ${l}`),
        );
      if (item.kind === 'exists')
        return fc.oneof(
          generic,
          field(item.field).map((f) => `${f} NOT EXISTS`),
        );
      if (item.kind === 'null')
        return fc.oneof(
          generic,
          field(item.field).map((f) => `${f} IS NOT NULL`),
        );
      if (item.kind === 'empty')
        return fc.oneof(
          generic,
          field(item.field).map((f) => `${f} IS NOT EMPTY`),
        );
      if (item.kind === 'startsWith')
        return fc.oneof(
          generic,
          fc.tuple(field(item.field), valueText(item.value)).map(([f, v]) => `${f} NOT STARTS WITH ${v}`),
        );
      return generic;
    }
    case 'compare':
      return fc
        .tuple(field(expr.field), maybeSpace, valueText(expr.value), maybeSpace)
        .map(([f, s1, v, s2]) => `${f}${s1}${expr.op}${s2}${v}`);
    case 'range':
      return fc
        .tuple(field(expr.field), valueText(expr.from), valueText(expr.to))
        .map(([f, a, b]) => `${f} ${a} TO ${b}`);
    case 'in':
      return fc.tuple(field(expr.field), userListText(expr.values)).map(([f, l]) => `${f} IN ${l}`);
    case 'exists':
      return field(expr.field).map((f) => `${f} EXISTS`);
    case 'null':
      return field(expr.field).map((f) => `${f} IS NULL`);
    case 'empty':
      return field(expr.field).map((f) => `${f} IS EMPTY`);
    case 'startsWith':
      return fc.tuple(field(expr.field), valueText(expr.value)).map(([f, v]) => `${f} STARTS WITH ${v}`);
  }
}

function userListText(values: readonly string[]): fc.Arbitrary<string> {
  if (values.length === 0) return fc.constantFrom('[]', '[ ]');
  return fc
    .tuple(fc.tuple(...values.map(valueText)), fc.constantFrom(',', ', ', ' ,'), fc.boolean())
    .map(([vs, sep, trailing]) => `[${vs.join(sep)}${trailing ? ',' : ''}]`);
}
