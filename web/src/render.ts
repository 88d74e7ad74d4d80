/** Renders a search answer: hits, facets, pager. Functions of (answer, state, language) → DOM; no fetching here. */
import type { SearchHit, SearchResponse } from './api-types.js';
import { h, setMarkedHtml } from './dom.js';
import { valueMatches, valueNames } from './facet-search.js';
import { formatDate, isoDay, langName, type OrgLabels, orgFullName, orgName, pageList } from './format.js';
import { fill, MESSAGES, type Messages, type UiLang } from './i18n.js';
import { type FacetName, PAGE_SIZE, type PageState, toggleFilter, toUrl } from './state.js';

export interface RenderContext {
  lang: UiLang;
  labels: OrgLabels;
  /** The state the rendered answer is for (links of result cards and pages are built from it). */
  state: PageState;
  /** The locale dates are written in (the reader's, see readerLocale). */
  locale?: string;
}

const t = (ctx: RenderContext): Messages => MESSAGES[ctx.lang];

/** A `lang` attribute for article text (screen readers switch voice); only for tags that are real languages. */
export const contentLang = (tag: string): string | null => (/^(kk|ru)(-|$)/i.test(tag) ? tag : null);

/** How many values a facet shows before "show more"; longer facets also get a value search. */
export const FACET_PREVIEW = 10;

/** A link that adds a facet value to the filters (a real link: it works with a middle click too). */
function filterLink(facet: FacetName, value: string, text: string, cls: string, ctx: RenderContext): HTMLElement {
  const next = toggleFilter({ ...ctx.state, article: null }, facet, value, true);
  return h(
    'a',
    {
      class: cls,
      href: toUrl(next, ctx.lang),
      'data-filter-facet': facet,
      'data-filter-value': value,
      title: fill(t(ctx).filterBy, { name: facet === 'org' ? orgFullName(value, ctx.lang, ctx.labels) : text }),
    },
    text,
  );
}

function hitMeta(hit: SearchHit, ctx: RenderContext): HTMLElement {
  const date = formatDate(hit.date, hit.year, ctx.lang, ctx.locale);
  const day = isoDay(hit.date);
  return h(
    'p',
    { class: 'hit-meta' },
    date
      ? h('time', { datetime: day ?? (hit.year === null ? null : String(hit.year)) }, date)
      : h('span', { class: 'muted' }, t(ctx).noDate),
    hit.source ? filterLink('source', hit.source, hit.source, 'hit-source', ctx) : null,
    h('span', { class: 'badge' }, langName(hit.lang, ctx.lang)),
  );
}

/** The `lang` of shown text: a Kazakh hit converted for display is in the script it was converted to. */
function shownLang(hit: SearchHit): string | null {
  if (hit.script === 'latn') return 'kk-Latn';
  if (hit.script === 'cyrl') return 'kk';
  return contentLang(hit.lang);
}

export function renderHit(hit: SearchHit, ctx: RenderContext): HTMLLIElement {
  const lang = shownLang(hit);
  const link = h('a', {
    class: 'hit-link',
    href: toUrl({ ...ctx.state, article: hit.id }, ctx.lang),
    'data-id': hit.id,
    lang,
  });
  // titleHtml is our extension of the contract; without it the title is plain text.
  if (typeof hit.titleHtml === 'string') setMarkedHtml(link, hit.titleHtml);
  else link.textContent = hit.title;
  const snippet = h('p', { class: 'hit-snippet', lang });
  setMarkedHtml(snippet, hit.snippet);
  const orgs = hit.orgs.length
    ? h(
        'ul',
        { class: 'chips', 'aria-label': t(ctx).organizations },
        ...hit.orgs.map((code) =>
          h('li', {}, filterLink('org', code, orgName(code, ctx.lang, ctx.labels), 'chip chip-link', ctx)),
        ),
      )
    : null;
  return h(
    'li',
    { class: 'hit' },
    h(
      'article',
      {},
      h('h3', { class: 'hit-title' }, link),
      hitMeta(hit, ctx),
      snippet.textContent ? snippet : null,
      orgs,
    ),
  );
}

export function renderHits(list: HTMLElement, res: SearchResponse, ctx: RenderContext): void {
  list.replaceChildren(...res.hits.map((hit) => renderHit(hit, ctx)));
  list.setAttribute('start', String((res.page - 1) * res.limit + 1));
}

const FACET_TITLE: Record<FacetName, keyof Messages> = {
  year: 'facetYear',
  org: 'facetOrg',
  lang: 'facetLang',
  source: 'facetSource',
};

function valueLabel(facet: FacetName, value: string, ctx: RenderContext): string {
  if (facet === 'org') return orgName(value, ctx.lang, ctx.labels);
  if (facet === 'lang') return langName(value, ctx.lang);
  return value;
}

/** Values of one facet in display order: years newest first, the rest by count, then by name. */
export function facetEntries(
  facet: FacetName,
  counts: Record<string, number>,
  selected: readonly string[],
  ctx: RenderContext,
): [string, number][] {
  const merged = new Map<string, number>(Object.entries(counts));
  for (const v of selected) if (!merged.has(v)) merged.set(v, 0);
  const entries = [...merged];
  if (facet === 'year') return entries.sort((a, b) => Number(b[0]) - Number(a[0]));
  return entries.sort(
    (a, b) => b[1] - a[1] || valueLabel(facet, a[0], ctx).localeCompare(valueLabel(facet, b[0], ctx)),
  );
}

