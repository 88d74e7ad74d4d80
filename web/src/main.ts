/**
 * The page's controller. The URL holds the state (see state.ts); every change goes through navigate(), which writes
 * the URL and then sync() brings the page in line: a new search if the search changed, the reader open or closed.
 * Typing debounces, and a run of keystrokes shares one history entry so Back goes to the previous search, not the
 * previous letter.
 */
import { ApiFailure, articleApi, isAbort, searchApi } from './api.js';
import type { ArticleResponse, SearchResponse, Suggestion } from './api-types.js';
import { byId, h } from './dom.js';
import type { OrgLabels } from './format.js';
import { fill, initialUiLang, isUiLang, MESSAGES, type Messages, plural, UI_LANGS, type UiLang } from './i18n.js';
import { Debounced, LatestOnly } from './latest.js';
import { renderArticle, renderReaderMessage } from './reader.js';
import { renderFacets, renderHits, renderPager } from './render.js';
import {
  emptyFilters,
  FACET_NAMES,
  type FacetName,
  hasFilters,
  type PageState,
  parseUrl,
  SORTS,
  type Sort,
  searchQuery,
  toggleFilter,
  toUrl,
} from './state.js';
import { SuggestBox } from './suggest-box.js';

/** Organization names by code, put in by web/build.ts from analyzers/data/gazetteer.json. */
declare const __ORG_LABELS__: OrgLabels;
const LABELS: OrgLabels = typeof __ORG_LABELS__ === 'object' ? __ORG_LABELS__ : {};

const STORAGE_KEY = 'izde.ui';
const TYPING_DEBOUNCE_MS = 130;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 8000;
/** Show "searching…" only when an answer is slow, so fast answers do not flicker. */
const BUSY_DELAY_MS = 200;

const el = {
  form: byId<HTMLFormElement>('search-form'),
  q: byId<HTMLInputElement>('q'),
  clear: byId<HTMLButtonElement>('clear'),
  suggestions: byId<HTMLUListElement>('suggestions'),
  filters: byId('filters'),
  facets: byId('facets'),
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
const expanded = new Set<FacetName>();
const searches = new LatestOnly();
const articles = new LatestOnly();
const debounced = new Debounced(() => void search(), TYPING_DEBOUNCE_MS);
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
  if (searchQuery(state) !== requested) {
    debounced.cancel();
    void search();
  } else if (shown) render();
  syncReader();
}

// ---- searching --------------------------------------------------------------------------------------------------

async function search(): Promise<void> {
  clearTimeout(retryTimer);
  const asked = state;
  const query = searchQuery(asked);
  requested = query;
  const ticket = searches.begin();
  setBusy(true);
  try {
    const res = await searchApi(query, ticket.signal);
    if (!ticket.isCurrent()) return; // a newer search started meanwhile: its answer is the one to show
    failure = null;
    retryDelay = FIRST_RETRY_MS;
    shown = { res, state: asked };
    render();
  } catch (err) {
    if (isAbort(err) || !ticket.isCurrent()) return;
    failure = err instanceof ApiFailure ? err : new ApiFailure('other', 0, String(err));
    if (failure.kind === 'unavailable' || failure.kind === 'rate-limited') {
      retryTimer = setTimeout(() => void search(), retryDelay);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
    }
    renderStatus();
  } finally {
    if (ticket.isCurrent()) setBusy(false);
  }
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
  const ctx = { lang: ui, labels: LABELS, state: s };
  el.results.dataset.shown = searchQuery(s);
  const browsing = res.query.trim() === '';
  el.count.textContent = browsing
    ? `${m.browseHeading} · ${plural(ui, m.browseCount, res.total)}`
    : plural(ui, m.resultCount, res.total);
  el.took.textContent = `${res.tookMs} ms`;
  renderHits(el.hits, res, ctx);

  // Re-rendering replaces the checkboxes: put keyboard focus back on the same one.
  const focused = document.activeElement as HTMLElement | null;
  const focusKey = focused?.dataset.facet
    ? { facet: focused.dataset.facet, value: focused.dataset.value, more: focused.dataset.more }
    : null;
  renderFacets(el.facets, res, ctx, expanded);
  if (focusKey) {
    const selector = focusKey.more
      ? `[data-more="${CSS.escape(focusKey.more)}"]`
      : `input[data-facet="${CSS.escape(focusKey.facet ?? '')}"][data-value="${CSS.escape(focusKey.value ?? '')}"]`;
    el.facets.querySelector<HTMLElement>(selector)?.focus();
  }
  el.clearFilters.hidden = !hasFilters(s.filters);
  renderPager(el.pager, res, ctx);
  renderEmpty(res, s);
  renderStatus();
}

