// An article between the two steps of extraction: the page's fields found (title, clean body, date, source — text
// work only), the analysis not yet run. The indexer's reading thread makes it and hands it to the thread that
// analyzes (indexer/document-maker.ts), so this module and the ones making it import no analyzer data.

import { ExtractError } from './errors.js';
import type { PageFields } from './page.js';

export interface ExtractHint {
  /** The article id (file name without extension, or the record's id). */
  id: string;
  path?: string;
  url?: string | null;
}

/** The fields of a page that make the article (the classified lines stay behind: they are for diagnostics). */
export type PageText = Pick<PageFields, 'title' | 'body' | 'date' | 'year' | 'dateSource' | 'source'>;

/** A page's fields and what is known of the article from outside: plain data, cheap to pass to another thread. */
export interface PreparedArticle {
  page: PageText;
  id: string;
  url: string | null;
  /** A language tag from the input (a record's `lang`), when it is a usable BCP 47 tag. */
  lang: string | null;
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

/** The prepared article of a page's fields (throws ExtractError for a text too long to analyze). */
export function preparedArticle(page: PageFields, hint: ExtractHint & { lang?: string | null }): PreparedArticle {
  if (page.body.length > MAX_BODY_CHARS) {
    throw new ExtractError(
      'TOO_LONG',
      `the text is ${page.body.length.toLocaleString('en')} characters long, over the ${MAX_BODY_CHARS.toLocaleString('en')} an article may have (a whole dump in one record?)`,
    );
  }
  const { title, body, date, year, dateSource, source } = page;
  return {
    page: { title, body, date, year, dateSource, source },
    id: hint.id,
    url: hint.url ?? null,
    lang: validLang(hint.lang),
  };
}
