/**
 * Helpers of the chaos tests: synthetic articles, the engine behind a data folder (pid, URL, key) read as any
 * process would read it, waiting with a deadline, and a small disk that fills up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { seededRandom } from '../bench/lib/scale-corpus.js';
import { dataPaths, isMeilisearchFor, readLock, sleep } from '../engine/index.js';

/**
 * A test file's temporary folders: `temp(prefix)` makes one, and all are removed after the file's tests, with any
 * engine still serving one (a test that failed before its rerun adopted a killed indexer's engine leaves it running).
 */
export function tempDirs(): (prefix: string) => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) {
      const pid = readLock(dataPaths(dir).lock)?.pid;
      if (pid && isMeilisearchFor(pid, dataPaths(dir).db)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** Made-up text: the chaos tests need volume, not meaning (and no evaluation data). */
const WORDS = (
  'ауыл қала мектеп жол су жер күн ай жыл адам бала ана әке үй есік терезе кітап хат сөз ән би тау өзен көл ' +
  'орман дала мал егін нан сүт ет шай дос көрші жұмыс ақша баға сауда зауыт көпір порт поезд ұшақ автобус ' +
  'город школа дорога вода земля солнце месяц год человек дом окно книга письмо слово песня гора река озеро ' +
  'лес поле хлеб молоко чай друг сосед работа деньги цена завод мост порт поезд самолёт автобус новость'
).split(' ');

/**
 * Writes `count` articles to a JSONL file: every fifth has no id (its id comes from its content, which holds its
 * number, so every article is distinct). Returns the ids given explicitly.
 */
export function writeArticles(file: string, count: number, options: { seed?: number; words?: number } = {}): string[] {
  const next = seededRandom(options.seed ?? 1); // the same seed writes the same articles
  const words = options.words ?? 120;
  const ids: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
    const record: Record<string, string> = { lang: i % 2 ? 'ru' : 'kk', text: `Хабар ${i}. ${text}.` };
    if (i % 5 !== 0) {
      record.id = `chaos/${i}`;
      record.title = `Хабар ${i}`;
      ids.push(record.id);
    }
    lines.push(JSON.stringify(record));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return ids;
}

/** The embedded engine serving a data folder, as its lock file and key file tell any process. */
export interface EngineOf {
  pid: number;
  url: string;
  key: string;
}

export function engineOf(dataDir: string): EngineOf | null {
  const paths = dataPaths(dataDir);
  const lock = readLock(paths.lock);
  if (lock?.state !== 'ready' || !lock.pid || !lock.url) return null;
  return { pid: lock.pid, url: lock.url, key: readFileSync(paths.key, 'utf8').trim() };
}

/** Polls `check` until it returns a value (not undefined/false/null) or the deadline passes. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** A GET on Meilisearch with the master key (null when it does not answer). */
export async function meili<T>(engine: { url: string; key: string }, path: string): Promise<T | null> {
  try {
    const res = await fetch(`${engine.url}${path}`, {
      headers: { authorization: `Bearer ${engine.key}` },
      signal: AbortSignal.timeout(5000),
    });
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}

/** How many document batches the indexer has handed to Meilisearch so far (for the articles, not the writers' lock). */
export async function documentTasks(engine: { url: string; key: string }, index = 'articles'): Promise<number> {
  const tasks = await meili<{ total: number }>(
    engine,
    `/tasks?types=documentAdditionOrUpdate&indexUids=${encodeURIComponent(index)}&limit=1`,
  );
  return tasks?.total ?? 0;
}

/** Whether Meilisearch has no task waiting or running: what was handed to it before a kill has landed. */
export async function tasksSettled(engine: { url: string; key: string }): Promise<boolean> {
  const tasks = await meili<{ total: number }>(engine, '/tasks?statuses=enqueued,processing&limit=1');
  return tasks !== null && tasks.total === 0;
}

/** How many documents the index holds (null when Meilisearch does not answer). */
export async function documentCount(engine: { url: string; key: string }, index = 'articles'): Promise<number | null> {
  const stats = await meili<{ numberOfDocuments: number }>(engine, `/indexes/${encodeURIComponent(index)}/stats`);
  return stats?.numberOfDocuments ?? null;
}

/** Every article id in the index (paged), to check counts and duplicates. */
export async function allIds(engine: { url: string; key: string }, index = 'articles'): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await meili<{ results: { id: string }[] }>(
      engine,
      `/indexes/${index}/documents?fields=id&limit=1000&offset=${offset}`,
    );
    if (!page) throw new Error('Meilisearch did not answer');
    ids.push(...page.results.map((d) => d.id));
    if (page.results.length < 1000) return ids;
  }
}

/** A small tmpfs that fills up (root only); null where mounting is not allowed. */
export interface SmallDisk {
  dir: string;
  /** Gives the disk more room (an operator freeing space). */
  grow(size: string): void;
  remove(): void;
}

export function mountSmallDisk(size: string): SmallDisk | null {
  if (process.env.IZDE_CHAOS_NO_MOUNT === '1' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'izde-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    grow: (bigger) => execFileSync('mount', ['-o', `remount,size=${bigger}`, dir], { stdio: 'ignore' }),
    remove() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A Meilisearch (as MEILI_URL) whose files may not grow past `fileSizeLimit` bytes (`ulimit -f`, SIGXFSZ ignored):
 * its writes then fail with EFBIG, as on a full disk. For machines where a small disk cannot be mounted. `restart`
 * starts it again on the same data and port, with another limit or none.
 */
export interface LimitedMeilisearch {
  url: string;
  masterKey: string;
  restart(fileSizeLimit: number | null): Promise<void>;
  stop(): Promise<void>;
}

export async function startLimitedMeilisearch(dir: string, fileSizeLimit: number | null): Promise<LimitedMeilisearch> {
  const { spawn } = await import('node:child_process');
  const { findMeilisearchBinary, freePort, isHealthy } = await import('../engine/index.js');
  const binary = findMeilisearchBinary(join(dir, 'bin'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const masterKey = 'limited-master-key-for-chaos-tests';
  let child: import('node:child_process').ChildProcess | undefined;
  const start = async (limit: number | null) => {
    const ulimit = limit === null ? '' : `ulimit -f ${Math.ceil(limit / 512)}; `;
    child = spawn(
      'sh',
      [
        '-c',
        `trap '' XFSZ; ${ulimit}exec "$0" "$@"`,
        binary,
        '--db-path',
        join(dir, 'db'),
        '--http-addr',
        `127.0.0.1:${port}`,
        '--no-analytics',
      ],
      { env: { PATH: process.env.PATH ?? '', MEILI_MASTER_KEY: masterKey }, stdio: 'ignore' },
    );
    await waitFor('the limited Meilisearch to start', () => isHealthy(url), 30_000);
  };
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  await start(fileSizeLimit);
  return {
    url,
    masterKey,
    async restart(limit) {
      await stop();
      await start(limit);
    },
    stop,
  };
}
