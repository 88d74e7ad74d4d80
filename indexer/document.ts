import { analyze } from '../analyzers/analyze.js';
import { type EntityMention, findEntities } from '../analyzers/entities.js';
import { entityToken } from '../analyzers/entity-token.js';
import { indexKeys } from '../analyzers/index-keys.js';
import type { AnalyzedToken } from '../analyzers/types.js';
import type { ArticleDocument } from '../engine/schema.js';
import { documentKey } from './key.js';
import type { Article } from './types.js';

interface TermFields {
  x: string;
  s: string;
  f: string;
}

/**
 * The three analyzed fields of one text. Stopwords are left out (so Meilisearch cannot match «НАТО» as «на то»),
 * and after each entity mention its language-independent entity token is added to every tier, so «ШЫҰ»,
 * «ШОС» and «SCO» meet.
 */
export function termFields(tokens: readonly AnalyzedToken[], mentions: readonly EntityMention[]): TermFields {
  const after = new Map<number, string[]>();
  for (const m of mentions) {
    const list = after.get(m.lastToken) ?? [];
    list.push(entityToken(m.code));
    after.set(m.lastToken, list);
  }
  const x: string[] = [];
  const s: string[] = [];
  const f: string[] = [];
  /** A synthetic token (entity, name skeleton) goes into every tier, so the tiers stay aligned word by word. */
  const everyTier = (token: string) => {
    x.push(token);
    s.push(token);
    f.push(token);
  };
  tokens.forEach((t, i) => {
    const k = indexKeys(t);
    if (k) {
      x.push(k.exact);
      s.push(k.stem);
      f.push(k.fold);
      if (k.name) everyTier(k.name);
    }
    for (const e of after.get(i) ?? []) everyTier(e);
  });
  return { x: x.join(' '), s: s.join(' '), f: f.join(' ') };
}

/** Mentions that stand on their own, plus ambiguous ones the article's context confirmed (its `orgs`). */
function confirmedMentions(text: string, tokens: readonly AnalyzedToken[], article: Article): EntityMention[] {
  return findEntities(tokens, { text }).filter((m) => !m.ambiguous || article.orgs.includes(m.code));
}

/** Seconds since the epoch of the article's date, or of 1 January of its year: the recency sort key. */
export function sortTimestamp(date: string | null, year: number | null): number | null {
  const parsed = date ? Date.parse(date) : NaN;
  if (!Number.isNaN(parsed)) return Math.floor(parsed / 1000);
  return year === null ? null : Math.floor(Date.UTC(year, 0, 1) / 1000);
}

/** The Meilisearch document of an article: original text for display, analyzed term fields for matching. */
export function toDocument(article: Article): ArticleDocument {
  const titleTokens = analyze(article.title);
  const bodyTokens = analyze(article.body);
  const title = termFields(titleTokens, confirmedMentions(article.title, titleTokens, article));
  const body = termFields(bodyTokens, confirmedMentions(article.body, bodyTokens, article));
  return {
    key: documentKey(article.id),
    id: article.id,
    title: article.title,
    body: article.body,
    date: article.date,
    year: article.year,
    ts: sortTimestamp(article.date, article.year),
    dateSource: article.dateSource,
    lang: article.lang,
    source: article.source,
    url: article.url,
    org: article.orgs,
    ...(article.persons ? { persons: article.persons } : {}),
    ...(article.places ? { places: article.places } : {}),
    title_x: title.x,
    title_s: title.s,
    title_f: title.f,
    body_x: body.x,
    body_s: body.s,
    body_f: body.f,
  };
}
