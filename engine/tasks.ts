import type { EnqueuedTask, Meilisearch, Task } from 'meilisearch';
import { EngineError } from './errors.js';
import { sleep } from './health.js';
import { toEngineError } from './meili-errors.js';

/** Waits for a task and turns `failed`/`canceled` into an error: a failed task is never silence. */
export async function waitForTask(
  client: Meilisearch,
  task: EnqueuedTask | number,
  what: string,
  timeoutMs = 120_000,
): Promise<Task> {
  // Polled here rather than with client.tasks.waitForTask: that one hands every poll the same AbortSignal, and the
  // client's timeout wrapper leaves a listener on it per poll (a warning, and a leak for long waits).
  const uid = typeof task === 'number' ? task : task.taskUid;
  const deadline = Date.now() + timeoutMs;
  let done: Task;
  try {
    for (let interval = 10; ; interval = Math.min(interval * 2, 200)) {
      done = await client.tasks.getTask(uid);
      if (done.status !== 'enqueued' && done.status !== 'processing') break;
      if (Date.now() > deadline)
        throw new EngineError('MEILI_TIMEOUT', `Meilisearch did not ${what} within ${timeoutMs} ms (task ${uid})`);
      await sleep(interval);
    }
  } catch (err) {
    throw toEngineError(err);
  }
  if (done.status !== 'succeeded') {
    const reason = done.error ? `${done.error.code}: ${done.error.message}` : done.status;
    throw new EngineError('MEILI_TASK_FAILED', `Meilisearch could not ${what} (task ${done.uid}): ${reason}`);
  }
  return done;
}
