import type { ArticleDocument, Gateway, LockOptions } from '../engine/index.js';
import { documentKey, EngineError, TaskTracker, toEngineError } from '../engine/index.js';

export interface DeleteResult {
  /** The ids that were in the index and are gone now. */
  deleted: string[];
  /** The ids that were not there. */
  notFound: string[];
}

/** Ids looked up per request (a filter `key IN [...]`). */
const LOOKUP_CHUNK = 500;

/**
 * Deletes articles by id (`npm run index -- --delete ID...`, `DELETE /api/admin/articles/:id`) and says which were
 * not there. Returns once Meilisearch has deleted them: a search after that no longer finds them.
 */
export async function deleteArticles(
  gateway: Gateway,
  ids: readonly string[],
  options: { lock?: Partial<LockOptions> } = {},
): Promise<DeleteResult> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return { deleted: [], notFound: [] };
  await gateway.ensureIndex();
  const index = gateway.admin.index<ArticleDocument>(gateway.indexName);
  const present = new Set<string>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const keys = wanted.slice(i, i + LOOKUP_CHUNK).map(documentKey);
    const filter = `key IN [${keys.map((k) => JSON.stringify(k)).join(', ')}]`;
    try {
      const res = await index.getDocuments({ filter, fields: ['key'], limit: keys.length });
      for (const doc of res.results) present.add(doc.key);
    } catch (err) {
      throw toEngineError(err);
    }
  }
  const deleted = wanted.filter((id) => present.has(documentKey(id)));
  const notFound = wanted.filter((id) => !present.has(documentKey(id)));
  // Only a real deletion is a write (and waits while a reindex swaps).
  if (deleted.length > 0) {
    const what = `npm run index -- --delete ${wanted.slice(0, 3).join(' ')}${wanted.length > 3 ? ' …' : ''}`;
    const lock = await gateway.writers.acquire('write', { what, ...options.lock });
    try {
      await deleteKeys(gateway, deleted.map(documentKey));
    } finally {
      await lock.release();
    }
  }
  return { deleted, notFound };
}

/** Deletes documents by key in chunks, waits for every task, and returns how many Meilisearch deleted. */
export async function deleteKeys(
  gateway: Pick<Gateway, 'admin' | 'indexName'>,
  keys: readonly string[],
  chunk = 10_000,
  stallMs?: number,
): Promise<number> {
  const index = gateway.admin.index(gateway.indexName);
  const tracker = new TaskTracker<number>(gateway.admin, stallMs ? { stallMs } : {});
  for (let i = 0; i < keys.length; i += chunk) {
    const part = keys.slice(i, i + chunk);
    try {
      tracker.add((await index.deleteDocuments(part)).taskUid, part.length);
    } catch (err) {
      throw toEngineError(err);
    }
  }
  let deleted = 0;
  for (const f of await tracker.waitUntil(0)) {
    if (f.status !== 'succeeded') {
      const reason = f.task.error ? `${f.task.error.code}: ${f.task.error.message}` : f.status;
      throw new EngineError('MEILI_TASK_FAILED', `Meilisearch could not delete articles (task ${f.uid}): ${reason}`);
    }
    const details = f.task.details as { deletedDocuments?: number | null } | undefined;
    deleted += details?.deletedDocuments ?? f.meta;
  }
  return deleted;
}
