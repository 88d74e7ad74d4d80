import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findMeilisearchBinary } from './binary.js';
import { freePort } from './embedded.js';
import { isHealthy, sleep } from './health.js';
import { spawnMeilisearch } from './process.js';

/** A Meilisearch we start ourselves (as a user's own server would be), for MEILI_URL tests. */
export interface ExternalMeilisearch {
  url: string;
  masterKey: string;
  /** Kills it (SIGKILL: the way a crash looks). */
  kill(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
}

export async function startExternalMeilisearch(
  dir: string,
  masterKey = 'external-master-key-for-tests-0123456789',
): Promise<ExternalMeilisearch> {
  const binary = findMeilisearchBinary(join(dir, 'bin'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawnMeilisearch({ binary, dbPath: join(dir, 'db'), port, masterKey });
    for (let i = 0; i < 200 && !(await isHealthy(url)); i++) await sleep(50);
    if (!(await isHealthy(url))) throw new Error('the external Meilisearch did not start');
  };
  const kill = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url, masterKey, kill, start };
}
