import type { ArticleAnalysis } from '../analyzers/index.js';

/** An input record as the contract defines it (.json/.jsonl); unknown fields are kept. */
export interface SourceRecord {
  id?: string;
  lang?: string | null;
  title?: string | null;
  date?: string | null;
  source?: string | null;
  url?: string | null;
  text: string;
  [field: string]: unknown;
}

/** How the date/year of an article was found. */
export type DateSource = 'explicit' | 'inferred';

/** A clean article: what the indexer turns into a Meilisearch document. */
export interface Article {
  /** The record's own id (file name without extension for .txt/.html): shown by the API as is. */
  id: string;
  title: string;
  /** Clean text: page furniture removed; paragraphs separated by blank lines. */
  body: string;
  /** ISO 8601 (YYYY-MM-DD, or with time when the page gives one), or null when only the year (or nothing) is known. */
  date: string | null;
  year: number | null;
  dateSource: DateSource | null;
  /** BCP 47: kk, kk-Latn, ru, or another language. */
  lang: string;
  /** Normalized facet value, e.g. `zakon.kz`; null when unknown. */
  source: string | null;
  url: string | null;
  /** Organization codes from the contract (CIS, SCO, ...), sorted, unique. */
  orgs: string[];
  /** Optional extras, where they come cheaply. */
  persons?: string[];
  places?: string[];
}

/** An article as extraction gives it: with the one analysis of its title and body, which the document reuses. */
export interface ExtractedArticle extends Article {
  analysis: ArticleAnalysis;
}
