/**
 * The page's controller. The URL holds the state (see state.ts); every change goes through navigate(), which writes
 * the URL and then sync() brings the page in line: a new search if the search changed, the reader open or closed.
 * Every keystroke searches at once (no debounce: the older request is aborted and its answer never drawn), each
 * answer is drawn in one render, the list is never emptied while an answer is on its way, and "searching…" shows only
 * when an answer is late. A run of keystrokes shares one history entry so Back goes to the previous search, not the
 * previous letter.
 */
import { ApiFailure, articleApi, isAbort, searchApi } from './api.js';
import type { ArticleResponse, SearchResponse, Suggestion } from './api-types.js';
import { byId, h } from './dom.js';
import { alternativeState, renderEmpty } from './empty-state.js';
import { type OrgLabels, readerLocale } from './format.js';
import { HistogramControl, renderHistogram } from './histogram.js';
import { fill, initialUiLang, isUiLang, MESSAGES, type Messages, plural, UI_LANGS, type UiLang } from './i18n.js';
import { LatestOnly, NewerOnly } from './latest.js';
import { renderArticle, renderReaderMessage } from './reader.js';
import { renderRefinements } from './refinements.js';
import { type FacetView, renderFacets, renderHits, renderPager } from './render.js';
import {
  clearFilters,
  FACET_NAMES,
  type FacetName,
  isScript,
  type PageState,
  parseUrl,
  refinements,
  removeRefinement,
  type Script,
  SORTS,
  type Sort,
  searchQuery,
  setNoYear,
  setYearSpan,
  toggleFilter,
  toUrl,
} from './state.js';
import { SuggestBox } from './suggest-box.js';

/** Organization names by code, put in by web/build.ts from analyzers/data/gazetteer.json. */
declare const __ORG_LABELS__: OrgLabels;
const LABELS: OrgLabels = typeof __ORG_LABELS__ === 'object' ? __ORG_LABELS__ : {};

const STORAGE_KEY = 'izde.ui';
const SCRIPT_KEY = 'izde.script';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 8000;
/** Show "searching…" only when an answer is slow, so fast answers do not flicker. */
const BUSY_DELAY_MS = 200;
/**
 * An empty answer that arrives mid-word («То», «выборы в СШ») waits this long after the last keystroke before it
 * replaces the list (asked again with the offers): the next letter usually finds something again.
 */
const HOLD_EMPTY_MS = 350;

const el = {
  form: byId<HTMLFormElement>('search-form'),
  q: byId<HTMLInputElement>('q'),
  clear: byId<HTMLButtonElement>('clear'),
  suggestions: byId<HTMLUListElement>('suggestions'),
  filters: byId('filters'),
  facets: byId('facets'),
  refinements: byId('refinements'),
  scriptButtons: [...document.querySelectorAll<HTMLButtonElement>('[data-script]')],
  clearFilters: byId<HTMLButtonElement>('clear-filters'),
  filtersToggle: byId<HTMLButtonElement>('filters-toggle'),
  results: byId('results'),
  count: byId('count'),
  took: byId('took'),
  sort: byId<HTMLSelectElement>('sort'),
  status: byId('status'),
  notices: byId('notices'),
  hits: byId<HTMLOListElement>('hits'),
  empty: byId('empty'),
  pager: byId('pager'),
  reader: byId<HTMLDialogElement>('reader'),
  readerArticle: byId('reader-article'),
  readerClose: byId<HTMLButtonElement>('reader-close'),
};

let ui: UiLang = 'en';
let state: PageState;
/** True while keystrokes keep replacing the history entry the first one pushed. */
let typing = false;
/** The answer on screen and the state it answers. */
let shown: { res: SearchResponse; state: PageState } | null = null;
/** The /api/search query of the request started last (in flight, shown or failed). */
let requested: string | null = null;
let failure: ApiFailure | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = FIRST_RETRY_MS;
let busyTimer: ReturnType<typeof setTimeout> | undefined;
let lastKeyAt = 0;
let holdTimer: ReturnType<typeof setTimeout> | undefined;
const facetView: FacetView & { expanded: Set<FacetName> } = { expanded: new Set(), searches: {} };
const searches = new NewerOnly();
const articles = new LatestOnly();
/** The locale dates are written in: the browser's when it is of the interface language. */
const locale = () => readerLocale(ui, navigator.languages?.length ? navigator.languages : [navigator.language]);
/** The article in the reader (loaded or loading), and the loaded answer for re-rendering on a language switch. */
let readerId: string | null = null;
let readerArticle: ArticleResponse | null = null;
/** The result link that opened the reader: focus goes back to it. */
let opener: string | null = null;

