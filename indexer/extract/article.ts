// The last step shared by text, HTML and record extraction: language and named entities of the clean text,
// and the Article shape the indexer stores.

import type { LangTag } from '../../analyzers/index.js';
import { analyzeArticle } from '../../analyzers/index.js';
import type { ExtractedArticle } from '../types.js';
import { ExtractError } from './errors.js';
import type { PageFields } from './page.js';

export interface ExtractHint {
  /** The article id (file name without extension, or the record's id). */
  id: string;
  path?: string;
  url?: string | null;
}

/** BCP 47 of a detected language; `other` (neither Kazakh nor Russian) is `und`, BCP 47's "undetermined". */
export function bcp47(tag: LangTag): string {
  return tag === 'other' ? 'und' : tag;
}

/** A language tag from outside (a record, <html lang>) when it is a usable BCP 47 tag; normalized. */
export function validLang(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(t)) return null;
  const [primary, ...rest] = t.split('-');
  let p = (primary ?? '').toLowerCase();
  if (p === 'kz' || p === 'kaz') p = 'kk'; // "kz" is the country, often used for the language
  if (p === 'rus') p = 'ru';
  const sub = rest.map((s) =>
    s.length === 4 ? s.charAt(0).toUpperCase() + s.slice(1).toLowerCase() : s.length === 2 ? s.toUpperCase() : s,
  );
  return [p, ...sub].join('-');
}

/**
 * Longest article text analyzed: a news article is rarely over 100,000 characters, and Meilisearch reads only the
 * first 65,535 words of a field anyway. Far longer text is a dump in one record, whose analysis alone would take
 * hundreds of megabytes (the indexer stays within 300 MB), so it is reported and skipped.
 */
export const MAX_BODY_CHARS = 1_000_000;

/**
 * The clean article from a page's fields, with the one analysis of its title and body: language and entities come
 * from it here, and the document builder reuses it for the term fields.
 */
export function finishArticle(
  page: PageFields,
  hint: ExtractHint & { lang?: string | null; langHint?: string | null },
): ExtractedArticle {
  if (page.body.length > MAX_BODY_CHARS) {
    throw new ExtractError(
      'TOO_LONG',
      `the text is ${page.body.length.toLocaleString('en')} characters long, over the ${MAX_BODY_CHARS.toLocaleString('en')} an article may have (a whole dump in one record?)`,
    );
  }
  const analysis = analyzeArticle(page.title, page.body);
  const lang = validLang(hint.lang) ?? bcp47(analysis.lang);
  const { orgs, persons, places } = analysis;
  return {
    id: hint.id,
    title: page.title,
    body: page.body,
    date: page.date,
    year: page.year,
    dateSource: page.dateSource,
    lang,
    source: page.source,
    url: hint.url ?? null,
    orgs,
    persons,
    places,
    analysis,
  };
}
