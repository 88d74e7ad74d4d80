import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UI_LANGS } from './i18n.js';
import {
  emptyFilters,
  FACET_NAMES,
  initialState,
  type PageState,
  parseUrl,
  SORTS,
  searchQuery,
  toggleFilter,
  toUrl,
} from './state.js';

const facetValue = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0);
const stateArb: fc.Arbitrary<PageState> = fc.record({
  q: fc.string({ maxLength: 60 }),
  filters: fc.record({
    year: fc.uniqueArray(fc.integer({ min: 1990, max: 2030 }).map(String), { maxLength: 3 }),
    org: fc.uniqueArray(fc.constantFrom('SCO', 'CIS', 'UN', 'C5+RU', 'OSCE'), { maxLength: 3 }),
    lang: fc.uniqueArray(fc.constantFrom('kk', 'ru', 'kk-Latn'), { maxLength: 2 }),
    source: fc.uniqueArray(facetValue, { maxLength: 3 }),
  }),
  sort: fc.constantFrom(...SORTS),
  page: fc.integer({ min: 1, max: 500 }),
  article: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: null }),
  correct: fc.boolean(),
});

describe('URL state', () => {
  it('round-trips: parseUrl(toUrl(s)) is s, with the interface language', () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom(...UI_LANGS), (state, ui) => {
        expect(parseUrl(toUrl(state, ui))).toEqual({ state, ui });
      }),
    );
  });

  it('leaves defaults out of the URL', () => {
    expect(toUrl(initialState())).toBe('');
    expect(toUrl({ ...initialState(), q: 'ШЫҰ' }, 'kk')).toBe('?q=%D0%A8%D0%AB%D2%B0&ui=kk');
  });

  it.each([
    ['bad sort', '?sort=best', { sort: 'relevance' }],
    ['page zero', '?page=0', { page: 1 }],
    ['page not a number', '?page=two', { page: 1 }],
    ['page fraction', '?page=2.5', { page: 1 }],
    ['year not four digits', '?year=99&year=2024', { filters: { ...emptyFilters(), year: ['2024'] } }],
    ['repeated value once', '?org=SCO&org=SCO&org=%20', { filters: { ...emptyFilters(), org: ['SCO'] } }],
    ['empty article', '?a=', { article: null }],
  ] as const)('%s falls back to a valid state', (_name, search, expected) => {
    expect(parseUrl(search).state).toEqual({ ...initialState(), ...expected });
  });

  it('ignores an unknown interface language', () => {
    expect(parseUrl('?ui=de').ui).toBeNull();
  });
});

describe('searchQuery', () => {
  it('sends every facet value, the sort, page and limit, and q as typed', () => {
    const state: PageState = {
      ...initialState(),
      q: 'ШЫҰ ',
      filters: { ...emptyFilters(), year: ['2023', '2024'], org: ['C5+RU'] },
      page: 2,
    };
    const p = new URLSearchParams(searchQuery(state));
    expect(p.get('q')).toBe('ШЫҰ ');
    expect(p.getAll('year')).toEqual(['2023', '2024']);
    expect(p.getAll('org')).toEqual(['C5+RU']);
    expect([p.get('sort'), p.get('page'), p.get('limit')]).toEqual(['relevance', '2', '20']);
  });

  it('asks for the query as typed only when the reader chose it', () => {
    expect(new URLSearchParams(searchQuery(initialState())).has('correct')).toBe(false);
    expect(new URLSearchParams(searchQuery({ ...initialState(), q: 'rfpf[cnfy', correct: false })).get('correct')).toBe(
      '0',
    );
  });

  it('does not depend on the open article', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(searchQuery({ ...s, article: 'x' })).toBe(searchQuery({ ...s, article: null }));
      }),
    );
  });
});

describe('toggleFilter', () => {
  it.each(FACET_NAMES)('ticking then unticking a %s value restores the filters and goes to page 1', (facet) => {
    const start: PageState = { ...initialState(), page: 3 };
    const on = toggleFilter(start, facet, '2024', true);
    expect(on.filters[facet]).toEqual(['2024']);
    expect(on.page).toBe(1);
    expect(toggleFilter(on, facet, '2024', true).filters[facet]).toEqual(['2024']);
    expect(toggleFilter(on, facet, '2024', false).filters).toEqual(emptyFilters());
  });
});
