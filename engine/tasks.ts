import type { EnqueuedTask, Meilisearch, Task } from 'meilisearch';
import { EngineError } from './errors.js';
import { toEngineError } from './meili-errors.js';

/** Waits for a task and turns `failed`/`canceled` into an error: a failed task is never silence. */
export async function waitForTask(
  client: Meilisearch,
  task: EnqueuedTask | number,
  what: string,
  timeoutMs = 120_000,
): Promise<Task> {
  let done: Task;
  try {
    done = await client.tasks.waitForTask(typeof task === 'number' ? task : task.taskUid, { timeout: timeoutMs, interval: 50 });
  } catch (err) {
    throw toEngineError(err);
  }
  if (done.status !== 'succeeded') {
    const reason = done.error ? `${done.error.code}: ${done.error.message}` : done.status;
    throw new EngineError('MEILI_TASK_FAILED', `Meilisearch could not ${what} (task ${done.uid}): ${reason}`);
  }
  return done;
}