export interface FacetView {
  /** Facets whose full list is open ("show more"). */
  expanded: ReadonlySet<FacetName>;
  /** What the reader typed in each facet's value search. */
  searches: Partial<Record<FacetName, string>>;
}

/** Facets with a value search when they hold more values than the preview shows. */
const SEARCHABLE: readonly FacetName[] = ['org', 'source'];

/**
 * The facet checkboxes (the year is a histogram, see histogram.ts). Each box carries data-facet/data-value, so the
 * caller can put focus back on the same box after a re-render (keyboard users tick several in a row). A facet with
 * more than FACET_PREVIEW values shows the first ones, a "show more" button and, for organizations and sources, a
 * search box over the values' names in every language.
 */
export function renderFacets(
  container: HTMLElement,
  res: SearchResponse,
  ctx: RenderContext,
  view: FacetView,
  before: HTMLElement | null = null,
): void {
  const groups: HTMLElement[] = before ? [before] : [];
  for (const facet of ['org', 'lang', 'source'] as const) {
    const selected = ctx.state.filters[facet];
    const entries = facetEntries(facet, res.facets[facet] ?? {}, selected, ctx);
    if (entries.length === 0) continue;
    const searchable = SEARCHABLE.includes(facet) && entries.length > FACET_PREVIEW;
    const typed = searchable ? (view.searches[facet] ?? '') : '';
    const matching = typed.trim()
      ? entries.filter(
          ([v]) =>
            selected.includes(v) || valueMatches(valueNames(facet, v, valueLabel(facet, v, ctx), ctx.labels), typed),
        )
      : entries;
    const open = expanded(view, facet) || typed.trim() !== '';
    const shown = open ? matching : matching.filter(([v], i) => i < FACET_PREVIEW || selected.includes(v));
    const items = shown.map(([value, count]) => {
      const id = `f-${facet}-${value}`.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
      const box = h('input', { type: 'checkbox', id, 'data-facet': facet, 'data-value': value });
      box.checked = selected.includes(value);
      return h(
        'li',
        {},
        box,
        h(
          'label',
          { for: id, title: facet === 'org' ? orgFullName(value, ctx.lang, ctx.labels) : null },
          h('span', { class: 'facet-name' }, valueLabel(facet, value, ctx)),
          h('span', { class: 'facet-count' }, String(count)),
        ),
      );
    });
    const title = t(ctx)[FACET_TITLE[facet]] as string;
    const search = searchable
      ? h('input', {
          type: 'search',
          class: 'facet-search',
          'data-facet-search': facet,
          value: typed,
          placeholder: fill(t(ctx).facetSearch, { name: title.toLowerCase() }),
          'aria-label': fill(t(ctx).facetSearchLabel, { name: title }),
          autocomplete: 'off',
          spellcheck: 'false',
        })
      : null;
    const more =
      !typed.trim() && entries.length > FACET_PREVIEW
        ? h(
            'button',
            {
              type: 'button',
              class: 'link-button facet-more',
              'data-more': facet,
              'aria-expanded': String(open),
            },
            open ? t(ctx).showLess : `${t(ctx).showMore} (${entries.length - shown.length})`,
          )
        : null;
    groups.push(
      h(
        'fieldset',
        { class: 'facet', 'data-facet': facet },
        h('legend', {}, title),
        search,
        items.length ? h('ul', {}, ...items) : h('p', { class: 'facet-none muted' }, t(ctx).facetNoMatch),
        more,
      ),
    );
  }
  container.replaceChildren(...groups);
}

const expanded = (view: FacetView, facet: FacetName) => view.expanded.has(facet);

/** Previous / numbered / next links (real links: shareable, and they work with a middle click). */
export function renderPager(nav: HTMLElement, res: SearchResponse, ctx: RenderContext): void {
  const pages = Math.ceil(res.total / PAGE_SIZE);
  const current = ctx.state.page;
  if (pages <= 1) {
    nav.replaceChildren();
    nav.hidden = true;
    return;
  }
  nav.hidden = false;
  const link = (page: number, text: string, extra: Record<string, string> = {}) =>
    h('a', { href: toUrl({ ...ctx.state, page, article: null }, ctx.lang), 'data-page': page, ...extra }, text);
  const items: HTMLElement[] = [];
  items.push(
    current > 1
      ? link(current - 1, `‹ ${t(ctx).previous}`, { rel: 'prev' })
      : h('span', { class: 'pager-off', 'aria-hidden': 'true' }, `‹ ${t(ctx).previous}`),
  );
  for (const p of pageList(current, pages)) {
    if (p === null) items.push(h('span', { class: 'pager-gap', 'aria-hidden': 'true' }, '…'));
    else if (p === current)
      items.push(
        h(
          'span',
          { class: 'pager-current', 'aria-current': 'page', 'aria-label': t(ctx).pageN.replace('{n}', String(p)) },
          String(p),
        ),
      );
    else items.push(link(p, String(p), { 'aria-label': t(ctx).pageN.replace('{n}', String(p)) }));
  }
  items.push(
    current < pages
      ? link(current + 1, `${t(ctx).next} ›`, { rel: 'next' })
      : h('span', { class: 'pager-off', 'aria-hidden': 'true' }, `${t(ctx).next} ›`),
  );
  nav.replaceChildren(...items);
}
