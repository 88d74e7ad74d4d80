import { describe, expect, it } from 'vitest';
import { parseParams, searchParamsSchema } from '../params.js';
import { buildFilter, selectedFacets } from './filters.js';
import { countWithoutYear, yearClauses } from './year-span.js';

const none = { year: [], org: [], lang: [], source: [] };
const parse = (q: Record<string, unknown>) => parseParams(searchParamsSchema, q);

describe('year span parameters', () => {
  it('reads year_from, year_to and year=none', () => {
    const p = parse({ year_from: '2019', year_to: '2021', year: ['none', '2024'] });
    expect(p.year_from).toBe(2019);
    expect(p.year_to).toBe(2021);
    expect(p.year).toEqual(['none', 2024]);
  });

  it('leaves them out when absent (the old parameters mean what they meant)', () => {
    const p = parse({ year: '2023' });
    expect(p.year).toEqual([2023]);
    expect(p.year_from).toBeUndefined();
    expect(p.year_to).toBeUndefined();
  });

  it.each([
    [{ year_from: '19' }, /year_from.*four-digit/],
    [{ year_to: 'soon' }, /year_to.*four-digit/],
    [{ year_from: ['2019', '2020'] }, /year_from.*at most once/],
    [{ year_from: '2022', year_to: '2020' }, /year_from.*2022.*after.*year_to.*2020/],
    [{ year: 'never' }, /year.*none/],
  ])('rejects %j with a message naming the parameter', (query, message) => {
    expect(() => parse(query)).toThrow(message);
  });
});

describe('year filter clauses', () => {
  it.each([
    [[], {}, []],
    [[2023, 2024], {}, [['year = 2023', 'year = 2024']]],
    [['none'], {}, [['year IS NULL', 'year NOT EXISTS']]],
    [[2024, 'none'], {}, [['year = 2024', 'year IS NULL', 'year NOT EXISTS']]],
    [[], { from: 2019, to: 2021 }, [['year 2019 TO 2021']]],
    [[], { from: 2019 }, [['year >= 2019']]],
    [[], { to: 2021 }, [['year <= 2021']]],
    [[2020], { from: 2019, to: 2021 }, [['year = 2020'], ['year 2019 TO 2021']]],
  ] as const)('%j with span %j → %j', (values, span, expected) => {
    expect(yearClauses(values, span)).toEqual(expected);
  });

  it('a span makes the year facet selected, so its counts are asked for separately (disjunctive)', () => {
    const selections = { ...none, org: ['SCO'], yearSpan: { from: 2019, to: 2021 } };
    expect(selectedFacets(selections)).toEqual(['year', 'org']);
    expect(buildFilter(selections)).toEqual([['year 2019 TO 2021'], ['org = "SCO"']]);
    expect(buildFilter(selections, 'year')).toEqual([['org = "SCO"']]);
  });
});

describe('countWithoutYear', () => {
  it.each([
    [10, { '2020': 3, '2021': 5 }, 2],
    [8, { '2020': 3, '2021': 5 }, 0],
    [4, undefined, 4],
    [3, { '2020': 5 }, 0], // never negative, whatever an estimate says
  ])('total %d, years %j → %d', (total, years, expected) => {
    expect(countWithoutYear(total, years)).toBe(expected);
  });
});
