import { describe, expect, it } from 'vitest';
import { buildFilter, quote, selectedFacets } from './filters.js';

const none = { year: [], org: [], lang: [], source: [] };

describe('filters', () => {
  it('escapes user values inside filter strings', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quote(2024)).toBe('2024');
  });

  it('ORs within a facet and ANDs across facets', () => {
    expect(buildFilter({ ...none, year: [2023, 2024], org: ['SCO'] })).toEqual([
      ['year = 2023', 'year = 2024'],
      ['org = "SCO"'],
    ]);
  });

  it('leaves out one facet for its disjunctive counts', () => {
    expect(buildFilter({ ...none, year: [2023], org: ['SCO'] }, 'year')).toEqual([['org = "SCO"']]);
    expect(selectedFacets({ ...none, year: [2023], source: ['zakon.kz'] })).toEqual(['year', 'source']);
  });
});
