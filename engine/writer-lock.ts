/**
 * Who may write to the index while whom: a lock kept in Meilisearch itself, so it holds alike for the embedded engine
 * and for MEILI_URL (processes on several machines), and survives a kill -9 of its holder.
 *
 * Why in Meilisearch and not a lock file: with MEILI_URL the writers may not share a disk, and a file lock must guess
 * whether its holder still runs. Meilisearch's task queue orders every write, which is all a fair lock needs:
 * - every writer adds its own entry (a document keyed by a random token) to the lock index `INDEX_writers`, then
 *   records as its ticket the uid of that task; uids only grow, so tickets are a queue;
 * - a writer proceeds when no live entry of a conflicting kind has a smaller ticket (a waiting entry counts: first
 *   come, first served);
 * - a holder beats (bumps a counter in its entry) every few seconds; an entry is stale when its process is gone (on
 *   this machine: its pid no longer runs with the same start time) or, from another machine, when its beat stood
 *   still for `staleMs`. Stale entries are removed with a filter on the beat seen (`key = … AND beat = n`): if the
 *   holder beat meanwhile, its beat is queued before the removal and the removal finds nothing.
 *
 * Kinds and what they exclude (a writer of one kind never blocks another of the same process):
 * - `write` (add or replace articles, delete them: `npm run index`, `--delete`, the admin API): only `swap`;
 * - `sync` (`--sync`, `--watch` batches): other syncs, and `swap`;
 * - `reindex` (the copy of `npm run reindex`): other reindexes, and `swap`;
 * - `swap` (the last step of reindex: catch up and swap the new index in): everything.
 */
import { randomBytes } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { sleep } from './health.js';
import { meiliCode, toEngineError } from './meili-errors.js';
import { currentProcess, stillRunning } from './process-identity.js';
import { waitForTask } from './tasks.js';

export type WriteKind = 'write' | 'sync' | 'reindex' | 'swap';

/** Whether writers of these kinds must not run at once. */
export function conflicts(a: WriteKind, b: WriteKind): boolean {
  return a === 'swap' || b === 'swap' || (a === b && (a === 'sync' || a === 'reindex'));
}

/** An entry of the lock index: one writer, holding or waiting. */
export interface LockEntry {
  key: string;
  /** The process-wide id of its process (entries of one process never block each other). */
  owner: string;
  kind: WriteKind;
  /** Uid of the task that added the entry: its place in the queue (absent for a moment after it is added). */
  ticket?: number;
  /** What it does, for messages: `npm run index -- --sync /data/news`. */
  what: string;
  machine: string;
  pid: number;
  start: number | null;
  startedAt: string;
  beat: number;
}

export interface LockOptions {
  /** What the holder does, shown to whoever waits for it. */
  what: string;
  /** Wait for conflicting writers (default), or refuse at once with a LockBusyError. */
  wait?: boolean;
  /** Give up waiting after this long (default: wait as long as the holder lives). */
  timeoutMs?: number;
  /** Called when the writer has to wait, with the writers it waits for (again whenever they change). */
  onWait?: (holders: LockEntry[]) => void;
}

/** Another writer holds the index (and we were told not to wait, or waited too long). */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
  readonly code = 'INDEX_BUSY';
  constructor(readonly holders: LockEntry[]) {
    super(`The index is busy: ${holders.map(describeHolder).join('; ')}.`);
  }
}

/** The lock was taken away from us (judged stale while we held it): stop before changing anything more. */
export class LockLostError extends Error {
  override name = 'LockLostError';
  readonly code = 'LOCK_LOST';
}

/** "npm run index -- --sync /data (pid 123 on host, since 12:00:03)" */
export function describeHolder(entry: LockEntry): string {
  const host = entry.machine.split('/')[0] ?? '?';
  const since = entry.startedAt.slice(11, 19);
  return `${entry.what} (pid ${entry.pid} on ${host}, since ${since} UTC)`;
}

export interface HeldLock {
  readonly kind: WriteKind;
  /** Throws LockLostError when our entry is gone (another writer judged us stale). */
  verify(): Promise<void>;
  /** Removes our entry (idempotent). */
  release(): Promise<void>;
}

