/**
 * `npm run reindex`: every stored article analyzed again with the current analyzers into a new index, swapped in for
 * the live one atomically (Meilisearch's index swap), so search answers from the old index until the new one is
 * complete and from the new one after, never from a half-built one.
 *
 * Writers go on meanwhile: the copy holds the `reindex` lock, which excludes only another reindex. It then catches
 * up — what changed in the live index during the copy (by key, content hash and origin) is copied again, what was
 * deleted is deleted — while writers still go on, takes `swap` (which excludes every writer) at a moment no writer is
 * at work, catches up with the last few changes, checks the counts and swaps. The old index is dropped afterwards; a
 * reindex killed half-way leaves a side index, which the next one removes.
 */
import { ANALYZER_VERSION } from '../analyzers/index.js';
import type { Gateway } from '../engine/index.js';
import {
  analyzerVersions,
  EngineError,
  ensureIndex,
  type HeldLock,
  LockBusyError,
  type LockOptions,
  sleep,
  toEngineError,
  waitForTask,
} from '../engine/index.js';
import { deleteKeys } from './delete.js';
import type { Progress } from './progress.js';
import { ARTICLE_FIELDS, reanalyzed, type StoredArticle } from './reanalyze.js';
import { DocumentSender, type SenderOptions } from './sender.js';

/** One object configures a reindex (batch sizes: SenderOptions). */
export interface ReindexOptions extends SenderOptions {
  /** Stored articles read per request. */
  pageSize?: number;
  /** Progress of the copy (its total is the number of articles). */
  progress?: (total: number) => Progress;
  /** How to take the writers' lock (wait, or refuse at once). */
  lock?: Partial<LockOptions>;
  /** Called with what happens between the copy and the swap. */
  onNote?: (message: string) => void;
}

export interface ReindexResult {
  documents: number;
  /** The analyzer versions of the index before, with their counts. */
  before: Record<string, number>;
  analyzerVersion: string;
  /** Changes made by writers during the copy, carried over before the swap. */
  caughtUp: { copied: number; deleted: number };
  elapsedMs: number;
}

/** The prefix of the side indexes a reindex builds. */
export const reindexPrefix = (indexName: string) => `${indexName}_reindex_`;

export async function reindex(gateway: Gateway, options: ReindexOptions = {}): Promise<ReindexResult> {
  const started = Date.now();
  const admin = gateway.admin;
  const live = gateway.indexName;
  await gateway.ensureIndex();
  const what = 'npm run reindex';
  const held: HeldLock[] = [];
  let side: string | undefined;
  let swapped = false;
  try {
    held.push(await gateway.writers.acquire('reindex', { what, ...options.lock }));
    await dropSideIndexes(gateway, options.onNote);
    const before = await analyzerVersions(admin, live);
    side = `${reindexPrefix(live)}${Date.now().toString(36)}`;
    // Settings first: Meilisearch then indexes each batch once, with the searchable and filterable fields it keeps.
    await ensureIndex(admin, side);

    const total = (await admin.index(live).getStats()).numberOfDocuments;
    const progress = options.progress?.(total);
    const failures: string[] = [];
    const sender = new DocumentSender<string>(
      gateway,
      (batch) => {
        if (!batch.ok) failures.push(`${batch.notes.length} articles: ${batch.reason}`);
      },
      options,
      side,
    );
    const pageSize = options.pageSize ?? 500;
    try {
      for (let offset = 0; ; offset += pageSize) {
        const page = await storedPage(gateway, live, { offset, limit: pageSize });
        for (const stored of page) {
          await sender.add(reanalyzed(stored), stored.id);
          progress?.advance(1, 1);
        }
        if (page.length < pageSize) break;
      }
      await sender.finish();
    } finally {
      sender.close();
    }
    progress?.stop();
    if (failures.length > 0) {
      throw new EngineError('MEILI_TASK_FAILED', `Meilisearch could not index the new index: ${failures.join('; ')}`);
    }

    // Most changes made during the copy are carried over while writers go on; the last few under the swap lock.
    const first = await catchUp(gateway, live, side, options);
    options.onNote?.('Copied; waiting for a moment without writers to catch up and swap…');
    held.push(await acquireSwap(gateway, what, options));
    const last = await catchUp(gateway, live, side, options);
    const caughtUp = { copied: first.copied + last.copied, deleted: first.deleted + last.deleted };
    const [liveCount, sideCount] = await Promise.all([
      admin
        .index(live)
        .getStats()
        .then((s) => s.numberOfDocuments),
      admin
        .index(side)
        .getStats()
        .then((s) => s.numberOfDocuments),
    ]);
    if (liveCount !== sideCount) {
      throw new EngineError(
        'MEILI_TASK_FAILED',
        `The new index holds ${sideCount} articles, the live one ${liveCount}; nothing was swapped.`,
      );
    }
    for (const lock of held) await lock.verify();
    await waitForTask(
      admin,
      await admin.swapIndexes([{ indexes: [live, side], rename: false }]),
      'swap the new index in',
    );
    swapped = true;
    return {
      documents: sideCount,
      before,
      analyzerVersion: ANALYZER_VERSION,
      caughtUp,
      elapsedMs: Date.now() - started,
    };
  } catch (err) {
    throw err instanceof EngineError || (err instanceof Error && /^Lock/.test(err.name)) ? err : toEngineError(err);
  } finally {
    for (const lock of held.reverse()) await lock.release();
    // After the swap the side name holds the old index; before it, the unfinished new one. Either way it goes.
    if (side) await dropIndex(gateway, side, swapped ? undefined : options.onNote);
  }
}