const t = (): Messages => MESSAGES[ui];

// ---- URL and history --------------------------------------------------------------------------------------------

/** data-want / data-shown: the search the page wants and the one on screen (e2e tests wait for them to agree). */
function markWanted(): void {
  el.results.dataset.want = searchQuery(state);
}

function writeUrl(mode: 'push' | 'replace', extra: Record<string, unknown> = {}): void {
  markWanted();
  const url = toUrl(state, ui) || location.pathname;
  if (mode === 'push') history.pushState({ izde: true, ...extra }, '', url);
  else history.replaceState({ ...(history.state as object | null), izde: true, ...extra }, '', url);
}

function navigate(next: PageState, mode: 'push' | 'replace', extra: Record<string, unknown> = {}): void {
  typing = false;
  state = next;
  writeUrl(mode, extra);
  sync();
}

/** Brings the page in line with `state`. */
function sync(): void {
  markWanted();
  if (el.q.value !== state.q) el.q.value = state.q;
  updateClearButton();
  if (searchQuery(state) !== requested) void search();
  else if (shown) render();
  else renderFilters();
  syncReader();
}

// ---- searching --------------------------------------------------------------------------------------------------

/**
 * Searches for `state`. A keystroke's search asks for no offers (`alternatives=0`): an empty answer to a word still
 * being typed is held until the typing pauses (the list does not flash empty between letters) and is then asked
 * again with the offers, which are drawn with it — half-typed words spend no engine time on offers nobody sees.
 */
async function search(options: { offers?: boolean } = {}): Promise<void> {
  clearTimeout(retryTimer);
  clearTimeout(holdTimer);
  const asked = state;
  const query = searchQuery(asked);
  requested = query;
  const quiet = typing && !options.offers;
  const ticket = searches.begin();
  setBusy(true);
  let held = false;
  try {
    const res = await searchApi(quiet ? `${query}&alternatives=0` : query, ticket.signal);
    if (ticket.isNewest()) {
      failure = null;
      retryDelay = FIRST_RETRY_MS;
    } else if (!ticket.mayShow() || !onTheWay(asked, state)) return; // a newer answer is or will be on screen
    if (res.total === 0 && quiet) {
      if (!ticket.isNewest()) return; // an older empty answer: the newest decides
      held = true;
      const wait = Math.max(0, lastKeyAt + HOLD_EMPTY_MS - performance.now());
      holdTimer = setTimeout(() => {
        if (ticket.isNewest()) void search({ offers: true });
      }, wait);
      return;
    }
    // The newest answer, or one for a few letters ago while the newest is still on its way: one render each.
    ticket.shown();
    shown = { res, state: asked };
    render();
  } catch (err) {
    if (isAbort(err) || !ticket.isNewest()) return;
    failure = err instanceof ApiFailure ? err : new ApiFailure('other', 0, String(err));
    if (failure.kind === 'unavailable' || failure.kind === 'rate-limited') {
      retryTimer = setTimeout(() => void search(), retryDelay);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
    }
    renderStatus();
  } finally {
    if (ticket.isNewest() && !held) setBusy(false);
  }
}

/** An older search is on the way to the current one when only the query differs and the reader typed on from it. */
function onTheWay(older: PageState, current: PageState): boolean {
  return (
    current.q.startsWith(older.q) &&
    searchQuery({ ...older, q: current.q, page: current.page }) === searchQuery(current) &&
    !current.article === !older.article
  );
}

function retryNow(): void {
  retryDelay = FIRST_RETRY_MS;
  void search();
}

function setBusy(busy: boolean): void {
  clearTimeout(busyTimer);
  el.results.setAttribute('aria-busy', String(busy));
  if (busy) busyTimer = setTimeout(() => document.body.classList.add('is-busy'), BUSY_DELAY_MS);
  else document.body.classList.remove('is-busy');
}

// ---- rendering --------------------------------------------------------------------------------------------------

