/**
 * Chaos: the index CLI and its engine killed with SIGKILL mid-run, as real processes. The CLI is a black box here
 * (its output and exit code, the engine's own API): what a user sees, whatever the indexer does inside.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths, Gateway, isMeilisearchFor } from '../engine/index.js';
import { runIndexCli, spawnIndexCli } from '../indexer/testing.js';
import {
  allIds,
  documentCount,
  documentTasks,
  engineOf,
  tasksSettled,
  tempDirs,
  waitFor,
  writeArticles,
} from './testing.js';

const ARTICLES = 700;
/**
 * Small batches, so a kill lands mid-run: some batches indexed, one being filled, the rest not read yet. With the
 * default (10,000 documents) the 700 articles would be one batch, and the kill would come after the last one left.
 */
const BATCH = 100;
const BATCH_FLAGS = ['--batch-size', String(BATCH)];
const temp = tempDirs();

/** Opens the data folder's engine (starting it if needed) to look at the index, then stops what it started. */
async function inspect(dataDir: string): Promise<{ count: number; ids: string[] }> {
  const gateway = await Gateway.open({
    config: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles' },
  });
  try {
    const engine = { url: gateway.url, key: gateway.admin.config.apiKey ?? '' };
    return { count: await gateway.documentCount(), ids: await allIds(engine) };
  } finally {
    await gateway.close();
  }
}

function expectExactly(index: { count: number; ids: string[] }, explicitIds: string[]): void {
  expect(index.count).toBe(ARTICLES);
  expect(new Set(index.ids).size).toBe(index.ids.length); // no duplicates
  expect(index.ids).toHaveLength(ARTICLES);
  expect(index.ids).toEqual(expect.arrayContaining(explicitIds));
}

describe('chaos: kill -9 during indexing', () => {
  it('the indexer killed mid-run, then run again: the exact count, no duplicates', async () => {
    const dataDir = temp('izde-chaos-idx-');
    const file = join(temp('izde-chaos-in-'), 'articles.jsonl');
    const ids = writeArticles(file, ARTICLES, { words: 60 });

    // A killed indexer leaves its spooled batch behind: in a temporary folder of the test's own.
    const run = spawnIndexCli([...BATCH_FLAGS, file], { MEILI_DB_PATH: dataDir, TMPDIR: temp('izde-chaos-tmp-') });
    const engine = await waitFor('the indexer’s engine', () => engineOf(dataDir), 60_000);
    await waitFor('a first batch handed to Meilisearch', async () => (await documentTasks(engine)) >= 1, 60_000);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).not.toMatch(/Indexed \d+ articles/); // it really was cut off mid-run
    // What it had handed over lands (the engine lives on); the rest never left it: whole batches, not all of them.
    await waitFor('the batches sent before the kill to be indexed', () => tasksSettled(engine), 60_000);
    const partial = await documentCount(engine);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ARTICLES);
    expect((partial ?? 0) % BATCH).toBe(0);

    const rerun = await runIndexCli([file], { MEILI_DB_PATH: dataDir });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`Indexed ${ARTICLES} articles`));
    // The orphaned engine was adopted by the rerun, which stopped it at its end.
    expect(isMeilisearchFor(engine.pid, dataPaths(dataDir).db)).toBe(false);
    expectExactly(await inspect(dataDir), ids);
  }, 180_000);

  it('Meilisearch killed during a run: the indexer exits 2 with a clear message, and a rerun completes', async () => {
    const dataDir = temp('izde-chaos-meili-');
    const file = join(temp('izde-chaos-in-'), 'articles.jsonl');
    const ids = writeArticles(file, ARTICLES, { words: 60, seed: 2 });

    const run = spawnIndexCli([...BATCH_FLAGS, file], { MEILI_DB_PATH: dataDir });
    const engine = await waitFor('the indexer’s engine', () => engineOf(dataDir), 60_000);
    await waitFor('a first batch handed to Meilisearch', async () => (await documentTasks(engine)) >= 1, 60_000);
    process.kill(engine.pid, 'SIGKILL');
    const started = Date.now();
    const out = await run.done;
    expect(out.code, `stdout: ${out.stdout}\nstderr: ${out.stderr}`).toBe(2);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(out.stderr).toMatch(/Meilisearch cannot be reached|Meilisearch (is )?(unavailable|down|stopped)/i);
    expect(out.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace

    const rerun = await runIndexCli([file], { MEILI_DB_PATH: dataDir });
    expect(rerun.code, rerun.stderr).toBe(0);
    expectExactly(await inspect(dataDir), ids);
  }, 180_000);
});
