import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTER_FIELDS, type FilterExpr, printFilter } from '../search/filter-expr.js';
import { FilterError, parseFilter, parseFilterString } from './filter.js';
import { filterArb, userText, withoutDoubleNegation } from './filter-testing.js';

const cmp = (field: string, op: string, value: string) => ({ kind: 'compare', field, op, value });

describe('parseFilterString', () => {
  it.each<[string, unknown]>([
    ['year = 2024', cmp('year', '=', '2024')],
    ['year=2024', cmp('year', '=', '2024')],
    ['"year">=2019', cmp('year', '>=', '2019')],
    ['"org"="SCO"', cmp('org', '=', 'SCO')],
    ["lang != 'kk-Latn'", cmp('lang', '!=', 'kk-Latn')],
    ['source = "a \\"quoted\\" \\\\ name"', cmp('source', '=', 'a "quoted" \\ name')],
    ["source = 'it\\'s'", cmp('source', '=', "it's")],
    ['source = "\\u{41}\\u0042\\n"', cmp('source', '=', 'AB\n')],
    ['year 2019 TO 2024', { kind: 'range', field: 'year', from: '2019', to: '2024' }],
    ['org IN [SCO, "UN", ]', { kind: 'in', field: 'org', values: ['SCO', 'UN'] }],
    ['org NOT IN [SCO]', { kind: 'not', item: { kind: 'in', field: 'org', values: ['SCO'] } }],
    ['org IN []', { kind: 'in', field: 'org', values: [] }],
    ['source EXISTS', { kind: 'exists', field: 'source' }],
    ['source NOT EXISTS', { kind: 'not', item: { kind: 'exists', field: 'source' } }],
    ['source IS NULL', { kind: 'null', field: 'source' }],
    ['source IS NOT NULL', { kind: 'not', item: { kind: 'null', field: 'source' } }],
    ['org IS EMPTY', { kind: 'empty', field: 'org' }],
    ['org IS NOT EMPTY', { kind: 'not', item: { kind: 'empty', field: 'org' } }],
    ['source STARTS WITH egemen', { kind: 'startsWith', field: 'source', value: 'egemen' }],
    ['NOT NOT year = 2019', cmp('year', '=', '2019')],
    ['id = "fx/ru/nato"', cmp('id', '=', 'fx/ru/nato')],
    ['lang = Қазақ', cmp('lang', '=', 'Қазақ')],
    [
      'year = 2019 OR year = 2025 AND lang = kk',
      {
        kind: 'or',
        items: [cmp('year', '=', '2019'), { kind: 'and', items: [cmp('year', '=', '2025'), cmp('lang', '=', 'kk')] }],
      },
    ],
    [
      '(year = 2019 OR year = 2025) AND NOT lang = kk',
      {
        kind: 'and',
        items: [
          { kind: 'or', items: [cmp('year', '=', '2019'), cmp('year', '=', '2025')] },
          { kind: 'not', item: cmp('lang', '=', 'kk') },
        ],
      },
    ],
    ['   ', null],
  ])('%s', (text, expected) => {
    expect(parseFilterString(text)).toEqual(expected);
  });

  it.each([
    ['bogus = 1', /Attribute `bogus` is not filterable/],
    ['title = x', /Attribute `title` is not filterable/],
    ['title_x = x', /not filterable/],
    ['key = x', /not filterable/],
    ['year = ', /Was expecting a value but instead got nothing/],
    ['year', /Was expecting an operation/],
    ['year = 2024 and org = SCO', /unexpected characters at the end of the filter: `and org = SCO`/],
    ['lang = AND', /reserved keyword/],
    ['lang = kk OR', /Was expecting a value/],
    ['lang = kk)', /unexpected characters/],
    ['((lang = kk)', /missing the following closing delimiter: `\)`/],
    ['lang = "unterminated', /missing the following closing delimiter: `"`/],
    ['year IN 2019', /Expected `\[` after `IN` keyword/],
    ['year IN [2019', /Expected matching `\]`/],
    ['org CONTAINS S', /CONTAINS/],
    ['_geoRadius(1, 2, 3)', /geographic/],
    ['id > "a"', /`id` can be filtered with/],
    ['id IS NULL', /`id` can be filtered with/],
    ['source = "\\q"', /escape sequence/],
    ['lang = a:b', /unexpected characters/],
    [`${'('.repeat(300)}year = 1${')'.repeat(300)}`, /maximum depth/],
  ])('%s is refused: %s', (text, message) => {
    expect(() => parseFilterString(text)).toThrow(FilterError);
    expect(() => parseFilterString(text)).toThrow(message);
  });

  it('says where the problem is, as Meilisearch does', () => {
    expect(() => parseFilterString('bogus = 1')).toThrow(/\n1:6 bogus = 1$/);
  });
});

