/** The reader view: one article in a modal <dialog> (focus stays inside, Escape closes, focus returns). */
import type { ArticleResponse } from './api-types.js';
import { h } from './dom.js';
import {
  formatDate,
  hostOf,
  isoDay,
  langName,
  type OrgLabels,
  orgFullName,
  orgName,
  paragraphs,
  safeHttpUrl,
} from './format.js';
import { MESSAGES, type UiLang } from './i18n.js';
import { contentLang } from './render.js';

export interface ReaderContext {
  lang: UiLang;
  labels: OrgLabels;
  /** The locale dates are written in. */
  locale?: string;
}

/** Everything is text: title and body go in through text nodes, so markup in an article is shown, never run. */
export function renderArticle(container: HTMLElement, article: ArticleResponse, ctx: ReaderContext): void {
  const t = MESSAGES[ctx.lang];
  // A Kazakh article converted for display is in the script it was converted to.
  const lang = article.script === 'latn' ? 'kk-Latn' : article.script === 'cyrl' ? 'kk' : contentLang(article.lang);
  const date = formatDate(article.date, article.year, ctx.lang, ctx.locale);
  const day = isoDay(article.date);
  const url = safeHttpUrl(article.url);
  const facts: HTMLElement[] = [
    h(
      'div',
      {},
      h('dt', {}, t.published),
      h(
        'dd',
        {},
        date ? h('time', { datetime: day }, date) : t.noDate,
        date && article.dateSource === 'inferred' ? ` (${t.dateInferred})` : null,
      ),
    ),
  ];
  if (article.source) facts.push(h('div', {}, h('dt', {}, t.source), h('dd', {}, article.source)));
  facts.push(h('div', {}, h('dt', {}, t.language), h('dd', {}, langName(article.lang, ctx.lang))));
  if (article.orgs.length) {
    facts.push(
      h(
        'div',
        {},
        h('dt', {}, t.organizations),
        h(
          'dd',
          {},
          h(
            'ul',
            { class: 'chips' },
            ...article.orgs.map((c) =>
              h('li', { class: 'chip', title: orgFullName(c, ctx.lang, ctx.labels) }, orgName(c, ctx.lang, ctx.labels)),
            ),
          ),
        ),
      ),
    );
  }
  const original = url
    ? h(
        'p',
        { class: 'reader-original' },
        h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, `${t.readOriginal} — ${hostOf(url)} ↗`),
      )
    : null;
  container.replaceChildren(
    h('h2', { id: 'reader-title', class: 'reader-title', lang, tabindex: '-1' }, article.title),
    h('dl', { class: 'reader-facts' }, ...facts),
    h('div', { class: 'reader-body', lang }, ...paragraphs(article.body).map((p) => h('p', {}, p))),
    ...(original ? [original] : []),
  );
}

export function renderReaderMessage(container: HTMLElement, message: string, busy: boolean): void {
  container.replaceChildren(
    h(
      'p',
      {
        id: 'reader-title',
        class: busy ? 'reader-loading' : 'reader-error',
        tabindex: '-1',
        role: busy ? null : 'alert',
      },
      message,
    ),
  );
}
