/**
 * The year facet as a histogram: one bar per year from the oldest to the newest year of the answer (years without
 * articles in between get an empty bar), heights by count, and a bar for the articles without a year. Counts are the
 * API's disjunctive year counts, so every year stays visible while a span is selected.
 *
 * Mouse and touch: click a bar for that year (click it again to clear), drag across bars or Shift-click for a span.
 * Keyboard: the bars are one tab stop; arrows, Home and End move; Enter or Space picks the year, Shift with an
 * arrow or with Enter extends the span from its anchor; Escape clears. Each bar is a button named with its year and
 * exact count, pressed when selected, so a screen reader reads «2019: 111 articles, pressed».
 */
import { h } from './dom.js';
import { fill, MESSAGES, plural, type UiLang } from './i18n.js';
import { hasSpan, NO_YEAR, type PageState } from './state.js';

export interface Bar {
  year: number;
  count: number;
}

/** Bars from the oldest to the newest year among the counts and the selection (empty years in between). */
export function histogramBars(counts: Record<string, number>, state: Pick<PageState, 'filters' | 'span'>): Bar[] {
  const years = Object.keys(counts)
    .filter((y) => /^\d{4}$/.test(y))
    .map(Number);
  for (const y of state.filters.year) if (/^\d{4}$/.test(y)) years.push(Number(y));
  if (state.span.from !== null) years.push(state.span.from);
  if (state.span.to !== null) years.push(state.span.to);
  if (years.length === 0) return [];
  const min = Math.min(...years);
  const max = Math.max(...years);
  const bars: Bar[] = [];
  for (let y = min; y <= max; y++) bars.push({ year: y, count: counts[String(y)] ?? 0 });
  return bars;
}

/** Whether a year is in the current selection (a span, open ends reaching the first/last bar, or single years). */
export function yearSelected(year: number, state: Pick<PageState, 'filters' | 'span'>): boolean {
  if (hasSpan(state.span))
    return (state.span.from === null || year >= state.span.from) && (state.span.to === null || year <= state.span.to);
  return state.filters.year.includes(String(year));
}

/** What a click on `year` selects: that year alone, or nothing when it already is the whole selection. */
export function clickSpan(
  year: number,
  state: Pick<PageState, 'filters' | 'span'>,
): { from: number; to: number } | null {
  const sole =
    (state.span.from === year && state.span.to === year) ||
    (!hasSpan(state.span) && state.filters.year.length === 1 && state.filters.year[0] === String(year));
  return sole ? null : { from: year, to: year };
}

/** The span from the anchor to `year`, in order. */
export const spanBetween = (anchor: number, year: number) => ({
  from: Math.min(anchor, year),
  to: Math.max(anchor, year),
});

/** Where a Shift-extension starts: the anchor kept from the last pick, else the selection's nearer end. */
export function extensionAnchor(
  year: number,
  anchor: number | null,
  state: Pick<PageState, 'filters' | 'span'>,
  bars: readonly Bar[],
): number {
  if (anchor !== null && yearSelected(anchor, state)) return anchor;
  const selected = bars.filter((b) => yearSelected(b.year, state)).map((b) => b.year);
  if (selected.length === 0) return year;
  const first = selected[0] ?? year;
  const last = selected[selected.length - 1] ?? year;
  return year >= first ? first : last;
}

export interface HistogramView {
  counts: Record<string, number>;
  noYear: number;
  state: Pick<PageState, 'filters' | 'span'>;
  lang: UiLang;
}

const yearId = (year: number | typeof NO_YEAR) => `year-${year}`;