function applyStatic(): void {
  const m = t();
  document.documentElement.lang = ui;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    node.textContent = m[node.dataset.i18n as keyof Messages] as string;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]'))
    node.setAttribute('aria-label', m[node.dataset.i18nLabel as keyof Messages] as string);
  el.q.placeholder = m.searchPlaceholder;
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-ui]')) {
    b.setAttribute('aria-pressed', String(b.dataset.ui === ui));
    b.title = MESSAGES[b.dataset.ui as UiLang].selfName;
  }
  document.title = state.q.trim() ? `${state.q.trim()} — izde` : `izde — ${m.tagline}`;
  el.sort.value = state.sort;
  renderScriptToggle();
}

function render(): void {
  applyStatic();
  renderFilterToggle();
  if (!shown) {
    renderStatus(); // e.g. the very first search failed: the banner still follows the language
    return;
  }
  const { res, state: s } = shown;
  const m = t();
  const ctx = { lang: ui, labels: LABELS, state: s, locale: locale() };
  el.results.dataset.shown = searchQuery(s);
  const browsing = res.query.trim() === '';
  el.count.textContent = browsing
    ? `${m.browseHeading} · ${plural(ui, m.browseCount, res.total)}`
    : plural(ui, m.resultCount, res.total);
  el.took.textContent = `· ${fill(m.took, { ms: res.tookMs })}`;
  renderHits(el.hits, res, ctx);
  renderFilters();
  renderPager(el.pager, res, ctx);
  renderEmpty(el.empty, res, s, ui);
  renderStatus();
}

/**
 * The filters side: histogram, facets and chips. Counts come from the answer on screen; what is selected comes from
 * the state the page wants, so a click shows at once, before its answer arrives.
 */
function renderFilters(): void {
  renderRefinements(el.refinements, state, ui, LABELS);
  el.clearFilters.hidden = refinements(state).length === 0;
  if (!shown) return;
  const { res } = shown;
  const ctx = { lang: ui, labels: LABELS, state, locale: locale() };
  // Re-rendering replaces the controls: put keyboard focus (and a search box's caret) back on the same one.
  const focused = document.activeElement as HTMLElement | null;
  const focusSelector = focused ? focusKeyOf(focused) : null;
  const caret = focused instanceof HTMLInputElement && focused.type === 'search' ? focused.selectionStart : null;
  const histogram = renderHistogram({
    counts: res.facets.year ?? {},
    noYear: res.noYear ?? 0,
    state,
    lang: ui,
  });
  renderFacets(el.facets, res, ctx, facetView, histogram);
  // An empty answer with nothing chosen has nothing to narrow: no panel, no toggle, not a title over nothing.
  const nothing = el.facets.childElementCount === 0 && refinements(state).length === 0;
  el.filters.hidden = nothing;
  el.filtersToggle.hidden = nothing;
  if (focusSelector) {
    const again = el.facets.querySelector<HTMLElement>(focusSelector);
    if (again) {
      again.focus();
      if (again instanceof HTMLInputElement && caret !== null) again.setSelectionRange(caret, caret);
      if (again.closest('.histogram'))
        for (const b of el.facets.querySelectorAll<HTMLElement>('.histogram .bar')) b.tabIndex = b === again ? 0 : -1;
    }
  }
}

/** A selector that finds the same control after a re-render of the filters, or null when focus is elsewhere. */
function focusKeyOf(node: HTMLElement): string | null {
  if (!el.facets.contains(node)) return null;
  const d = node.dataset;
  if (d.year) return `.histogram .bar[data-year="${CSS.escape(d.year)}"]`;
  if (d.facetSearch) return `[data-facet-search="${CSS.escape(d.facetSearch)}"]`;
  if (d.more) return `[data-more="${CSS.escape(d.more)}"]`;
  if ('yearClear' in d) return '.histogram .bar[aria-pressed="true"]';
  if (d.facet) return `input[data-facet="${CSS.escape(d.facet)}"][data-value="${CSS.escape(d.value ?? '')}"]`;
  return null;
}

function renderFilterToggle(): void {
  const selected = refinements(state).length;
  el.filtersToggle.textContent = selected ? `${t().filters} (${selected})` : t().filters;
}

