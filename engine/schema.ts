import { createHash } from 'node:crypto';

/**
 * The shape of an article in Meilisearch. The original text is stored for display only; matching runs on analyzed
 * term fields, one per match tier (exact > stem > fold), so ranking can put exact above stemmed above folded matches.
 *
 * The body is searched in PASSAGES: its sentences, each in a field of its own, in reading order (a long article puts
 * runs of consecutive sentences in one passage). Two things follow:
 * - "near" means "in the same sentence": the index uses Meilisearch's `proximityPrecision: byAttribute`, which builds
 *   no word-pair database (its most expensive part) and tells only whether words share a field, so a passage is the
 *   unit in which the words of a query must meet;
 * - the `attribute` ranking rule sees the passage a word stands in: title above lead above the rest of the body,
 *   earlier sentences above later ones.
 * The exact tier covers the title and the lead (the first sentences) only: an exact form deep in the body ranks as a
 * stem match.
 */
export type Tier = 'exact' | 'stem' | 'fold';

/** Passages of the body: its sentences, one per passage while they last (runs of consecutive ones after). */
export const PASSAGES = 64;

const TIER_SUFFIX: Record<Tier, string> = { exact: 'x', stem: 's', fold: 'f' };

export type TitleField = `title_${'x' | 's' | 'f'}`;
export type PassageField = `p${number}_${'x' | 's' | 'f'}`;
export type TermField = TitleField | PassageField;

/** The field of a tier in the title or in passage `p` of the body. */
export const titleField = (tier: Tier): TitleField => `title_${TIER_SUFFIX[tier]}` as TitleField;
export const passageField = (p: number, tier: Tier): PassageField => `p${p}_${TIER_SUFFIX[tier]}` as PassageField;

/** The lead: the first passages (an article's first sentences), where exact forms are kept too. */
export const LEAD_PASSAGES = 2;

/** Whether passage `p` has a field of this tier (the exact tier stops after the lead). */
export const hasTier = (p: number, tier: Tier): boolean => tier !== 'exact' || p < LEAD_PASSAGES;

const passages = Array.from({ length: PASSAGES }, (_, p) => p);

/** The fields a query of one tier searches: the title's, then every passage's of that tier. */
export const TIER_FIELDS: Record<Tier, readonly TermField[]> = {
  exact: [titleField('exact'), ...passages.filter((p) => hasTier(p, 'exact')).map((p) => passageField(p, 'exact'))],
  stem: [titleField('stem'), ...passages.map((p) => passageField(p, 'stem'))],
  fold: [titleField('fold'), ...passages.map((p) => passageField(p, 'fold'))],
};

/**
 * The article's salient words (indexer/document.ts salientOf), searched by their own query only
 * (attributesToSearchOn), which ranks several mentions above one — Meilisearch counts no term frequency: `sal_t`
 * holds the words of the title and the lead, `sal_m` those mentioned at least twice elsewhere, the most mentioned
 * first. The attribute rule ranks the first field's hits above the second's.
 */
export const SALIENT_FIELDS = ['sal_t', 'sal_m'] as const;
export type SalientField = (typeof SALIENT_FIELDS)[number];

/**
 * Searchable in reading order — title, lead, then the body's passages — so the attribute rule ranks by place. The
 * salient words come first: the attribute rule scores a field by its place in this list even in a query restricted
 * to it, and no tier query can match them (their keys are marked apart, analyzers/index-keys.ts salientKey).
 */
export const SEARCHABLE_FIELDS: readonly (TermField | SalientField)[] = [
  ...SALIENT_FIELDS,
  titleField('exact'),
  titleField('stem'),
  titleField('fold'),
  ...passages.flatMap((p) =>
    (['exact', 'stem', 'fold'] as const).filter((t) => hasTier(p, t)).map((t) => passageField(p, t)),
  ),
];

export const FACETS = ['year', 'org', 'lang', 'source'] as const;
export type Facet = (typeof FACETS)[number];

/** Where a document came from: a file (its absolute path) or the admin API. */
export type Origin = string;

export interface ArticleDocument extends Partial<Record<PassageField, string>> {
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
  /** The file the article came from (absolute path), or `api`; with `hash`, what a sync compares. */
  origin: Origin;
  /** Content hash of the input the article was made from: an unchanged input is not analyzed or sent again. */
  hash: string;
  /** The analyzer version the term fields were made with (analyzers/version.ts). */
  av: string;
  /** The title's and lead's word forms (`fold form stem`, written short: term-value.ts): what completions come from. */
  terms: string[];
  /** The salient words of the title and lead, and those mentioned at least twice elsewhere (SALIENT_FIELDS). */
  sal_t: string;
  sal_m: string;
  title_x: string;
  title_s: string;
  title_f: string;
}

/** Fields a search hit needs (never the analyzed ones). */
export const HIT_FIELDS = ['id', 'title', 'body', 'date', 'year', 'lang', 'source', 'url', 'org'] as const;

/** Meilisearch accepts primary keys of at most 511 bytes made of A-Z a-z 0-9 - _. */
const MAX_KEY_BYTES = 511;

/**
 * The Meilisearch primary key (`key`) of an article id. Ids such as `kazinform-qz/2025/…` hold characters
 * Meilisearch refuses, so the key is `b` + base64url(UTF-8 id) — injective, so two ids never share a key — or, for
 * ids too long for that, `h` + SHA-256 (hex). The API always shows the original id, stored beside the key.
 */
export function documentKey(id: string): string {
  const encoded = `b${Buffer.from(id, 'utf8').toString('base64url')}`;
  if (encoded.length <= MAX_KEY_BYTES) return encoded;
  return `h${createHash('sha256').update(id, 'utf8').digest('hex')}`;
}
