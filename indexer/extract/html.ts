// HTML pages: structured metadata first (JSON-LD NewsArticle, Open Graph, article:published_time, <title>),
// then the article's container as text with its block structure, then the same text rules as .txt pages.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { ExtractError } from './errors.js';
import { extractPage } from './page.js';
import { type ExtractHint, type PreparedArticle, preparedArticle } from './prepared.js';
import { normalizeSource } from './source.js';
import { cleanTitle } from './title.js';

type Doc = cheerio.CheerioAPI;

export interface HtmlMeta {
  title: string | null;
  date: string | null;
  url: string | null;
  /** The publisher's site (JSON-LD publisher, og:site_name) as a facet value, when it names a domain. */
  publisher: string | null;
  lang: string | null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage)$/;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function* walk(v: Json): Generator<{ [k: string]: Json }> {
  if (Array.isArray(v)) for (const x of v) yield* walk(x);
  else if (v && typeof v === 'object') {
    yield v;
    const graph = v['@graph'];
    if (graph) yield* walk(graph);
  }
}

const str = (v: Json | undefined): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str(v.name ?? v.url ?? v['@id']);
  return null;
};

function jsonLd($: Doc): { headline?: string; date?: string; url?: string; publisher?: string } {
  let best: { headline?: string; date?: string; url?: string; publisher?: string } = {};
  $('script[type="application/ld+json"]').each((_, el) => {
    let data: Json;
    try {
      data = JSON.parse($(el).text()) as Json;
    } catch {
      return; // broken JSON-LD is common; the other metadata still apply
    }
    for (const o of walk(data)) {
      const types = ([] as Json[]).concat(o['@type'] ?? []).map(String);
      if (!types.some((t) => ARTICLE_TYPES.test(t))) continue;
      const isNews = !types.includes('WebPage');
      const cand = {
        headline: str(o.headline) ?? str(o.name) ?? undefined,
        date: str(o.datePublished) ?? str(o.dateCreated) ?? undefined,
        url: str(o.url) ?? str(o.mainEntityOfPage) ?? undefined,
        publisher: (() => {
          const p = o.publisher;
          if (p && typeof p === 'object' && !Array.isArray(p)) return str(p.url) ?? str(p.name) ?? undefined;
          return str(p) ?? undefined;
        })(),
      };
      if (isNews || !best.headline)
        best = { ...best, ...Object.fromEntries(Object.entries(cand).filter(([, v]) => v)) };
    }
  });
  return best;
}

const meta = ($: Doc, ...selectors: string[]): string | null => {
  for (const s of selectors) {
    const v = $(s).first().attr('content')?.trim();
    if (v) return v;
  }
  return null;
};

export function htmlMeta($: Doc): HtmlMeta {
  const ld = jsonLd($);
  const title =
    ld.headline ??
    meta($, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
    ($('title').first().text().trim() || null) ??
    ($('h1').first().text().trim() || null);
  const date =
    ld.date ??
    meta(
      $,
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dcterms.created"]',
    ) ??
    ($('[itemprop="datePublished"]').first().attr('datetime') || null) ??
    ($('article time[datetime]').first().attr('datetime') || null);
  const url = meta($, 'meta[property="og:url"]') ?? ($('link[rel="canonical"]').attr('href') || null) ?? ld.url ?? null;
  const siteName = meta($, 'meta[property="og:site_name"]');
  const pub = normalizeSource(ld.publisher ?? siteName);
  return {
    title: title ? cleanTitle(title) : null,
    date,
    url: url && /^https?:\/\//i.test(url) ? url : null,
    publisher: pub?.includes('.') ? pub : null,
    lang: $('html').attr('lang')?.trim() || null,
  };
}

/** Elements that are never article text. */
const DROP =
  'script, style, noscript, template, svg, canvas, nav, aside, form, iframe, button, select, input, textarea, footer, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden]';
/** Class/id words of page furniture containers (related lists, share bars, comments, ads, menus, …). */
const JUNK =
  /(?:^|[\s_-])(?:related|recommend\w*|similar|more-news|read-also|readmore|share|sharing|social|comments?|subscribe|subscription|newsletter|advert\w*|ads?|banner|promo|breadcrumbs?|tags?|popular|most-read|sidebar|widget|menu|navbar|nav|cookie|footer|copyright|author-box|rating|views?)(?:$|[\s_-])/i;
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'blockquote',
  'figure',
  'figcaption',
  'pre',
  'dl',
  'dt',
  'dd',
  'br',
  'hr',
  'address',
  'time',
]);

/** The element most likely to hold the article: <article>, articleBody, <main>, or the body. */
function contentRoot($: Doc): cheerio.Cheerio<AnyNode> {
  const candidates = [
    '[itemprop="articleBody"]',
    'article',
    '[role="main"]',
    'main',
    '.article-body, .article__body, .news-body, .entry-content, .post-content, .article-content, .news-text, .full-text',
  ];
  for (const sel of candidates) {
    const found = $(sel);
    if (found.length === 0) continue;
    let best = found.first();
    let bestLen = best.text().length;
    found.each((_, el) => {
      const len = $(el).text().length;
      if (len > bestLen) {
        best = $(el);
        bestLen = len;
      }
    });
    if (bestLen >= 200) return best;
  }
  return $('body').length ? $('body') : $.root();
}

/** Text of a DOM subtree with one line per block and «• » before list items. */
function blockText(root: cheerio.Cheerio<AnyNode>): string {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/gu, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const visit = (node: AnyNode) => {
    if (node.type === 'text' && 'data' in node) {
      line += node.data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const name = el.name.toLowerCase();
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === 'li') line += '• ';
    for (const c of el.children) visit(c);
    if (block) flush();
  };
  root.each((_, el) => visit(el));
  flush();
  return out.join('\n');
}

/** An HTML page's article fields, before analysis (extractFromHtml in article.ts finishes it). */
export function prepareHtml(html: string, hint: ExtractHint): PreparedArticle {
  const $ = cheerio.load(html);
  const m = htmlMeta($);
  const root = contentRoot($);
  root.find(DROP).remove();
  root.find('*').each((_, el) => {
    const e = $(el);
    const cls = `${e.attr('class') ?? ''} ${e.attr('id') ?? ''}`;
    // Junk containers only: a class like "share" on the article element itself must not remove the article.
    if (cls.trim() && JUNK.test(cls) && e.text().length < 0.5 * root.text().length) e.remove();
  });
  // A page header above the article's own header (site logo, menu, "today" date) is not article text.
  root.find('header').each((_, el) => {
    if ($(el).closest('article').length === 0) $(el).remove();
  });
  const text = blockText(root);
  if (!/\p{L}/u.test(text) && !m.title) throw new ExtractError('NO_TEXT', 'the HTML page has no text');
  const page = extractPage(text, { title: m.title, date: m.date, url: m.url ?? hint.url ?? null, site: m.publisher });
  return preparedArticle(page, { ...hint, url: m.url ?? hint.url ?? null });
}
