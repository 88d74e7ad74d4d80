import type { Meilisearch, Settings } from 'meilisearch';
import { meiliCode, toEngineError } from './meili-errors.js';
import { FACETS, SALIENT_FIELDS, SEARCHABLE_FIELDS, TIER_FIELDS } from './schema.js';
import { waitForTask } from './tasks.js';

export const PRIMARY_KEY = 'key';

/** Index settings, kept in code and applied idempotently at start-up. */
export const INDEX_SETTINGS = {
  searchableAttributes: [...SEARCHABLE_FIELDS],
  // `terms` is there for its facet search only, which completes words (server/search/suggest.ts): nothing filters on it,
  // and without its filter structures the index is 2.5 % smaller (docs/performance.md).
  filterableAttributes: [
    ...FACETS,
    'ts',
    'key',
    'origin',
    'av',
    { attributePatterns: ['terms'], features: { facetSearch: true, filter: { equality: false, comparison: false } } },
  ],
  sortableAttributes: ['date', 'ts'],
  displayedAttributes: ['*'],
  // `sort` first: a date sort is a pure date order, and only then does federated search merge its queries by date
  // (it is inert when no sort is asked for). Every word must match (matchingStrategy `all`), so `words` ranks
  // nothing and `proximity` decides the ranking score of a multi-word query: the planner cuts on that score, so
  // words that do not meet in one passage do not count as a match. `attribute` then ranks by place (title, lead,
  // the body in reading order; see schema.ts). Recency breaks the last ties of relevance.
  rankingRules: ['sort', 'words', 'proximity', 'typo', 'attribute', 'exactness', 'ts:desc'],
  // "Near" is "in the same passage" (schema.ts): no word-pair database to build, the costliest part of indexing.
  proximityPrecision: 'byAttribute',
  // Analysis is ours: Meilisearch must not drop or split our keys.
  stopWords: [],
  typoTolerance: {
    enabled: true,
    // Sizes of a key in its code (key-code.ts): one character a letter of a fold key, after its language mark, so 18
    // is the mark and 17 letters — typos are kept to long words (typo-mirror.test.ts measures the rule on the engine).
    // Two typos on lemma keys join different words (подписываться ~ подписать), so they are off (255 is the largest
    // size allowed).
    minWordSizeForTypos: { oneTypo: 18, twoTypos: 255 },
    // Typos only on the fold tier: a typo on an exact or stemmed key would outrank real folded matches, and one on a
    // salient key would find an article the tiers do not.
    // Sorted as Meilisearch returns them (a set), so that an unchanged setting is not applied again at every start.
    disableOnAttributes: [...TIER_FIELDS.exact, ...TIER_FIELDS.stem, ...SALIENT_FIELDS].sort(),
    disableOnNumbers: true,
  },
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
} satisfies Settings;

/** Settings Meilisearch keeps as sets (it answers them sorted): their order means nothing. */
const UNORDERED = new Set([
  'filterableAttributes',
  'sortableAttributes',
  'disableOnAttributes',
  'disableOnWords',
  'stopWords',
]);

function sameSetting(current: unknown, desired: unknown, name = ''): boolean {
  if (Array.isArray(desired) && UNORDERED.has(name) && Array.isArray(current)) {
    const key = (v: unknown) => JSON.stringify(v);
    return (
      current.length === desired.length &&
      JSON.stringify(current.map(key).sort()) === JSON.stringify(desired.map(key).sort())
    );
  }
  if (Array.isArray(desired) || typeof desired !== 'object' || desired === null) {
    return JSON.stringify(current) === JSON.stringify(desired);
  }
  if (typeof current !== 'object' || current === null) return false;
  return Object.entries(desired).every(([k, v]) => sameSetting((current as Record<string, unknown>)[k], v, k));
}

/** Creates the index if needed and applies INDEX_SETTINGS when they differ; returns whether anything changed. */
export async function ensureIndex(admin: Meilisearch, indexName: string): Promise<boolean> {
  try {
    try {
      await admin.getRawIndex(indexName);
    } catch (err) {
      if (meiliCode(err) !== 'index_not_found') throw err;
      await waitForTask(admin, await admin.createIndex(indexName, { primaryKey: PRIMARY_KEY }), 'create the index');
    }
    const index = admin.index(indexName);
    const current = (await index.getSettings()) as Record<string, unknown>;
    const changed = Object.entries(INDEX_SETTINGS).filter(([k, v]) => !sameSetting(current[k], v, k));
    if (changed.length === 0) return false;
    const update = Object.fromEntries(changed) as Settings;
    await waitForTask(admin, await index.updateSettings(update), 'apply index settings');
    return true;
  } catch (err) {
    throw toEngineError(err);
  }
}