describe('parseFilter (the array form)', () => {
  it.each<[unknown, unknown]>([
    [undefined, null],
    [[], null],
    [[[]], null],
    [['year = 2024'], cmp('year', '=', '2024')],
    [
      ['year = 2024', ['org = SCO', 'org = UN']],
      {
        kind: 'and',
        items: [cmp('year', '=', '2024'), { kind: 'or', items: [cmp('org', '=', 'SCO'), cmp('org', '=', 'UN')] }],
      },
    ],
    [['', ['  ']], null],
  ])('%j', (filter, expected) => {
    expect(parseFilter(filter)).toEqual(expected);
  });

  it.each<[unknown]>([[5], [{ year: 2024 }], [[['year = 2024', ['org = SCO']]]], [[5]], [[true]]])(
    '%j is refused',
    (f) => {
      expect(() => parseFilter(f)).toThrow(FilterError);
    },
  );
});

describe('laws', () => {
  /** Fields as clients name them: the printer maps `id` to the engine's key, so the round trip leaves it out. */
  const publicOnly = filterArb({ fields: FILTER_FIELDS.filter((f) => f !== 'id') });

  it('what the service prints parses back to the same tree: no value can break out of its quotes', () => {
    fc.assert(
      fc.property(publicOnly, (expr) => {
        expect(parseFilterString(printFilter(expr))).toEqual(withoutDoubleNegation(expr));
      }),
      { numRuns: 500 },
    );
  });

  it('a filter written any way a client may write it parses to its tree', () => {
    fc.assert(
      fc.property(
        publicOnly.chain((expr) => fc.tuple(fc.constant(expr), userText(expr))),
        ([expr, text]) => {
          expect(parseFilterString(text)).toEqual(withoutDoubleNegation(expr));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any text either is refused with a FilterError or becomes a tree over the filterable fields only', () => {
    const pieces = fc.constantFrom(
      'year',
      'org',
      'lang',
      'title',
      'title_x',
      ' = ',
      '!=',
      '>',
      ' TO ',
      ' IN [',
      ']',
      ',',
      ' AND ',
      ' OR ',
      'NOT ',
      '(',
      ')',
      '"',
      "'",
      '\\',
      ' EXISTS',
      ' IS NULL',
      '2024',
      'SCO',
      '_geoRadius(1,2,3)',
      ' ',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(pieces, { maxLength: 14 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        let expr: FilterExpr | null;
        try {
          expr = parseFilterString(t);
        } catch (err) {
          expect(err).toBeInstanceOf(FilterError);
          return;
        }
        if (expr === null) return;
        const fields: string[] = JSON.stringify(expr).match(/"field":"[^"]*"/g) ?? [];
        for (const f of fields) expect(FILTER_FIELDS).toContain(f.slice(9, -1));
        // What reaches the engine is the printed tree, and it means the same tree (`id` is printed as the engine's key).
        if (!fields.includes('"field":"id"')) expect(parseFilterString(printFilter(expr))).toEqual(expr);
      }),
      { numRuns: 2000 },
    );
  });
});