/** The histogram's fieldset. Bars carry data-year (a year or `none`); the selected or last bar is the tab stop. */
export function renderHistogram(view: HistogramView): HTMLElement | null {
  const t = MESSAGES[view.lang];
  const bars = histogramBars(view.counts, view.state);
  if (bars.length === 0 && view.noYear === 0 && !view.state.filters.year.includes(NO_YEAR)) return null;
  const max = Math.max(1, ...bars.map((b) => b.count), view.noYear);
  const noYearOn = view.state.filters.year.includes(NO_YEAR);
  const anySelected = noYearOn || bars.some((b) => yearSelected(b.year, view.state));
  const tabStop =
    bars.find((b) => yearSelected(b.year, view.state))?.year ?? (noYearOn ? NO_YEAR : bars[bars.length - 1]?.year);
  const articles = (n: number) => plural(view.lang, t.browseCount, n);

  const bar = (year: number | typeof NO_YEAR, count: number, selected: boolean, label: string) => {
    const fill = h('span', { class: 'bar-fill' });
    // Height by count, a sliver for a year with few articles so it is still seen (set through CSSOM: no inline CSS).
    fill.style.setProperty('--h', count === 0 ? '0' : String(Math.max(0.04, count / max)));
    return h(
      'button',
      {
        type: 'button',
        class: `bar${year === NO_YEAR ? ' bar-none' : ''}${count === 0 ? ' bar-empty' : ''}`,
        id: yearId(year),
        'data-year': String(year),
        'data-count': String(count),
        'aria-pressed': String(selected),
        'aria-label': `${label}: ${articles(count)}`,
        title: `${label}: ${articles(count)}`,
        tabindex: year === tabStop ? '0' : '-1',
      },
      fill,
    );
  };

  const selected = bars.filter((b) => yearSelected(b.year, view.state));
  const total = selected.reduce((n, b) => n + b.count, 0);
  const first = selected[0];
  const last = selected[selected.length - 1];
  const summary = noYearOn
    ? `${t.noYear} · ${articles(view.noYear)}`
    : first && last
      ? `${first.year === last.year ? String(first.year) : fill(t.yearSpan, { from: first.year, to: last.year })} · ${articles(total)}`
      : t.allYears;

  return h(
    'fieldset',
    { class: 'facet facet-year', 'data-facet': 'year' },
    h('legend', {}, t.facetYear),
    h(
      'div',
      { class: 'histogram-head' },
      h('p', { class: 'histogram-summary', id: 'histogram-summary', 'aria-live': 'polite' }, summary),
      anySelected ? h('button', { type: 'button', class: 'link-button', 'data-year-clear': '' }, t.clearYears) : null,
    ),
    h(
      'div',
      {
        class: 'histogram',
        role: 'group',
        'aria-label': t.facetYear,
        'aria-describedby': 'histogram-help',
      },
      h(
        'div',
        { class: 'bars' },
        ...bars.map((b) => bar(b.year, b.count, yearSelected(b.year, view.state), String(b.year))),
      ),
      view.noYear > 0 || noYearOn ? bar(NO_YEAR, view.noYear, noYearOn, t.noYear) : null,
    ),
    // The axis mirrors the bars (one cell each), so the first and last years sit under their own bars.
    h(
      'div',
      { class: 'histogram-axis', 'aria-hidden': 'true' },
      h(
        'div',
        { class: 'axis-bars' },
        ...bars.map((b, i) =>
          h(
            'span',
            { class: i === 0 ? 'axis-first' : i === bars.length - 1 ? 'axis-last' : null },
            i === 0 || i === bars.length - 1 ? String(b.year) : '',
          ),
        ),
      ),
      view.noYear > 0 || noYearOn ? h('span', { class: 'axis-none' }, '?') : null,
    ),
    h('p', { id: 'histogram-help', class: 'visually-hidden' }, t.histogramHelp),
  );
}

export interface HistogramActions {
  /** Select a span of years (from = to for one year), or clear the year selection (null). */
  span(span: { from: number; to: number } | null): void;
  /** Select only the articles without a year, or clear that. */
  noYear(on: boolean): void;
  /** The state whose selection is on screen. */
  state(): Pick<PageState, 'filters' | 'span'>;
}

/**
 * Pointer and keyboard handling, attached once to a container the histogram is re-rendered into (event delegation,
 * so re-rendering after each answer needs no re-wiring).
 */
