import type { Meilisearch } from 'meilisearch';
import { meiliCode, toEngineError } from './meili-errors.js';

/** What stands for documents that carry no analyzer version (made before documents recorded it). */
export const UNKNOWN_VERSION = 'unknown';

/**
 * The analyzer versions an index's documents were made with, and how many of each (`av` is on every document and
 * filterable, so its facet counts are exact and live: a half-synced or half-reindexed index shows both versions).
 * Empty for an empty or missing index.
 */
export async function analyzerVersions(client: Meilisearch, indexName: string): Promise<Record<string, number>> {
  try {
    const res = await client.index(indexName).search('', { limit: 0, facets: ['av'] });
    const counts: Record<string, number> = { ...(res.facetDistribution?.av ?? {}) };
    const counted = Object.values(counts).reduce((a, b) => a + b, 0);
    const total = res.estimatedTotalHits ?? counted;
    if (total > counted) counts[UNKNOWN_VERSION] = total - counted;
    return counts;
  } catch (err) {
    if (meiliCode(err) === 'index_not_found') return {};
    throw toEngineError(err);
  }
}

/**
 * One name for the versions of an index: the version when all documents share one, else the versions joined with `+`
 * (most documents first) — which never equals a real version, so a mixed index is always "another version".
 */
export function versionLabel(counts: Record<string, number>, whenEmpty: string): string {
  const versions = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (versions.length === 0) return whenEmpty;
  return versions.map(([v]) => v).join('+');
}
