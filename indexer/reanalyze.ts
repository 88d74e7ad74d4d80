import { analyzeArticle } from '../analyzers/index.js';
import type { ArticleDocument } from '../engine/index.js';
import { toDocument } from './document.js';
import type { Article } from './types.js';

/** The fields of a stored document that hold the clean article (everything else is derived from them). */
export const ARTICLE_FIELDS = [
  'key',
  'id',
  'title',
  'body',
  'date',
  'year',
  'dateSource',
  'lang',
  'source',
  'url',
  'origin',
  'hash',
] as const;

export type StoredArticle = Pick<ArticleDocument, (typeof ARTICLE_FIELDS)[number]>;

/**
 * A stored article's document made again with the current analyzers: term fields, completions, organizations,
 * places and persons (which come from the gazetteer) are new; the clean article, its origin and hash stay.
 */
export function reanalyzed(stored: StoredArticle): ArticleDocument {
  const title = stored.title ?? '';
  const body = stored.body ?? '';
  const analysis = analyzeArticle(title, body);
  const article: Article = {
    id: stored.id,
    title,
    body,
    date: stored.date ?? null,
    year: stored.year ?? null,
    dateSource: stored.dateSource ?? null,
    lang: stored.lang,
    source: stored.source ?? null,
    url: stored.url ?? null,
    orgs: analysis.orgs,
    persons: analysis.persons,
    places: analysis.places,
  };
  return toDocument(article, { origin: stored.origin ?? '', hash: stored.hash ?? '' }, analysis);
}
