import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UI_LANGS } from './i18n.js';
import {
  clearFilters,
  emptyFilters,
  FACET_NAMES,
  hasFilters,
  initialState,
  NO_YEAR,
  noSpan,
  type PageState,
  parseUrl,
  refinements,
  removeRefinement,
  SCRIPTS,
  SORTS,
  searchQuery,
  setNoYear,
  setYearSpan,
  toggleFilter,
  toUrl,
} from './state.js';

const facetValue = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0);
const stateArb: fc.Arbitrary<PageState> = fc.record({
  q: fc.string({ maxLength: 60 }),
  filters: fc.record({
    year: fc.uniqueArray(fc.oneof(fc.integer({ min: 1990, max: 2030 }).map(String), fc.constant(NO_YEAR)), {
      maxLength: 3,
    }),
    org: fc.uniqueArray(fc.constantFrom('SCO', 'CIS', 'UN', 'C5+RU', 'OSCE'), { maxLength: 3 }),
    lang: fc.uniqueArray(fc.constantFrom('kk', 'ru', 'kk-Latn'), { maxLength: 2 }),
    source: fc.uniqueArray(facetValue, { maxLength: 3 }),
  }),
  span: fc
    .tuple(
      fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null }),
      fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null }),
    )
    .map(([a, b]) => (a !== null && b !== null && a > b ? { from: b, to: a } : { from: a, to: b })),
  sort: fc.constantFrom(...SORTS),
  page: fc.integer({ min: 1, max: 500 }),
  article: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: null }),
  correct: fc.boolean(),
  script: fc.option(fc.constantFrom(...SCRIPTS), { nil: null }),
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
    ['span the wrong way round', '?year_from=2024&year_to=2019', { span: { from: 2019, to: 2024 } }],
    ['span end not a year', '?year_from=20&year_to=2019', { span: { from: null, to: 2019 } }],
    ['unknown script', '?script=arab', { script: null }],
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

  it('sends the span and the script in the API’s names', () => {
    const p = new URLSearchParams(
      searchQuery({
        ...initialState(),
        span: { from: 2019, to: null },
        script: 'latn',
        filters: { ...emptyFilters() },
      }),
    );
    expect(p.get('year_from')).toBe('2019');
    expect(p.has('year_to')).toBe(false);
    expect(p.get('script')).toBe('latn');
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

describe('year selection', () => {
  const base: PageState = { ...initialState(), page: 4, filters: { ...emptyFilters(), year: ['2020'], org: ['SCO'] } };

  it('a span replaces single years and goes to page 1; the ends are put in order', () => {
    const s = setYearSpan(base, 2024, 2019);
    expect(s.span).toEqual({ from: 2019, to: 2024 });
    expect(s.filters).toEqual({ ...emptyFilters(), org: ['SCO'] });
    expect(s.page).toBe(1);
  });

  it('"no year" replaces the span, and off clears the year selection', () => {
    const on = setNoYear(setYearSpan(base, 2019, 2020), true);
    expect(on.filters.year).toEqual([NO_YEAR]);
    expect(on.span).toEqual(noSpan());
    expect(setNoYear(on, false).filters.year).toEqual([]);
  });

  it('lists the refinements, each removable, and clears them all', () => {
    const s = setYearSpan(base, 2019, 2021);
    const rs = refinements(s);
    expect(rs).toEqual([
      { kind: 'span', span: { from: 2019, to: 2021 } },
      { kind: 'value', facet: 'org', value: 'SCO' },
    ]);
    expect(hasFilters(s)).toBe(true);
    expect(removeRefinement(s, rs[0]!).span).toEqual(noSpan());
    expect(removeRefinement(s, rs[1]!).filters.org).toEqual([]);
    const cleared = clearFilters(s);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared.q).toBe(s.q);
  });
});
