/**
 * Starts the embedded engine many times in a row and reports every failure.
 *
 *   npm run bench:starts -- [--count 200]
 *
 * Starts alternate between fresh data folders and one reused folder. Fresh ones alternate a generated key and a
 * configured key that starts with `-` (once read as a flag by Meilisearch); in the reused folder every tenth engine
 * is killed with SIGKILL instead of stopped, so the next start meets a stale lock and a database that was not closed.
 * Each start must answer /health and an authenticated request, then leave no process and no lock behind. As a
 * baseline, the bare binary is started the same number of times on fresh folders (no lock, no key file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  dataPaths,
  findMeilisearchBinary,
  freePort,
  isHealthy,
  isMeilisearchFor,
  readLock,
  sleep,
  spawnMeilisearch,
  startEmbedded,
} from '../engine/index.js';
import { fixed, printTable } from './lib/table.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '200' } } });
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run bench:starts -- [--count 200]');
  process.exit(2);
}

interface Outcome {
  kind: string;
  ms: number;
  error?: string;
}

const root = mkdtempSync(join(tmpdir(), 'izde-starts-'));
const reused = join(root, 'reused');
const outcomes: Outcome[] = [];
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function authenticated(url: string, key: string): Promise<boolean> {
  const res = await fetch(`${url}/indexes`, { headers: { authorization: `Bearer ${key}` } });
  return res.ok;
}

async function oneStart(i: number): Promise<Outcome> {
  const fresh = i % 2 === 0;
  const dashKey = fresh && i % 4 === 0;
  const crash = !fresh && i % 20 === 19;
  const kind = fresh
    ? dashKey
      ? 'fresh folder, key starting with -'
      : 'fresh folder, generated key'
    : crash
      ? 'reused folder, then SIGKILL'
      : 'reused folder';
  const dataDir = fresh ? join(root, `fresh-${i}`) : reused;
  const started = performance.now();
  try {
    const engine = await startEmbedded({
      dataDir,
      ...(dashKey ? { masterKey: `-x${i}-looks-like-a-flag-0123456789` } : {}),
    });
    const ms = performance.now() - started;
    if (!(await isHealthy(engine.url))) throw new Error('started but /health does not answer');
    if (!(await authenticated(engine.url, engine.masterKey))) throw new Error('the master key is refused');
    const pid = readLock(dataPaths(dataDir).lock)?.pid;
    if (crash && pid) {
      process.kill(pid, 'SIGKILL');
      for (let t = 0; t < 100 && isMeilisearchFor(pid, dataPaths(dataDir).db); t++) await sleep(20);
    } else {
      await engine.stop();
      if (pid && isMeilisearchFor(pid, dataPaths(dataDir).db)) throw new Error(`stopped, but pid ${pid} still runs`);
      if (readLock(dataPaths(dataDir).lock)) throw new Error('stopped, but the lock file is still there');
    }
    if (fresh) rmSync(dataDir, { recursive: true, force: true });
    return { kind, ms };
  } catch (err) {
    return { kind, ms: performance.now() - started, error: (err as Error).message.split('\n').slice(0, 4).join(' / ') };
  }
}

async function bareStart(i: number): Promise<Outcome> {
  const dir = join(root, `bare-${i}`);
  const binary = findMeilisearchBinary(join(root, 'bin'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnMeilisearch({
    binary,
    dbPath: join(dir, 'data.ms'),
    port,
    masterKey: 'bare-start-master-key-0123456789',
  });
  try {
    for (let t = 0; t < 600 && !(await isHealthy(url, 500)); t++) await sleep(50);
    const ms = performance.now() - started;
    if (!(await isHealthy(url))) throw new Error('did not become healthy');
    return { kind: 'bare binary, fresh folder (baseline)', ms };
  } catch (err) {
    return {
      kind: 'bare binary, fresh folder (baseline)',
      ms: performance.now() - started,
      error: (err as Error).message,
    };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const outcome = await oneStart(i);
    outcomes.push(outcome);
    if (outcome.error) console.error(`start ${i + 1} (${outcome.kind}) FAILED: ${outcome.error}`);
    if ((i + 1) % 50 === 0) console.error(`${i + 1} starts…`);
  }
  const izdeSeconds = (performance.now() - t0) / 1000;
  for (let i = 0; i < count; i++) outcomes.push(await bareStart(i));

  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  printTable(
    `engine starts — ${count} in a row in ${izdeSeconds.toFixed(0)} s, then ${count} bare ones (${new Date().toISOString().slice(0, 10)}; ms to healthy)`,
    ['', 'starts', 'failed', 'p50', 'p95', 'max'],
    kinds.map((k) => {
      const of = outcomes.filter((o) => o.kind === k);
      const ms = of.filter((o) => !o.error).map((o) => o.ms);
      return [
        k,
        String(of.length),
        String(of.filter((o) => o.error).length),
        fixed(percentile(ms, 50), 0),
        fixed(percentile(ms, 95), 0),
        fixed(Math.max(...ms), 0),
      ];
    }),
  );
  const failed = outcomes.filter((o) => o.error && !o.kind.startsWith('bare'));
  console.log(failed.length ? `\n${failed.length} of ${count} starts FAILED` : `\nall ${count} starts succeeded`);
  process.exitCode = failed.length ? 1 : 0;
} finally {
  // The reused folder's engine, if the last start left one (a crash start kills it itself).
  const lock = readLock(dataPaths(reused).lock);
  if (lock?.pid && isMeilisearchFor(lock.pid, dataPaths(reused).db)) process.kill(lock.pid, 'SIGTERM');
  await sleep(200);
  rmSync(root, { recursive: true, force: true });
}