/** The banners: engine trouble (with retry), a layout correction. */
function renderStatus(): void {
  const m = t();
  if (failure) {
    const text =
      failure.kind === 'unavailable'
        ? m.unavailable
        : failure.kind === 'rate-limited'
          ? m.rateLimited
          : failure.kind === 'bad-request'
            ? `${m.badRequest} ${failure.message}`
            : m.genericError;
    const canRetry = failure.kind !== 'bad-request';
    const banner = h(
      'div',
      { class: `banner banner-${failure.kind === 'bad-request' ? 'warn' : 'error'}`, 'data-kind': failure.kind },
      h('span', {}, text),
      canRetry ? h('button', { type: 'button', class: 'button', 'data-action': 'retry' }, m.retryNow) : null,
    );
    replaceIfChanged(el.status, [banner]);
  } else el.status.replaceChildren();
  el.results.classList.toggle('stale', failure !== null);

  const notes: HTMLElement[] = [];
  const res = shown?.res;
  if (res?.correction) {
    // Filled piecewise so both queries go in as text.
    const [before, middle, after] = splitTemplate(m.correction);
    const asTyped = h(
      'button',
      { type: 'button', class: 'link-button typed', 'data-action': 'search-as-typed' },
      res.correction.original,
    );
    notes.push(
      h(
        'p',
        { class: 'notice notice-correction' },
        before,
        h('strong', {}, res.correction.query),
        middle,
        asTyped,
        after,
      ),
    );
  }
  replaceIfChanged(el.notices, notes);
}

/** Live regions are announced when they change: an unchanged banner (each retry) is left alone, not re-announced. */
function replaceIfChanged(region: HTMLElement, nodes: HTMLElement[]): void {
  const next = nodes.map((n) => n.outerHTML).join('');
  if (region.innerHTML !== next) region.replaceChildren(...nodes);
}

/** "A «{query}» B «{original}» C" → [A «, » B «, » C]. */
function splitTemplate(template: string): [string, string, string] {
  const [a = '', rest = ''] = template.split('{query}');
  const [b = '', c = ''] = rest.split('{original}');
  return [a, b, c];
}

function updateClearButton(): void {
  el.clear.hidden = el.q.value === '';
}

// ---- reader -----------------------------------------------------------------------------------------------------

function syncReader(): void {
  const id = state.article;
  if (id) {
    if (readerId !== id) void loadArticle(id);
    else if (readerArticle) renderArticle(el.readerArticle, readerArticle, readerContext());
    if (!el.reader.open) el.reader.showModal();
    return;
  }
  articles.cancel();
  const wasOpen = el.reader.open || readerId !== null;
  readerId = null;
  readerArticle = null;
  if (el.reader.open) el.reader.close();
  if (wasOpen) {
    const back = opener ? el.hits.querySelector<HTMLElement>(`a[data-id="${CSS.escape(opener)}"]`) : null;
    (back ?? el.q).focus();
  }
}

async function loadArticle(id: string): Promise<void> {
  readerId = id;
  readerArticle = null;
  renderReaderMessage(el.readerArticle, t().loadingArticle, true);
  const ticket = articles.begin();
  try {
    const article = await articleApi(id, ticket.signal, state.script);
    if (!ticket.isCurrent()) return;
    readerArticle = article;
    renderArticle(el.readerArticle, article, readerContext());
    byId('reader-title').focus();
  } catch (err) {
    if (isAbort(err) || !ticket.isCurrent()) return;
    readerId = null; // so that opening it again tries again
    const kind = err instanceof ApiFailure ? err.kind : 'other';
    renderReaderMessage(
      el.readerArticle,
      kind === 'not-found' ? t().articleNotFound : kind === 'unavailable' ? t().unavailable : t().genericError,
      false,
    );
    el.readerClose.focus();
  }
}

function openArticle(id: string): void {
  opener = id;
  navigate({ ...state, article: id }, 'push', { openedHere: true });
}

/** Back if this page opened the reader (so Forward reopens it), else drop `a` from the URL. */
function closeReader(): void {
  if (!state.article) return;
  if ((history.state as { openedHere?: boolean } | null)?.openedHere) history.back();
  else navigate({ ...state, article: null }, 'push');
}

// ---- interface language -----------------------------------------------------------------------------------------

function storedUi(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled
  }
}

function setUi(lang: UiLang, remember: boolean): void {
  ui = lang;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // storage disabled: the URL still carries the choice
    }
  }
  render();
  if (state.article && readerArticle) renderArticle(el.readerArticle, readerArticle, readerContext());
}

const readerContext = () => ({ lang: ui, labels: LABELS, locale: locale() });

// ---- script of Kazakh text --------------------------------------------------------------------------------------