function renderFilterToggle(): void {
  const selected = FACET_NAMES.reduce((n, f) => n + state.filters[f].length, 0);
  el.filtersToggle.textContent = selected ? `${t().filters} (${selected})` : t().filters;
}

function renderEmpty(res: SearchResponse, s: PageState): void {
  if (res.total > 0 || res.hits.length > 0) {
    el.empty.hidden = true;
    el.empty.replaceChildren();
    return;
  }
  const m = t();
  el.empty.hidden = false;
  const parts: HTMLElement[] = [];
  if (res.query.trim()) parts.push(h('p', { class: 'empty-title' }, fill(m.noResults, { q: res.query.trim() })));
  parts.push(h('p', {}, m.noResultsHint));
  if (hasFilters(s.filters))
    parts.push(h('button', { type: 'button', class: 'button', 'data-action': 'clear-filters' }, m.clearFilters));
  el.empty.replaceChildren(...parts);
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
    else if (readerArticle) renderArticle(el.readerArticle, readerArticle, { lang: ui, labels: LABELS });
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
    const article = await articleApi(id, ticket.signal);
    if (!ticket.isCurrent()) return;
    readerArticle = article;
    renderArticle(el.readerArticle, article, { lang: ui, labels: LABELS });
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
  if (state.article && readerArticle) renderArticle(el.readerArticle, readerArticle, { lang: ui, labels: LABELS });
}

// ---- events -----------------------------------------------------------------------------------------------------

const plainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

function onTyped(): void {
  const mode = typing ? 'replace' : 'push';
  typing = true;
  state = { ...state, q: el.q.value, page: 1, article: null, correct: true };
  writeUrl(mode);
  updateClearButton();
  suggest.typed();
  document.title = state.q.trim() ? `${state.q.trim()} — izde` : `izde — ${t().tagline}`;
  if (searchQuery(state) !== requested) debounced.schedule();
  else debounced.cancel();
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
    debounced.cancel();
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
    if (expanded.has(facet)) expanded.delete(facet);
    else expanded.add(facet);
    render();
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
    if (action === 'clear-filters') navigate({ ...state, filters: emptyFilters(), page: 1 }, 'push');
    if (action === 'search-as-typed' && shown?.res.correction) {
      navigate({ ...state, q: shown.res.correction.original, correct: false, page: 1, article: null }, 'push');
    }
  });
  el.clearFilters.addEventListener('click', () => {
    navigate({ ...state, filters: emptyFilters(), page: 1 }, 'push');
    el.q.focus();
  });

  el.hits.addEventListener('click', (e) => {
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
    state = parsed.state;
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

function start(): void {
  const parsed = parseUrl(location.search);
  state = parsed.state;
  ui = initialUiLang(parsed.ui, storedUi(), navigator.languages?.length ? navigator.languages : [navigator.language]);
  // Language buttons name each language in itself.
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-ui]'))
    if (!UI_LANGS.includes(b.dataset.ui as UiLang)) b.remove();
  listen();
  applyStatic();
  writeUrl('replace');
  sync();
}

start();
