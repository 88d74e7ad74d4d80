import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths, Gateway, readLock, sleep, TaskTracker } from '../engine/index.js';
import type { Progress } from './progress.js';
import { runIndexer } from './run.js';

/**
 * Backpressure and the honest finish, against a real engine that is made to stand still (SIGSTOP): the indexer must
 * stop reading after a bounded number of batches, go on when the engine does, and give up only when the engine makes
 * no progress for its stall time.
 */
let dir: string;
let gateway: Gateway;
let input: string;
let enginePid: number;
const RECORDS = 60;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'izde-backpressure-'));
  input = join(dir, 'records.jsonl');
  const lines = Array.from({ length: RECORDS }, (_, i) =>
    JSON.stringify({
      id: `bp-${i}`,
      lang: 'ru',
      title: `Новость номер ${i}`,
      text: `Текст новости номер ${i} о министрах.`,
    }),
  );
  writeFileSync(input, `${lines.join('\n')}\n`);
  gateway = await Gateway.open({
    config: { url: undefined, masterKey: undefined, dataDir: join(dir, 'data'), indexName: 'articles' },
  });
  await gateway.ensureIndex();
  enginePid = readLock(dataPaths(join(dir, 'data')).lock)?.pid ?? 0;
}, 60_000);

afterAll(async () => {
  if (enginePid) process.kill(enginePid, 'SIGCONT');
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

function counting(): { progress: () => Progress; read: () => number } {
  let articles = 0;
  return {
    progress: () => ({
      advance: (_bytes, n) => {
        articles += n;
      },
      note() {},
      stop() {},
    }),
    read: () => articles,
  };
}

describe('backpressure', () => {
  it('stops reading while the engine stands still, and finishes when it goes on', async () => {
    const seen = counting();
    const batch = 10;
    const maxInFlight = 2;
    const run = runIndexer(gateway, { paths: [input], batchDocuments: batch, maxInFlight, progress: seen.progress });
    while (seen.read() < batch) await sleep(5);
    process.kill(enginePid, 'SIGSTOP');
    await sleep(1500);
    const readWhileStopped = seen.read();
    await sleep(1000);
    // Nothing more was read while the engine stood still: at most the batches in flight, the one being sent, and
    // the one being filled.
    expect(seen.read()).toBe(readWhileStopped);
    expect(readWhileStopped).toBeLessThanOrEqual((maxInFlight + 2) * batch);
    process.kill(enginePid, 'SIGCONT');
    const result = await run;
    expect(result).toMatchObject({ indexed: RECORDS, exitCode: 0 });
    expect(await gateway.documentCount()).toBe(RECORDS);
  }, 60_000);

  it('a wait gives up only when the queue does not move for the stall time', async () => {
    // A task the engine will never finish (it does not have it): the queue is idle, nothing moves.
    const tracker = new TaskTracker<string>(gateway.admin, { stallMs: 800 });
    tracker.add(987_654_321, 'never');
    const started = Date.now();
    await expect(tracker.waitUntil(0)).rejects.toMatchObject({ code: 'MEILI_TIMEOUT', message: /no progress for 1 s/ });
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
  });

  it('an engine that stops answering ends the run with exit code 2 and an exact account', async () => {
    const quick = await Gateway.open({
      config: { url: undefined, masterKey: undefined, dataDir: join(dir, 'data'), indexName: 'articles' },
      requestTimeoutMs: 1500,
    });
    try {
      await quick.ensureIndex();
      process.kill(enginePid, 'SIGSTOP');
      const result = await runIndexer(quick, { paths: [input], batchDocuments: 10, progress: counting().progress });
      expect(result.exitCode).toBe(2);
      expect(result.engineFailure?.message).toMatch(/did not answer|cannot be reached|timed? ?out/i);
      expect(result.indexed).toBe(0);
    } finally {
      process.kill(enginePid, 'SIGCONT');
      await quick.close();
    }
  }, 60_000);
});
