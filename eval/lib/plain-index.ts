import type { Meilisearch } from 'meilisearch';
import { waitForTask } from '../../engine/index.js';

/** The fields plain Meilisearch gets: izde's clean article, none of its analyzed fields. */
const PLAIN_FIELDS = ['key', 'id', 'title', 'body', 'date', 'lang', 'source'] as const;
type PlainDocument = Record<(typeof PLAIN_FIELDS)[number], unknown>;

/**
 * The baseline: the same clean articles izde indexed, copied into a second index of the same engine with Meilisearch's
 * DEFAULT settings — no stopwords, synonyms or custom ranking, every field searchable — except a higher
 * pagination.maxTotalHits, so that every hit can be counted.
 */
/** Returns the ids of the articles copied (every article izde indexed). */
export async function createPlainIndex(admin: Meilisearch, fromIndex: string, plainIndex: string): Promise<string[]> {
  await waitForTask(admin, await admin.createIndex(plainIndex, { primaryKey: 'key' }), 'create the plain index');
  const index = admin.index<PlainDocument>(plainIndex);
  await waitForTask(
    admin,
    await index.updateSettings({ searchableAttributes: ['*'], pagination: { maxTotalHits: 1_000_000 } }),
    'configure the plain index',
  );
  const source = admin.index(fromIndex);
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await source.getDocuments<PlainDocument>({ fields: [...PLAIN_FIELDS], limit: 1000, offset });
    if (page.results.length === 0) break;
    await waitForTask(admin, await index.addDocuments(page.results), 'add documents to the plain index');
    for (const doc of page.results) ids.push(String(doc.id));
    if (page.results.length < 1000) break;
  }
  return ids;
}

/** Every hit of a query, sent as typed. */
export async function plainSearchAll(
  admin: Meilisearch,
  plainIndex: string,
  q: string,
  maxHits: number,
): Promise<{ ids: string[]; titles: Map<string, string> }> {
  const res = await admin
    .index<{ id: string; title: string }>(plainIndex)
    .search(q, { limit: maxHits, attributesToRetrieve: ['id', 'title'] });
  const titles = new Map(res.hits.map((h) => [h.id, h.title] as const));
  return { ids: [...titles.keys()], titles };
}