export class HistogramControl {
  private anchor: number | null = null;
  private drag: { start: number; current: number; pointerId: number; moved: boolean } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: HistogramActions,
  ) {
    root.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    root.addEventListener('pointermove', (e) => this.onPointerMove(e));
    root.addEventListener('pointerup', (e) => this.onPointerUp(e));
    root.addEventListener('pointercancel', () => this.endDrag());
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('keydown', (e) => this.onKey(e));
  }

  private barsEl(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.histogram .bar')];
  }

  private yearBars(): { el: HTMLElement; year: number }[] {
    return this.barsEl().flatMap((el) =>
      el.dataset.year && el.dataset.year !== NO_YEAR ? [{ el, year: Number(el.dataset.year) }] : [],
    );
  }

  private barsData(): Bar[] {
    return this.yearBars().map(({ year }) => ({ year, count: 0 }));
  }

  /** The year bar under a pointer's x (bars are side by side, so x alone decides; outside: the nearest end). */
  private yearAt(x: number): number | null {
    const bars = this.yearBars();
    if (bars.length === 0) return null;
    for (const { el, year } of bars) {
      const r = el.getBoundingClientRect();
      if (x >= r.left && x < r.right) return year;
    }
    const first = bars[0];
    const last = bars[bars.length - 1];
    if (!first || !last) return null;
    return x < first.el.getBoundingClientRect().left ? first.year : last.year;
  }

  private onPointerDown(e: PointerEvent): void {
    const el = (e.target as Element).closest<HTMLElement>('.histogram .bar');
    if (!el || el.dataset.year === NO_YEAR || e.button !== 0) return;
    const year = Number(el.dataset.year);
    e.preventDefault(); // no text selection or focus ring while dragging
    const start = e.shiftKey ? extensionAnchor(year, this.anchor, this.actions.state(), this.barsData()) : year;
    this.drag = { start, current: year, pointerId: e.pointerId, moved: false };
    const histogram = el.closest<HTMLElement>('.histogram');
    histogram?.setPointerCapture(e.pointerId);
    this.preview();
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.drag || e.pointerId !== this.drag.pointerId) return;
    const year = this.yearAt(e.clientX);
    if (year === null || year === this.drag.current) return;
    this.drag.current = year;
    this.drag.moved = true;
    this.preview();
  }

  private onPointerUp(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.endDrag();
    if (drag.moved || e.shiftKey) {
      this.anchor = drag.start;
      this.actions.span(spanBetween(drag.start, drag.current));
    } else {
      this.anchor = drag.current;
      this.actions.span(clickSpan(drag.current, this.actions.state()));
    }
  }

  private endDrag(): void {
    this.drag = null;
    for (const el of this.barsEl()) el.classList.remove('in-preview');
    this.root.querySelector('.histogram')?.classList.remove('dragging');
  }

  /** Shows the span being dragged before it is searched. */
  private preview(): void {
    if (!this.drag) return;
    const { from, to } = spanBetween(this.drag.start, this.drag.current);
    this.root.querySelector('.histogram')?.classList.add('dragging');
    for (const { el, year } of this.yearBars()) el.classList.toggle('in-preview', year >= from && year <= to);
  }

  /** Keyboard activation (Enter/Space give a click with detail 0), the "no year" bar and the clear link. */
  private onClick(e: MouseEvent): void {
    const target = e.target as Element;
    if (target.closest('[data-year-clear]')) {
      this.anchor = null;
      if (this.actions.state().filters.year.includes(NO_YEAR)) this.actions.noYear(false);
      else this.actions.span(null);
      return;
    }
    const el = target.closest<HTMLElement>('.histogram .bar');
    if (!el) return;
    if (el.dataset.year === NO_YEAR) {
      this.actions.noYear(el.getAttribute('aria-pressed') !== 'true');
      return;
    }
    if (e.detail !== 0) return; // a pointer click: handled on pointerup
    const year = Number(el.dataset.year);
    if (e.shiftKey) this.extendTo(year);
    else {
      this.anchor = year;
      this.actions.span(clickSpan(year, this.actions.state()));
    }
  }

  private extendTo(year: number): void {
    const anchor = extensionAnchor(year, this.anchor, this.actions.state(), this.barsData());
    this.anchor = anchor;
    this.actions.span(spanBetween(anchor, year));
  }

  private onKey(e: KeyboardEvent): void {
    const el = (e.target as Element).closest<HTMLElement>('.histogram .bar');
    if (!el) return;
    const all = this.barsEl();
    const i = all.indexOf(el);
    let next = -1;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = Math.max(0, i - 1);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = Math.min(all.length - 1, i + 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = all.length - 1;
    else if (e.key === 'Escape') {
      const s = this.actions.state();
      if (s.filters.year.length === 0 && !hasSpan(s.span)) return;
      e.preventDefault();
      e.stopPropagation(); // the reader or the suggestions must not see it
      this.anchor = null;
      if (s.filters.year.includes(NO_YEAR)) this.actions.noYear(false);
      else this.actions.span(null);
      return;
    }
    if (next < 0) return;
    e.preventDefault();
    const target = all[next];
    if (!target) return;
    for (const b of all) b.tabIndex = b === target ? 0 : -1;
    target.focus();
    if (e.shiftKey && target.dataset.year !== NO_YEAR && target !== el) this.extendTo(Number(target.dataset.year));
  }
}
