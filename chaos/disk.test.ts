/**
 * Chaos: the disk fills up during an index run. The run must end with a clear message (not a timeout, not a stack
 * trace), the articles indexed before must stay intact and searchable, and once there is room a rerun completes.
 * As root, on a real small tmpfs under the embedded engine; everywhere, on a Meilisearch whose file writes fail
 * past a size limit (`ulimit -f`: an injected write error, the same failure seen through MEILI_URL).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { runIndexCli } from '../indexer/testing.js';
import { DEFAULT_STATIC_DIR } from '../server/config.js';
import { startServer } from '../server/start.js';
import { mountSmallDisk, startLimitedMeilisearch, tempDirs, writeArticles } from './testing.js';

const SEED_IDS = readdirSync('data/articles').map((f) => f.replace(/\.txt$/, ''));
const temp = tempDirs();

/** The seeds are all there and izde finds them through its API (the same words, the same hits). */
async function expectSeedsIntact(engine: { url?: string; masterKey?: string; dataDir?: string }): Promise<number> {
  const server = await startServer({
    engine: {
      url: engine.url,
      masterKey: engine.masterKey,
      dataDir: engine.dataDir ?? temp('izde-x-'),
      indexName: 'articles',
    },
    server: { port: 0, host: '127.0.0.1', logLevel: 'silent', rateLimitPerMinute: 0, staticDir: DEFAULT_STATIC_DIR },
    logger: pino({ level: 'silent' }),
  });
  try {
    for (const id of SEED_IDS) {
      const res = await fetch(`${server.url}/api/articles/${id}`);
      expect(res.status, id).toBe(200);
    }
    const search = await fetch(`${server.url}/api/search?q=${encodeURIComponent('Қазақстанның')}&limit=100`).then((r) =>
      r.json(),
    );
    expect(search.hits.map((h: { id: string }) => h.id)).toEqual(expect.arrayContaining(SEED_IDS.slice(0, 4)));
    return (await fetch(`${server.url}/api/health`).then((r) => r.json())).documents;
  } finally {
    await server.close();
  }
}

const disk = mountSmallDisk('8m');
afterAll(() => disk?.remove());

describe('chaos: a full disk', () => {
  it.runIf(disk !== null)(
    'embedded engine on a small disk: a clear error, the index intact, a rerun completes',
    async () => {
      const dataDir = disk?.dir ?? '';
      const seeded = await runIndexCli(['data/articles'], { MEILI_DB_PATH: dataDir });
      expect(seeded.code, seeded.stderr).toBe(0);
      const file = join(temp('izde-disk-in-'), 'big.jsonl');
      writeArticles(file, 600, { words: 120, seed: 3 });

      const started = Date.now();
      const full = await runIndexCli([file], { MEILI_DB_PATH: dataDir });
      expect(full.code, full.stdout + full.stderr).toBe(2);
      expect(Date.now() - started).toBeLessThan(90_000); // said promptly, not after a task timeout
      expect(full.stderr).toMatch(/disk holding the search data \(.+\) is (nearly )?full/);
      expect(full.stderr).toMatch(/Free some space/);
      expect(full.stderr).not.toMatch(/\n\s+at /);

      disk?.grow('256m'); // the operator frees space
      expect(await expectSeedsIntact({ dataDir })).toBeGreaterThanOrEqual(SEED_IDS.length);
      const rerun = await runIndexCli([file], { MEILI_DB_PATH: dataDir });
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await expectSeedsIntact({ dataDir })).toBe(SEED_IDS.length + 600);
    },
    240_000,
  );

  it('MEILI_URL whose writes fail (injected: a file size limit): a clear error, the index intact, a rerun completes', async () => {
    const meili = await startLimitedMeilisearch(temp('izde-disk-ext-'), null);
    try {
      const env = { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey };
      const seeded = await runIndexCli(['data/articles'], env);
      expect(seeded.code, seeded.stderr).toBe(0);
      await meili.restart(2 * 1024 * 1024); // no file of the engine may grow past 2 MB from now on
      const file = join(temp('izde-disk-in-'), 'big.jsonl');
      writeArticles(file, 600, { words: 120, seed: 4 });

      const failed = await runIndexCli([file], env);
      expect(failed.code, failed.stdout + failed.stderr).toBeGreaterThan(0);
      // Meilisearch's error, and what it means for the user.
      expect(failed.stderr).toMatch(/no space left|Input\/output error|File too large/i);
      expect(failed.stderr).toMatch(/Meilisearch could not write its data: its disk is probably full/);
      expect(failed.stderr).not.toMatch(/\n\s+at /);

      await meili.restart(null); // room again
      expect(await expectSeedsIntact({ url: meili.url, masterKey: meili.masterKey })).toBeGreaterThanOrEqual(
        SEED_IDS.length,
      );
      const rerun = await runIndexCli([file], env);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await expectSeedsIntact({ url: meili.url, masterKey: meili.masterKey })).toBe(SEED_IDS.length + 600);
    } finally {
      await meili.stop();
    }
  }, 240_000);
});