/** One object configures the locks; defaults in DEFAULTS. */
export interface WriterLocksOptions {
  /** How often a holder beats (each beat is a task the engine runs between document batches: seldom enough to cost nothing). */
  beatMs?: number;
  /** An entry from another machine whose beat stood still this long is stale. */
  staleMs?: number;
  /** First wait between looks while waiting (grows to 2 s). */
  pollMs?: number;
  /** The owner id of the entries (default: this process's); tests stand in for other processes with it. */
  owner?: string;
  /** The machine the entries are made on and pids are judged on (default: this one's); tests stand in for others. */
  machine?: string;
}

const DEFAULTS = { beatMs: 30_000, staleMs: 180_000, pollMs: 200 } as const;

/** The lock's own tasks are tiny: look for their end often. */
const QUICK = { pollMs: 10, maxPollMs: 100 } as const;

/** Every process gets one owner id: its entries never block each other (reindex holds `reindex`, then `swap`). */
const OWNER = randomBytes(8).toString('hex');

/** Locks held by this process, so that a CLI stopped with Ctrl-C can release them on its way out. */
const held = new Set<HeldLock>();

/** Releases every lock this process holds (best effort: an entry left behind is found stale by the next writer). */
export async function releaseAllLocks(): Promise<void> {
  await Promise.allSettled([...held].map((lock) => lock.release()));
}

/** The lock index of an index. */
export const lockIndexName = (indexName: string) => `${indexName}_writers`;

export class WriterLocks {
  private readonly config: Required<WriterLocksOptions>;
  private ready: Promise<void> | undefined;

  constructor(
    /** The admin client (a getter: the gateway replaces it when it reconnects). */
    private readonly admin: () => Meilisearch,
    private readonly indexName: string,
    options: WriterLocksOptions = {},
  ) {
    this.config = { ...DEFAULTS, owner: OWNER, machine: currentProcess().machine, ...options };
  }

  private get client(): Meilisearch {
    return this.admin();
  }

  private get uid(): string {
    return lockIndexName(this.indexName);
  }

  /** Creates the lock index once (a concurrent creation by another writer is fine). */
  private ensureLockIndex(): Promise<void> {
    this.ready ??= (async () => {
      const exists = await this.client.getRawIndex(this.uid).then(
        () => true,
        (err: unknown) => {
          if (meiliCode(err) === 'index_not_found') return false;
          throw err;
        },
      );
      if (!exists) {
        try {
          const task = await this.client.createIndex(this.uid, { primaryKey: 'key' });
          await waitForTask(this.client, task, 'create the lock index');
        } catch (err) {
          // Another writer created it first.
          if (!/index_already_exists/.test(err instanceof Error ? err.message : String(err))) throw err;
        }
      }
      const index = this.client.index(this.uid);
      const settings = await index.getFilterableAttributes();
      if (!settings?.includes('beat')) {
        await waitForTask(
          this.client,
          await index.updateFilterableAttributes(['key', 'beat']),
          'set up the lock index',
        );
      }
    })().catch((err) => {
      this.ready = undefined;
      throw toEngineError(err);
    });
    return this.ready;
  }

  private async entries(): Promise<LockEntry[]> {
    try {
      const res = await this.client.index<LockEntry>(this.uid).getDocuments({ limit: 1000 });
      return res.results;
    } catch (err) {
      throw toEngineError(err);
    }
  }

