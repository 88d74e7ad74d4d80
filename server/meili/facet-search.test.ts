import { describe, expect, it } from 'vitest';
import { facetHits, facetValueMatches } from './facet-search.js';

describe('facetValueMatches', () => {
  it.each<[Parameters<typeof facetValueMatches>[0], string, string, boolean]>([
    ['org', 'SCO', 'sc', true],
    ['org', 'SCO', 'шос', true],
    ['org', 'SCO', 'ШЫҰ', true],
    ['org', 'SCO', 'шыу', true], // folded letters
    ['org', 'SCO', 'шанх', true],
    ['org', 'SCO', 'Shanghai coop', true],
    ['org', 'SCO', 'Shanhaı', true], // Kazakh Latin
    ['org', 'SCO', 'нато', false],
    ['org', 'CIS', 'тмд', true],
    ['org', 'CIS', 'снг', true],
    ['year', '2024', '202', true],
    ['year', '2024', '2019', false],
    ['year', '2024', '', true],
    ['lang', 'kk-Latn', 'kk-l', true],
    ['lang', 'kk-Latn', 'latn', true],
    ['source', 'egemen.kz', 'EGEM', true],
    ['source', 'egemen.kz', 'kz', true],
    ['source', 'egemen.kz', 'zakon', false],
    ['source', 'қазинформ.kz', 'казинф', true],
  ])('%s %s ~ %s → %s', (facet, value, query, expected) => {
    expect(facetValueMatches(facet, value, query)).toBe(expected);
  });
});

describe('facetHits', () => {
  it('answers the matching values, most frequent first, as Meilisearch does', () => {
    expect(facetHits('year', { 2019: 1, 2024: 4, 2023: 2, 1999: 7 }, '20')).toEqual([
      { value: '2024', count: 4 },
      { value: '2023', count: 2 },
      { value: '2019', count: 1 },
    ]);
    expect(facetHits('org', { SCO: 2, CIS: 2, NATO: 1 }, null)).toHaveLength(3);
  });
});
