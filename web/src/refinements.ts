/**
 * The current refinements as removable chips above the results, with "clear all" (InstantSearch's
 * currentRefinements + clearRefinements). Each chip is a button named «Remove filter: Organization ШОС»; the span of
 * years is one chip.
 */
import { h } from './dom.js';
import { langName, type OrgLabels, orgName } from './format.js';
import { fill, MESSAGES, type Messages, type UiLang } from './i18n.js';
import { NO_YEAR, type PageState, type Refinement, refinements } from './state.js';

const FACET_TITLE = { year: 'facetYear', org: 'facetOrg', lang: 'facetLang', source: 'facetSource' } as const;

/** A refinement's visible value: «2019–2021», «2024 –», «ШОС», «Қазақша (латын)». */
export function refinementText(r: Refinement, lang: UiLang, labels: OrgLabels): string {
  const t = MESSAGES[lang];
  if (r.kind === 'span') {
    const { from, to } = r.span;
    if (from !== null && to !== null) return from === to ? String(from) : fill(t.yearSpan, { from, to });
    return from !== null ? `≥ ${from}` : `≤ ${to}`;
  }
  if (r.facet === 'year') return r.value === NO_YEAR ? t.noYear : r.value;
  if (r.facet === 'org') return orgName(r.value, lang, labels);
  if (r.facet === 'lang') return langName(r.value, lang);
  return r.value;
}

const facetOf = (r: Refinement) => (r.kind === 'span' ? 'year' : r.facet);

/** Chips for every refinement of `state`, in a list; empty (and hidden) when nothing is selected. */
export function renderRefinements(container: HTMLElement, state: PageState, lang: UiLang, labels: OrgLabels): void {
  const t: Messages = MESSAGES[lang];
  const list = refinements(state);
  container.hidden = list.length === 0;
  if (list.length === 0) {
    container.replaceChildren();
    return;
  }
  const chips = list.map((r, i) => {
    const facetTitle = t[FACET_TITLE[facetOf(r)]];
    const value = refinementText(r, lang, labels);
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'refinement',
          'data-refinement': String(i),
          'aria-label': fill(t.removeFilter, { name: `${facetTitle} ${value}` }),
        },
        h('span', { class: 'refinement-facet' }, `${facetTitle}:`),
        ' ',
        h('span', { class: 'refinement-value' }, value),
        h('span', { class: 'refinement-x', 'aria-hidden': 'true' }, '×'),
      ),
    );
  });
  container.replaceChildren(
    h(
      'ul',
      { class: 'refinements-list', 'aria-label': t.refinements },
      ...chips,
      h('li', {}, h('button', { type: 'button', class: 'link-button', 'data-action': 'clear-filters' }, t.clearAll)),
    ),
  );
}