/** How long the swap looks for a moment without writers before it queues behind them (holding new ones back). */
const QUIET_WAIT_MS = 120_000;

/**
 * The swap lock, taken when no writer is at work if that happens within QUIET_WAIT_MS: queued behind a long sync, it
 * would hold the admin API back for as long. Past that it queues (first come, first served). It always waits:
 * `--no-wait` is about another reindex, and the copy is done.
 */
async function acquireSwap(gateway: Gateway, what: string, options: ReindexOptions): Promise<HeldLock> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  while (Date.now() < deadline) {
    try {
      return await gateway.writers.acquire('swap', { what, wait: false });
    } catch (err) {
      if (!(err instanceof LockBusyError)) throw err;
      await sleep(2000);
    }
  }
  return gateway.writers.acquire('swap', { what, ...(options.lock?.onWait ? { onWait: options.lock.onWait } : {}) });
}

/** One page of stored articles (their clean fields only). */
async function storedPage(
  gateway: Gateway,
  index: string,
  page: { offset: number; limit: number; filter?: string },
): Promise<StoredArticle[]> {
  try {
    const res = await gateway.admin.index(index).getDocuments<StoredArticle>({ ...page, fields: [...ARTICLE_FIELDS] });
    return res.results;
  } catch (err) {
    throw toEngineError(err);
  }
}

/**
 * Key → content hash and origin of every document of an index (what the catch-up compares). The origin counts too:
 * an article that moved to another file, or that the CMS pushed unchanged, keeps its hash but must not keep the
 * origin it had, or a later sync of that old place would delete it.
 */
async function hashes(gateway: Gateway, index: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let offset = 0; ; offset += 10_000) {
    let page: { key: string; hash?: string; origin?: string }[];
    try {
      page = (
        await gateway.admin.index(index).getDocuments<{ key: string; hash?: string; origin?: string }>({
          fields: ['key', 'hash', 'origin'],
          offset,
          limit: 10_000,
        })
      ).results;
    } catch (err) {
      throw toEngineError(err);
    }
    for (const d of page) out.set(d.key, `${d.hash ?? ''}\u0000${d.origin ?? ''}`);
    if (page.length < 10_000) return out;
  }
}

/** Brings the new index level with what writers did to the live one during the copy. */
async function catchUp(
  gateway: Gateway,
  live: string,
  side: string,
  options: ReindexOptions,
): Promise<{ copied: number; deleted: number }> {
  const [now, copy] = await Promise.all([hashes(gateway, live), hashes(gateway, side)]);
  const changed = [...now].filter(([key, hash]) => copy.get(key) !== hash).map(([key]) => key);
  const gone = [...copy.keys()].filter((key) => !now.has(key));
  let copied = 0;
  const failures: string[] = [];
  const sender = new DocumentSender<string>(
    gateway,
    (batch) => {
      if (batch.ok) copied += batch.notes.length;
      else failures.push(batch.reason);
    },
    options,
    side,
  );
  try {
    for (let i = 0; i < changed.length; i += 500) {
      const keys = changed.slice(i, i + 500);
      const filter = `key IN [${keys.map((k) => JSON.stringify(k)).join(', ')}]`;
      for (const stored of await storedPage(gateway, live, { offset: 0, limit: keys.length, filter })) {
        await sender.add(reanalyzed(stored), stored.id);
      }
    }
    await sender.finish();
  } finally {
    sender.close();
  }
  if (failures.length > 0) throw new EngineError('MEILI_TASK_FAILED', `Meilisearch could not catch up: ${failures[0]}`);
  let deleted = 0;
  if (gone.length > 0) {
    deleted = await deleteKeys({ admin: gateway.admin, indexName: side }, gone);
  }
  if (changed.length + gone.length > 0) {
    options.onNote?.(`Caught up with ${changed.length + gone.length} changes made during the copy.`);
  }
  return { copied, deleted };
}

/** Side indexes left by a reindex that was killed (or lost its engine) before it could clean up. */
async function dropSideIndexes(gateway: Gateway, note?: (message: string) => void): Promise<void> {
  let uids: string[];
  try {
    uids = (await gateway.admin.getIndexes({ limit: 1000 })).results.map((i) => i.uid);
  } catch (err) {
    throw toEngineError(err);
  }
  for (const uid of uids.filter((u) => u.startsWith(reindexPrefix(gateway.indexName)))) {
    await dropIndex(gateway, uid, note, `Removing ${uid}, left by an earlier reindex that did not finish.`);
  }
}

/** Deletes an index (best effort: one left behind is removed by the next reindex). */
async function dropIndex(gateway: Gateway, uid: string, note?: (m: string) => void, message?: string): Promise<void> {
  if (message) note?.(message);
  try {
    await waitForTask(gateway.admin, await gateway.admin.deleteIndex(uid), `delete index ${uid}`, { stallMs: 60_000 });
  } catch {
    // the engine is gone or busy: the next reindex removes it
  }
}
