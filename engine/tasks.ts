import type { EnqueuedTask, Meilisearch, Task } from 'meilisearch';
import { EngineError } from './errors.js';
import { sleep } from './health.js';
import { toEngineError } from './meili-errors.js';

/**
 * Waiting on Meilisearch's task queue. A wait never gives up on a fixed clock — a big batch on a slow disk may take
 * many minutes, and a nightly job must not report failure for a run that succeeds — but only when the engine stops
 * making progress: none of the awaited tasks finished and the batch being processed reported no progress for
 * `stallMs`. Engine errors (unreachable, refused) end the wait at once; the caller decides what they mean.
 */
export interface WaitOptions {
  /** Give up after this long without progress (default 10 minutes). */
  stallMs?: number;
  /** First polling interval; it doubles up to `maxPollMs` while nothing finishes. */
  pollMs?: number;
  maxPollMs?: number;
}

export const DEFAULT_STALL_MS = 10 * 60_000;

/** What a finished task says, with the caller's own note about it. */
export interface Finished<T> {
  uid: number;
  meta: T;
  status: 'succeeded' | 'failed' | 'canceled';
  task: Task;
}

/** The engine's progress right now: the batch being processed and how far it got (null when it is idle). */
async function progressSignature(client: Meilisearch): Promise<string> {
  const batches = await client.batches.getBatches({ statuses: ['processing'], limit: 1 });
  const batch = batches.results[0];
  return batch ? `${batch.uid}:${JSON.stringify(batch.progress ?? null)}` : 'idle';
}

/**
 * Tracks tasks a caller enqueued (each with a note, e.g. the documents and files of a batch) and waits for them:
 * until at most `n` are left unfinished (backpressure: a producer never runs far ahead of the engine) or all are done.
 */
export class TaskTracker<T> {
  private readonly pending = new Map<number, T>();
  private readonly stallMs: number;
  private readonly pollMs: number;
  private readonly maxPollMs: number;

  constructor(
    private readonly client: Meilisearch,
    options: WaitOptions = {},
  ) {
    this.stallMs = options.stallMs ?? DEFAULT_STALL_MS;
    this.pollMs = options.pollMs ?? 25;
    this.maxPollMs = options.maxPollMs ?? 500;
  }

  get size(): number {
    return this.pending.size;
  }

  add(uid: number, meta: T): void {
    this.pending.set(uid, meta);
  }

  /** The notes of the tasks still unfinished. */
  unfinished(): T[] {
    return [...this.pending.values()];
  }

  /** Waits until at most `n` tasks are unfinished; returns the tasks that finished meanwhile. */
  async waitUntil(n: number): Promise<Finished<T>[]> {
    const finished: Finished<T>[] = [];
    let lastProgress = Date.now();
    let signature = '';
    let interval = this.pollMs;
    try {
      while (this.pending.size > n) {
        const uids = [...this.pending.keys()];
        const { results } = await this.client.tasks.getTasks({ uids, limit: uids.length });
        let progressed = false;
        for (const task of results) {
          if (task.status === 'enqueued' || task.status === 'processing') continue;
          const meta = this.pending.get(task.uid);
          if (meta === undefined) continue;
          this.pending.delete(task.uid);
          finished.push({ uid: task.uid, meta, status: task.status, task });
          progressed = true;
        }
        if (this.pending.size <= n) break;
        const now = Date.now();
        const current = await progressSignature(this.client);
        if (progressed || current !== signature) {
          signature = current;
          lastProgress = now;
          interval = this.pollMs;
        } else if (now - lastProgress > this.stallMs) {
          const oldest = Math.min(...this.pending.keys());
          throw new EngineError(
            'MEILI_TIMEOUT',
            `Meilisearch made no progress for ${Math.round(this.stallMs / 1000)} s (task ${oldest} is still waiting)`,
          );
        }
        await sleep(interval);
        interval = Math.min(interval * 2, this.maxPollMs);
      }
    } catch (err) {
      throw toEngineError(err);
    }
    return finished;
  }
}

/** Waits for one task and turns `failed`/`canceled` into an error: a failed task is never silence. */
export async function waitForTask(
  client: Meilisearch,
  task: EnqueuedTask | number,
  what: string,
  options: WaitOptions = {},
): Promise<Task> {
  const uid = typeof task === 'number' ? task : task.taskUid;
  const tracker = new TaskTracker<string>(client, options);
  tracker.add(uid, what);
  const [done] = await tracker.waitUntil(0);
  if (!done) throw new EngineError('MEILI_TASK_FAILED', `Meilisearch lost task ${uid} (${what})`);
  if (done.status !== 'succeeded') {
    const reason = done.task.error ? `${done.task.error.code}: ${done.task.error.message}` : done.status;
    throw new EngineError('MEILI_TASK_FAILED', `Meilisearch could not ${what} (task ${uid}): ${reason}`);
  }
  return done.task;
}
