/**
 * `npm run index -- --sync/--delete` as real processes, as a newsroom runs them: the summary a cron job mails, a sync
 * killed with kill -9 and run again, two syncs at once. The test process runs the engine; the CLIs share it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../engine/index.js';
import { Gateway, WriterLocks, waitForTask } from '../engine/index.js';
import type { Progress } from './progress.js';
import { runSync } from './sync.js';
import { runIndexCli, spawnIndexCli } from './testing.js';

let dataDir: string;
let gateway: Gateway;
const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
const quiet = (): Progress => ({ advance() {}, note() {}, stop() {} });
let spoolDir: string;
// The CLIs spool their batches in a folder of the test's own: a CLI killed with kill -9 leaves its batch behind.
const env = () => ({ MEILI_DB_PATH: dataDir, TMPDIR: spoolDir });

beforeAll(async () => {
  dataDir = temp('izde-sync-cli-');
  spoolDir = temp('izde-sync-cli-tmp-');
  gateway = await Gateway.open({ config: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles' } });
  await gateway.ensureIndex();
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function emptyIndex(): Promise<void> {
  await waitForTask(gateway.admin, await gateway.admin.index('articles').deleteAllDocuments(), 'empty the index');
}

async function titles(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await gateway.admin
      .index<ArticleDocument>('articles')
      .getDocuments({ fields: ['id', 'title'], limit: 1000, offset });
    for (const d of page.results) out.set(d.id, d.title);
    if (page.results.length < 1000) return out;
  }
}

/** A JSONL feed of `ids` (each record's title says its version). */
function writeFeed(file: string, ids: number[], version: (id: number) => string = () => 'v1'): void {
  const lines = ids.map((i) =>
    JSON.stringify({
      id: `feed/${i}`,
      lang: i % 2 ? 'ru' : 'kk',
      title: `Хабар ${i} ${version(i)}`,
      text: `Хабар ${i}. Астанада жиын өтті, министрлер келді. В Астане прошло совещание номер ${i}.`,
    }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('npm run index -- --sync (real processes)', () => {
  it('a folder synced, edited (one file changed, one removed, one added) and synced again', async () => {
    await emptyIndex();
    const folder = temp('izde-sync-folder-');
    for (let i = 1; i <= 6; i++) writeFileSync(join(folder, `${i}.txt`), `Хабар ${i}\n\nАстанада ${i}-жиын өтті.\n`);
    const first = await runIndexCli(['--sync', folder], env());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/added 6, updated 0, unchanged 0, deleted 0/);

    writeFileSync(join(folder, '1.txt'), 'Хабар 1 түзетілді\n\nАстанада жиын өтті. Түзету.\n');
    rmSync(join(folder, '2.txt'));
    writeFileSync(join(folder, '7.txt'), 'Жаңа хабар\n\nЖаңа мақала.\n');
    const second = await runIndexCli(['--sync', folder], env());
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^Synced 6 files in [\d.]+ s: added 1, updated 1, unchanged 4, deleted 1\.$/m);
    const now = await titles();
    expect([...now.keys()].sort()).toEqual(['1', '3', '4', '5', '6', '7']);
    expect(now.get('1')).toBe('Хабар 1 түзетілді');
  }, 120_000);

  it('a sync killed with kill -9 and run again ends in the right state', async () => {
    await emptyIndex();
    const file = join(temp('izde-sync-kill-'), 'feed.jsonl');
    writeFeed(file, range(1, 600));
    await runSync(gateway, { paths: [file], progress: quiet });

    // The next edition: 150 records changed, 200 gone, 150 new.
    const next = [...range(1, 400), ...range(601, 750)];
    writeFeed(file, next, (i) => (i <= 150 || i > 600 ? 'v2' : 'v1'));
    const before = (await gateway.admin.tasks.getTasks({ indexUids: ['articles'], limit: 1 })).results[0]?.uid ?? 0;
    const run = spawnIndexCli(['--sync', file], env());
    for (let i = 0; ; i++) {
      const tasks = await gateway.admin.tasks.getTasks({
        indexUids: ['articles'],
        types: ['documentAdditionOrUpdate'],
        limit: 1,
      });
      if ((tasks.results[0]?.uid ?? 0) > before) break;
      if (i > 1200) throw new Error('the sync never sent a batch');
      await new Promise((r) => setTimeout(r, 50));
    }
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).not.toMatch(/Synced/); // cut off before its deletions

    const rerun = await runIndexCli(['--sync', file], env());
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/deleted (200|0)/);
    const now = await titles();
    expect(now.size).toBe(next.length);
    expect([...now.keys()].sort()).toEqual(next.map((i) => `feed/${i}`).sort());
    for (const i of [1, 150, 601, 750]) expect(now.get(`feed/${i}`)).toBe(`Хабар ${i} v2`);
    expect(now.get('feed/151')).toBe('Хабар 151 v1');
  }, 180_000);

  it('waits while another sync runs (or refuses with --no-wait), and two at once end in the right state', async () => {
    await emptyIndex();
    const folder = temp('izde-sync-two-');
    const file = join(folder, 'feed.jsonl');
    writeFeed(file, range(1, 50));

    // Another sync holds the lock (the test stands in for it).
    const other = new WriterLocks(() => gateway.admin, 'articles', { owner: 'another-process' });
    const held = await other.acquire('sync', { what: 'npm run index -- --sync /srv/archive' });
    let waiting: ReturnType<typeof spawnIndexCli> | undefined;
    try {
      const refused = await runIndexCli(['--sync', '--no-wait', folder], env());
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /The index is busy: npm run index -- --sync \/srv\/archive \(pid \d+ on .+, since /,
      );

      waiting = spawnIndexCli(['--sync', folder], env());
      const started = Date.now();
      while (!/Waiting for npm run index -- --sync \/srv\/archive/.test(waiting.output().stderr)) {
        if (Date.now() - started > 60_000) throw new Error(`never waited: ${waiting.output().stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(waiting.output().stdout).toBe('');
    } finally {
      await held.release();
    }
    const waited = await waiting.done;
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stdout).toMatch(/added 50, updated 0, unchanged 0, deleted 0/);

    // Two real syncs of one edition at once: one does the work, the other finds it done.
    writeFeed(file, range(11, 60), () => 'v2');
    const [a, b] = await Promise.all([runIndexCli(['--sync', folder], env()), runIndexCli(['--sync', folder], env())]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const counts = [a, b].map((r) =>
      /added (\d+), updated (\d+), unchanged (\d+), deleted (\d+)/.exec(r.stdout)?.slice(1).map(Number),
    );
    const total = (k: number) => (counts[0]?.[k] ?? 0) + (counts[1]?.[k] ?? 0);
    expect([total(0), total(1), total(3)]).toEqual([10, 40, 10]); // added, updated, deleted: done once
    const now = await titles();
    expect([...now.keys()].sort()).toEqual(
      range(11, 60)
        .map((i) => `feed/${i}`)
        .sort(),
    );
  }, 180_000);

  it('--delete removes articles by id and names the ids that were not there', async () => {
    await emptyIndex();
    const file = join(temp('izde-delete-'), 'feed.jsonl');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFeed(file, range(1, 3));
    await runSync(gateway, { paths: [file], progress: quiet });
    const r = await runIndexCli(['--delete', 'feed/2', 'no/such/id'], env());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Deleted 1 article; 1 not found\.$/m);
    expect(r.stderr).toMatch(/^not found: no\/such\/id$/m);
    expect([...(await titles()).keys()].sort()).toEqual(['feed/1', 'feed/3']);
  }, 60_000);
});