  /** Waits for our turn (or refuses), then holds the lock until release(). */
  async acquire(kind: WriteKind, options: LockOptions): Promise<HeldLock> {
    await this.ensureLockIndex();
    const index = this.client.index<LockEntry>(this.uid);
    const me = currentProcess();
    const key = randomBytes(12).toString('hex');
    const entry: LockEntry = {
      key,
      owner: this.config.owner,
      kind,
      what: options.what,
      machine: this.config.machine,
      pid: me.pid,
      start: me.start,
      startedAt: new Date().toISOString(),
      beat: 0,
    };
    let ticket: number;
    try {
      // The ticket is known as soon as the entry is enqueued; both tasks usually land in one batch.
      const added = await index.addDocuments([entry]);
      ticket = added.taskUid;
      const numbered = await index.updateDocuments([{ key, ticket }]);
      await waitForTask(this.client, added, 'join the writers’ queue', QUICK);
      await waitForTask(this.client, numbered, 'join the writers’ queue', QUICK);
    } catch (err) {
      await this.remove(key);
      throw toEngineError(err);
    }

    const lock = this.holding(key, kind);
    const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
    const observed = new Map<string, { beat: number; at: number }>();
    let shown = '';
    let interval = this.config.pollMs;
    try {
      for (;;) {
        const all = await this.entries();
        const stale = all.filter((e) => e.key !== key && this.isStale(e, observed));
        if (stale.length > 0) {
          await this.removeStale(stale);
          continue;
        }
        const blockers = all.filter(
          (e) =>
            e.owner !== this.config.owner && conflicts(kind, e.kind) && (e.ticket === undefined || e.ticket < ticket),
        );
        if (blockers.length === 0) {
          held.add(lock);
          return lock;
        }
        const ordered = blockers.filter((b) => b.ticket !== undefined);
        if (options.wait === false || Date.now() > deadline)
          throw new LockBusyError(ordered.length ? ordered : blockers);
        const names = ordered.map((b) => b.key).join(',');
        if (names && names !== shown) {
          shown = names;
          options.onWait?.(ordered);
        }
        await sleep(interval);
        interval = Math.min(interval * 2, 2000);
      }
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /** Stale: its process is gone (this machine), it is malformed, or its beat stood still for staleMs (elsewhere). */
  private isStale(e: LockEntry, observed: Map<string, { beat: number; at: number }>): boolean {
    if (typeof e.kind !== 'string' || typeof e.owner !== 'string' || typeof e.pid !== 'number') return true;
    if (e.machine === this.config.machine) return !stillRunning({ pid: e.pid, start: e.start ?? null });
    const now = Date.now();
    const seen = observed.get(e.key);
    if (!seen || seen.beat !== e.beat) {
      observed.set(e.key, { beat: e.beat, at: now });
      return false;
    }
    return now - seen.at > this.config.staleMs;
  }

  /** Removes stale entries, each only if its beat is still the one judged stale. */
  private async removeStale(stale: LockEntry[]): Promise<void> {
    const index = this.client.index(this.uid);
    for (const e of stale) {
      const beat = typeof e.beat === 'number' ? ` AND beat = ${e.beat}` : '';
      try {
        await waitForTask(
          this.client,
          await index.deleteDocuments({ filter: `key = ${JSON.stringify(e.key)}${beat}` }),
          'remove a stale writer',
          QUICK,
        );
      } catch (err) {
        throw toEngineError(err);
      }
    }
  }

  /**
   * Leaves the queue. Only the enqueueing is awaited: Meilisearch applies tasks in order, so a writer that joins
   * after this already finds the entry gone when its own entry is in.
   */
  private async remove(key: string): Promise<void> {
    try {
      await this.client.index(this.uid).deleteDocument(key);
    } catch {
      // the engine is gone: the entry is found stale by the next writer
    }
  }

  private async ownEntry(key: string): Promise<Partial<LockEntry> | null> {
    try {
      return await this.client.index(this.uid).getDocument<Partial<LockEntry>>(key);
    } catch (err) {
      if (meiliCode(err) === 'document_not_found') return null;
      throw toEngineError(err);
    }
  }

  private holding(key: string, kind: WriteKind): HeldLock {
    let beat = 0;
    let lost = false;
    let released: Promise<void> | undefined;
    const timer = setInterval(() => {
      void (async () => {
        try {
          const mine = await this.ownEntry(key);
          if (!mine || typeof mine.kind !== 'string') {
            lost = true;
            clearInterval(timer);
            return;
          }
          beat++;
          await this.client.index(this.uid).updateDocuments([{ key, beat }]);
        } catch {
          // the engine is away for a moment: the next beat tries again
        }
      })();
    }, this.config.beatMs);
    timer.unref();
    const lock: HeldLock = {
      kind,
      verify: async () => {
        const mine = lost ? null : await this.ownEntry(key);
        if (!mine || typeof mine.kind !== 'string') {
          lost = true;
          throw new LockLostError(
            'Another writer judged this one stale and took the index over; stopping before changing anything more.',
          );
        }
      },
      release: () =>
        (released ??= (async () => {
          clearInterval(timer);
          held.delete(lock);
          await this.remove(key);
        })()),
    };
    return lock;
  }
}

/** The message of a writer that waits, for a CLI. */
export function waitingMessage(holders: LockEntry[]): string {
  return `Waiting for ${holders.map(describeHolder).join('; ')} to finish…`;
}
