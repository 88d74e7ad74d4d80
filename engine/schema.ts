/**
 * The shape of an article in Meilisearch. Original text is stored for display only; matching runs on analyzed
 * term fields, one pair (title, body) per match tier, so ranking can put exact above stemmed above folded matches
 * and title above body.
 */
export type Tier = 'exact' | 'stem' | 'fold';

export const TIER_FIELDS: Record<Tier, readonly [title: string, body: string]> = {
  exact: ['title_x', 'body_x'],
  stem: ['title_s', 'body_s'],
  fold: ['title_f', 'body_f'],
};

/** Searchable in this order: the attribute ranking rule then prefers title matches over body matches. */
export const SEARCHABLE_FIELDS = [
  TIER_FIELDS.exact[0],
  TIER_FIELDS.stem[0],
  TIER_FIELDS.fold[0],
  TIER_FIELDS.exact[1],
  TIER_FIELDS.stem[1],
  TIER_FIELDS.fold[1],
] as const;

export const FACETS = ['year', 'org', 'lang', 'source'] as const;
export type Facet = (typeof FACETS)[number];

export interface ArticleDocument {
  /** Meilisearch primary key derived from `id` (ids may hold characters Meilisearch refuses). */
  key: string;
  id: string;
  title: string;
  body: string;
  date: string | null;
  year: number | null;
  /** Seconds since the epoch of `date` (or of 1 January of `year`): the recency sort key. */
  ts: number | null;
  dateSource: 'explicit' | 'inferred' | null;
  lang: string;
  source: string | null;
  url: string | null;
  org: string[];
  persons?: string[];
  places?: string[];
  title_x: string;
  title_s: string;
  title_f: string;
  body_x: string;
  body_s: string;
  body_f: string;
}

/** Fields a search hit needs (never the analyzed ones). */
export const HIT_FIELDS = ['id', 'title', 'body', 'date', 'year', 'lang', 'source', 'url', 'org'] as const;
