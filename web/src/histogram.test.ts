import { describe, expect, it } from 'vitest';
import { alternativeState, countWithLanguages } from './empty-state.js';
import { clickSpan, extensionAnchor, histogramBars, spanBetween, yearSelected } from './histogram.js';
import { refinementText } from './refinements.js';
import { emptyFilters, initialState, NO_YEAR, noSpan, type PageState } from './state.js';

const sel = (span: { from: number | null; to: number | null }, year: string[] = []) => ({
  filters: { ...emptyFilters(), year },
  span,
});

describe('histogramBars', () => {
  it('runs from the oldest to the newest year, with empty years in between', () => {
    expect(histogramBars({ '2019': 3, '2022': 1 }, sel(noSpan()))).toEqual([
      { year: 2019, count: 3 },
      { year: 2020, count: 0 },
      { year: 2021, count: 0 },
      { year: 2022, count: 1 },
    ]);
  });

  it('reaches a selected year or span end that has no articles any more', () => {
    expect(histogramBars({ '2020': 2 }, sel({ from: 2018, to: null })).map((b) => b.year)).toEqual([2018, 2019, 2020]);
    expect(histogramBars({ '2020': 2 }, sel(noSpan(), ['2021', NO_YEAR])).map((b) => b.year)).toEqual([2020, 2021]);
  });

  it('is empty without years', () => {
    expect(histogramBars({}, sel(noSpan()))).toEqual([]);
  });
});

describe('selection', () => {
  it.each([
    [2019, sel({ from: 2018, to: 2020 }), true],
    [2021, sel({ from: 2018, to: 2020 }), false],
    [2030, sel({ from: 2018, to: null }), true],
    [1990, sel({ from: null, to: 2000 }), true],
    [2019, sel(noSpan(), ['2019']), true],
    [2019, sel(noSpan(), [NO_YEAR]), false],
  ] as const)('%d in %j → %s', (year, state, expected) => {
    expect(yearSelected(year, state)).toBe(expected);
  });

  it('a click selects that year alone, and clears it when it is the whole selection', () => {
    expect(clickSpan(2019, sel(noSpan()))).toEqual({ from: 2019, to: 2019 });
    expect(clickSpan(2019, sel({ from: 2018, to: 2020 }))).toEqual({ from: 2019, to: 2019 });
    expect(clickSpan(2019, sel({ from: 2019, to: 2019 }))).toBeNull();
    expect(clickSpan(2019, sel(noSpan(), ['2019']))).toBeNull();
  });

  it('Shift extends from the anchor, else from the nearer end of the selection', () => {
    const bars = [2017, 2018, 2019, 2020, 2021, 2022].map((year) => ({ year, count: 1 }));
    const state = sel({ from: 2019, to: 2020 });
    expect(extensionAnchor(2022, 2020, state, bars)).toBe(2020);
    expect(extensionAnchor(2022, null, state, bars)).toBe(2019);
    expect(extensionAnchor(2017, null, state, bars)).toBe(2020);
    expect(extensionAnchor(2017, null, sel(noSpan()), bars)).toBe(2017);
    expect(spanBetween(2022, 2019)).toEqual({ from: 2019, to: 2022 });
  });
});

describe('chips and offers', () => {
  it.each([
    [{ kind: 'span', span: { from: 2019, to: 2021 } }, 'en', '2019–2021'],
    [{ kind: 'span', span: { from: 2019, to: 2019 } }, 'en', '2019'],
    [{ kind: 'span', span: { from: 2019, to: null } }, 'en', '≥ 2019'],
    [{ kind: 'value', facet: 'year', value: NO_YEAR }, 'ru', 'Год неизвестен'],
    [{ kind: 'value', facet: 'lang', value: 'kk-Latn' }, 'kk', 'Қазақша (латын)'],
    [{ kind: 'value', facet: 'source', value: 'inform.kz' }, 'kk', 'inform.kz'],
  ] as const)('%j in %s → %s', (r, lang, expected) => {
    expect(refinementText(r, lang, {})).toBe(expected);
  });

  it('counts say how many articles in which languages', () => {
    expect(countWithLanguages(1, { ru: 1 }, 'en')).toBe('1 article — Russian');
    expect(countWithLanguages(12, { ru: 2, 'kk-Latn': 10 }, 'ru')).toBe(
      '12 статей — Казахский (латиница) 10, Русский 2',
    );
    expect(countWithLanguages(3, {}, 'kk')).toBe('3 мақала');
  });

  it('an offer keeps the filters, except the one that drops them', () => {
    const state: PageState = {
      ...initialState(),
      q: 'SCO summit',
      page: 3,
      filters: { ...emptyFilters(), org: ['SCO'] },
    };
    const partial = alternativeState(state, { query: 'SCO', kind: 'partial', total: 2, langs: {} });
    expect(partial).toMatchObject({ q: 'SCO', page: 1, filters: { org: ['SCO'] } });
    const unfiltered = alternativeState(state, { query: 'SCO summit', kind: 'unfiltered', total: 2, langs: {} });
    expect(unfiltered.filters).toEqual(emptyFilters());
  });
});
