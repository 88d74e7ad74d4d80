/**
 * What the page says when nothing matched: the query, then the nearest answers the API found (`alternatives`) as
 * one-click links with their counts — the same query without the filters, the same words in the other language,
 * partial matches (clearly labelled as only some of the words) — and the spelling hint only when there is nothing
 * to offer.
 */
import type { SearchResponse } from './api-types.js';
import { h } from './dom.js';
import { langName } from './format.js';
import { fill, MESSAGES, type Messages, plural, type UiLang } from './i18n.js';
import { clearFilters, hasFilters, type PageState, toUrl } from './state.js';

type Alternative = NonNullable<SearchResponse['alternatives']>[number];

const GROUP_TITLE: Record<Alternative['kind'], keyof Messages> = {
  unfiltered: 'altUnfiltered',
  'other-language': 'altOtherLanguage',
  partial: 'altPartial',
};

/** «1 article — Russian», «12 articles — Kazakh (Latin) 10, Russian 2». */
export function countWithLanguages(total: number, langs: Record<string, number>, lang: UiLang): string {
  const count = plural(lang, MESSAGES[lang].browseCount, total);
  const parts = Object.entries(langs).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (parts.length === 0) return count;
  if (parts.length === 1) return `${count} — ${langName(parts[0]?.[0] ?? '', lang)}`;
  return `${count} — ${parts.map(([l, n]) => `${langName(l, lang)} ${n}`).join(', ')}`;
}

/** The state an alternative leads to: its query (and no filters for `unfiltered`), page 1. */
export function alternativeState(state: PageState, alt: Alternative): PageState {
  const base = alt.kind === 'unfiltered' ? clearFilters(state) : state;
  return { ...base, q: alt.query, page: 1, article: null, correct: true };
}

export function renderEmpty(container: HTMLElement, res: SearchResponse, state: PageState, lang: UiLang): void {
  if (res.total > 0 || res.hits.length > 0) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  const t = MESSAGES[lang];
  container.hidden = false;
  const parts: HTMLElement[] = [];
  if (res.query.trim()) parts.push(h('p', { class: 'empty-title' }, fill(t.noResults, { q: res.query.trim() })));
  const alternatives = res.alternatives ?? [];
  if (alternatives.length > 0) {
    parts.push(h('p', { class: 'alternatives-title' }, t.alternativesTitle));
    const groups = (['unfiltered', 'other-language', 'partial'] as const).flatMap((kind) => {
      const items = alternatives.filter((a) => a.kind === kind);
      if (items.length === 0) return [];
      return [
        h(
          'div',
          { class: 'alternatives-group', 'data-kind': kind },
          h('p', { class: 'alternatives-kind' }, t[GROUP_TITLE[kind]] as string),
          h(
            'ul',
            { class: 'alternatives' },
            ...items.map((alt) =>
              h(
                'li',
                {},
                h(
                  'a',
                  {
                    class: 'alternative',
                    href: toUrl(alternativeState(state, alt), lang),
                    'data-alternative': String(alternatives.indexOf(alt)),
                  },
                  h('span', { class: 'alternative-query' }, `«${alt.query}»`),
                ),
                ' ',
                h('span', { class: 'alternative-count' }, countWithLanguages(alt.total, alt.langs, lang)),
              ),
            ),
          ),
        ),
      ];
    });
    parts.push(...groups);
  } else {
    parts.push(h('p', {}, t.noResultsHint));
    if (hasFilters(state))
      parts.push(h('button', { type: 'button', class: 'button', 'data-action': 'clear-filters' }, t.clearFilters));
  }
  container.replaceChildren(...parts);
}