function storedScript(): Script | null {
  try {
    const v = localStorage.getItem(SCRIPT_KEY);
    return isScript(v) ? v : null;
  } catch {
    return null;
  }
}

/** Shows Kazakh text in one script (or as written), remembered; results and an open article follow. */
function setScript(script: Script | null): void {
  try {
    if (script) localStorage.setItem(SCRIPT_KEY, script);
    else localStorage.removeItem(SCRIPT_KEY);
  } catch {
    // storage disabled: the URL still carries the choice
  }
  typing = false;
  state = { ...state, script };
  writeUrl('replace');
  renderScriptToggle();
  if (state.article) {
    readerId = null; // reload the article in the new script
  }
  sync();
}

function renderScriptToggle(): void {
  for (const b of el.scriptButtons) {
    b.setAttribute('aria-pressed', String(b.dataset.script === state.script));
    const name = b.dataset.script === 'latn' ? t().scriptLatn : t().scriptCyrl;
    b.title = b.dataset.script === state.script ? `${name} — ${t().scriptAsWritten}?` : name;
  }
}

// ---- events -----------------------------------------------------------------------------------------------------

const plainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

function onTyped(): void {
  const mode = typing ? 'replace' : 'push';
  typing = true;
  lastKeyAt = performance.now();
  state = { ...state, q: el.q.value, page: 1, article: null, correct: true };
  writeUrl(mode);
  updateClearButton();
  suggest.typed();
  document.title = state.q.trim() ? `${state.q.trim()} — izde` : `izde — ${t().tagline}`;
  // At once: aborting the older request is cheaper for the reader than waiting for the typing to pause.
  if (searchQuery(state) !== requested) void search();
}

function onPick(s: Suggestion): void {
  if (s.kind === 'title' && s.id) {
    typing = false;
    openArticle(s.id);
    return;
  }
  navigate({ ...state, q: s.text, page: 1, article: null, correct: true }, typing ? 'replace' : 'push');
}

const suggest = new SuggestBox({ input: el.q, list: el.suggestions, lang: () => ui, onPick });

function listen(): void {
  el.q.addEventListener('input', onTyped);
  el.q.addEventListener('blur', () => (typing = false));
  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    typing = false;
    if (searchQuery(state) !== requested || failure) void search();
  });
  el.clear.addEventListener('click', () => {
    navigate({ ...state, q: '', page: 1, article: null, correct: true }, 'push');
    suggest.close();
    el.q.focus();
  });

  el.facets.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const facet = box.dataset.facet as FacetName | undefined;
    if (!facet || box.dataset.value === undefined) return;
    navigate(toggleFilter(state, facet, box.dataset.value, box.checked), 'push');
  });
  el.facets.addEventListener('click', (e) => {
    const more = (e.target as Element).closest<HTMLElement>('[data-more]');
    if (!more) return;
    const facet = more.dataset.more as FacetName;
    if (facetView.expanded.has(facet)) facetView.expanded.delete(facet);
    else facetView.expanded.add(facet);
    renderFilters();
  });
  // A facet's value search filters on the page: no request.
  el.facets.addEventListener('input', (e) => {
    const box = e.target as HTMLInputElement;
    const facet = box.dataset.facetSearch as FacetName | undefined;
    if (!facet) return;
    facetView.searches[facet] = box.value;
    renderFilters();
  });
  new HistogramControl(el.facets, {
    state: () => state,
    span: (span) => {
      const next = span ? setYearSpan(state, span.from, span.to) : setYearSpan(state, null, null);
      navigate(next, 'push');
    },
    noYear: (on) => navigate(setNoYear(state, on), 'push'),
  });
  el.refinements.addEventListener('click', (e) => {
    const chip = (e.target as Element).closest<HTMLElement>('[data-refinement]');
    if (!chip) return;
    const r = refinements(state)[Number(chip.dataset.refinement)];
    if (!r) return;
    navigate(removeRefinement(state, r), 'push');
    // The chip is gone: keep the keyboard near it.
    (el.refinements.querySelector<HTMLElement>('[data-refinement]') ?? el.q).focus();
  });
  for (const b of el.scriptButtons)
    b.addEventListener('click', () => {
      const script = b.dataset.script;
      if (isScript(script)) setScript(state.script === script ? null : script);
    });
  el.filtersToggle.addEventListener('click', () => {
    const open = el.filters.classList.toggle('open');
    el.filtersToggle.setAttribute('aria-expanded', String(open));
  });
  el.sort.addEventListener('change', () => {
    const sort = el.sort.value as Sort;
    if ((SORTS as readonly string[]).includes(sort)) navigate({ ...state, sort, page: 1 }, 'push');
  });
  document.addEventListener('click', (e) => {
    const action = (e.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'retry') retryNow();
    if (action === 'clear-filters') navigate(clearFilters(state), 'push');
    if (action === 'search-as-typed' && shown?.res.correction) {
      navigate({ ...state, q: shown.res.correction.original, correct: false, page: 1, article: null }, 'push');
    }
  });
  el.clearFilters.addEventListener('click', () => {
    navigate(clearFilters(state), 'push');
    el.q.focus();
  });
  // One click from "nothing found" to an answer.
  el.empty.addEventListener('click', (e) => {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-alternative]');
    const alt = shown?.res.alternatives?.[Number(link?.dataset.alternative)];
    if (!link || !alt || !plainClick(e)) return;
    e.preventDefault();
    navigate(alternativeState(state, alt), 'push');
    el.results.focus({ preventScroll: true });
  });

  el.hits.addEventListener('click', (e) => {
    // An organization or the source on a card: filter by it.
    const filter = (e.target as Element).closest<HTMLAnchorElement>('a[data-filter-facet]');
    if (filter && plainClick(e)) {
      e.preventDefault();
      const facet = filter.dataset.filterFacet as FacetName;
      if (FACET_NAMES.includes(facet) && filter.dataset.filterValue)
        navigate(toggleFilter(state, facet, filter.dataset.filterValue, true), 'push');
      return;
    }
    const link = (e.target as Element).closest<HTMLAnchorElement>('a.hit-link');
    if (!link?.dataset.id || !plainClick(e)) return;
    e.preventDefault();
    openArticle(link.dataset.id);
  });
  el.pager.addEventListener('click', (e) => {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link || !plainClick(e)) return;
    e.preventDefault();
    navigate({ ...state, page: Number(link.dataset.page), article: null }, 'push');
    el.results.focus({ preventScroll: true });
    el.count.scrollIntoView({ block: 'start' }); // the count and sort stay in view above the new page
  });

  el.readerClose.addEventListener('click', closeReader);
  el.reader.addEventListener('cancel', (e) => {
    e.preventDefault(); // Escape: close through history, like the button
    closeReader();
  });
  el.reader.addEventListener('close', () => {
    if (state.article) closeReader(); // closed by the browser itself
  });
  el.reader.addEventListener('click', (e) => {
    if (e.target === el.reader) closeReader(); // the backdrop
  });

  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-ui]')) {
    b.addEventListener('click', () => {
      const lang = b.dataset.ui;
      if (!isUiLang(lang) || lang === ui) return;
      setUi(lang, true);
      writeUrl('replace');
    });
  }

  window.addEventListener('popstate', () => {
    const parsed = parseUrl(location.search);
    typing = false;
    const next = withStoredScript(parsed.state);
    const scriptChanged = next.script !== state.script;
    state = next;
    if (next.script !== parsed.state.script) writeUrl('replace'); // the link shows what the page shows
    if (scriptChanged) {
      renderScriptToggle();
      readerId = null;
    }
    if (parsed.ui && parsed.ui !== ui) setUi(parsed.ui, false);
    sync();
  });
  window.addEventListener('online', () => failure && retryNow());
  // "/" jumps to the search box, as on many search sites.
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || el.reader.open) return;
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    e.preventDefault();
    el.q.focus();
    el.q.select();
  });
}

/**
 * The remembered script unless the link says otherwise: a preference, which going back to a page opened before it was
 * chosen does not undo.
 */
function withStoredScript(parsed: PageState): PageState {
  return new URLSearchParams(location.search).has('script') ? parsed : { ...parsed, script: storedScript() };
}

function start(): void {
  const parsed = parseUrl(location.search);
  state = withStoredScript(parsed.state);
  ui = initialUiLang(parsed.ui, storedUi(), navigator.languages?.length ? navigator.languages : [navigator.language]);
  // Language buttons name each language in itself.
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-ui]'))
    if (!UI_LANGS.includes(b.dataset.ui as UiLang)) b.remove();
  listen();
  applyStatic();
  renderScriptToggle();
  writeUrl('replace');
  sync();
}

start();
