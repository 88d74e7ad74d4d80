import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { findMeilisearchBinary } from './binary.js';
import { EngineError } from './errors.js';
import { isHealthy, sleep } from './health.js';
import { createLockExclusive, type EngineLock, readLock, removeLockIf, writeLock } from './lock.js';
import { isAlive, isMeilisearchFor, spawnMeilisearch } from './process.js';

/** Configuration of the embedded engine; one object, defaults in `startEmbedded`. */
export interface EmbeddedOptions {
  /** Our data folder (MEILI_DB_PATH): holds the Meilisearch database, the master key, the lock and the log. */
  dataDir: string;
  /** A fixed master key (MEILI_MASTER_KEY); otherwise one is generated on first run and kept in the data folder. */
  masterKey?: string;
  /** How long to wait for /health after starting. */
  startTimeoutMs?: number;
  /** Meilisearch's `--max-indexing-memory` (MEILI_MAX_INDEXING_MEMORY); EMBEDDED_INDEXING_MEMORY by default. */
  maxIndexingMemory?: string;
  /** Progress messages ("starting…", "reusing…"), e.g. a logger's info. */
  log?: (message: string) => void;
}

/**
 * The indexing memory of the embedded engine. Meilisearch's own default is two thirds of the machine's RAM, and it
 * takes it: on izde's documents (20,000 in tasks of 3,000, `bench:engine-batches --memory`) its peak RSS was 3,535 MB
 * by default and 1,138 MB with 1 GiB, with less CPU (51.5 → 41.4 s) and the same disk (docs/performance.md). An engine
 * that shares a small machine with the indexer and the server should not hold gigabytes it does not need.
 */
export const EMBEDDED_INDEXING_MEMORY = '1GiB';

/** A running engine: started by this process (`owned`) or shared with the process that started it. */
export interface EmbeddedEngine {
  url: string;
  masterKey: string;
  owned: boolean;
  /** Stops the engine if this process owns it (no-op otherwise); idempotent. */
  stop(): Promise<void>;
}

export interface DataPaths {
  dir: string;
  db: string;
  key: string;
  lock: string;
  log: string;
  bin: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const dir = resolve(dataDir);
  return {
    dir,
    db: join(dir, 'data.ms'),
    key: join(dir, 'master-key'),
    lock: join(dir, 'engine.lock'),
    log: join(dir, 'meilisearch.log'),
    bin: join(dir, 'bin'),
  };
}

/** Meilisearch refuses a master key shorter than this (in bytes) when it runs with `--env production`. */
const MIN_KEY_BYTES = 16;

/** A new master key: 64 hex digits (alphanumeric, so no shell, URL or argument parser ever trips on it). */
export function generateMasterKey(): string {
  return randomBytes(32).toString('hex');
}

/** The master key: the configured one, else the stored one, else a new one stored with owner-only permissions. */
function masterKeyFor(paths: DataPaths, configured?: string): string {
  if (configured !== undefined) {
    if (Buffer.byteLength(configured) < MIN_KEY_BYTES) {
      throw new EngineError(
        'ENGINE_START_FAILED',
        `MEILI_MASTER_KEY must be at least ${MIN_KEY_BYTES} bytes long for the embedded Meilisearch.`,
      );
    }
    return configured;
  }
  if (existsSync(paths.key)) {
    const stored = readFileSync(paths.key, 'utf8').replace(/\r?\n$/, '');
    if (Buffer.byteLength(stored) >= MIN_KEY_BYTES) return stored;
  }
  const key = generateMasterKey();
  writeFileSync(paths.key, `${key}\n`, { mode: 0o600 });
  chmodSync(paths.key, 0o600); // mode is ignored when the file already existed
  return key;
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function tail(path: string, lines = 15): string {
  try {
    return stripVTControlCharacters(readFileSync(path, 'utf8')) // the log is colored
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(50);
  }
  return !isAlive(pid);
}

/**
 * Starts Meilisearch on 127.0.0.1 for `dataDir`, or reuses the one another process of ours already runs there.
 * Stale locks (a dead engine, or a start whose owner died) are detected and replaced; an engine whose owner died is
 * adopted, so someone still stops it. An engine that runs but does not answer is never doubled: two engines on one
 * database corrupt it. It is waited for while its owner lives (then a clear error), stopped first when its owner died.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedEngine> {
  const log = options.log ?? (() => {});
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const paths = dataPaths(options.dataDir);
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const masterKey = masterKeyFor(paths, options.masterKey);
  const deadline = Date.now() + startTimeoutMs + 5_000;

  let silent: { pid: number; url: string } | undefined;
  while (Date.now() < deadline) {
    const lock = readLock(paths.lock);
    // A lock's pid counts only while it is a Meilisearch on our data folder: pids are reused.
    const enginePid = lock?.pid;
    const engineAlive = enginePid !== undefined && isMeilisearchFor(enginePid, paths.db);
    if (lock?.state === 'ready' && lock.url && enginePid !== undefined && engineAlive) {
      if (await isHealthy(lock.url)) {
        const adopt = !isAlive(lock.ownerPid);
        if (adopt) writeLock(paths.lock, { ...lock, ownerPid: process.pid });
        log(`${adopt ? 'Adopting' : 'Reusing'} the Meilisearch already running for ${paths.dir} at ${lock.url}`);
        return adopt ? ownedEngine(paths, lock.url, masterKey, enginePid) : sharedEngine(lock.url, masterKey);
      }
      // Alive but not answering: busy (a loaded machine, a large batch) or hung. A second engine on the same database
      // would corrupt it, so while its owner lives we wait for it; one whose owner died is stopped before another starts.
      if (isAlive(lock.ownerPid)) {
        if (!silent) log(`Waiting for the Meilisearch of ${paths.dir} (pid ${enginePid}) to answer at ${lock.url}…`);
        silent = { pid: enginePid, url: lock.url };
        await sleep(500);
        continue;
      }
      signal(enginePid, 'SIGTERM');
      if (!(await waitForExit(enginePid, 10_000))) signal(enginePid, 'SIGKILL');
      await waitForExit(enginePid, 5_000);
      removeLockIf(paths.lock, lock);
      continue;
    }
    silent = undefined;
    if (lock?.state === 'starting' && isAlive(lock.ownerPid) && Date.now() - lock.startedAt < startTimeoutMs) {
      await sleep(200); // another process is starting it: wait for `ready`
      continue;
    }
    if (lock) {
      // Stale: its owner is gone, or its engine is (a `starting` whose owner died, a `ready` whose engine died).
      removeLockIf(paths.lock, lock);
      continue;
    }
    const starting: EngineLock = { state: 'starting', ownerPid: process.pid, startedAt: Date.now() };
    if (!createLockExclusive(paths.lock, starting)) continue;
    try {
      return await launch(paths, masterKey, options.maxIndexingMemory ?? EMBEDDED_INDEXING_MEMORY, startTimeoutMs, log);
    } catch (err) {
      removeLockIf(paths.lock, null);
      throw err;
    }
  }
  if (silent) {
    throw new EngineError(
      'ENGINE_LOCKED',
      `The Meilisearch of ${paths.dir} (pid ${silent.pid}) does not answer at ${silent.url}; not starting a second one ` +
        'on the same folder. Try again once it answers, or stop the izde process that runs it.',
    );
  }
  throw new EngineError(
    'ENGINE_LOCKED',
    `Another process kept ${paths.lock} in "starting" for too long; remove it if no izde process runs.`,
  );
}

async function launch(
  paths: DataPaths,
  masterKey: string,
  maxIndexingMemory: string,
  startTimeoutMs: number,
  log: (m: string) => void,
): Promise<EmbeddedEngine> {
  const binary = findMeilisearchBinary(paths.bin);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const logFd = openSync(paths.log, 'a', 0o600);
    const child = spawnMeilisearch({
      binary,
      dbPath: paths.db,
      port,
      masterKey,
      flags: [
        '--env',
        'production',
        '--dump-dir',
        join(paths.dir, 'dumps'),
        '--snapshot-dir',
        join(paths.dir, 'snapshots'),
        '--max-indexing-memory',
        maxIndexingMemory,
      ],
      stdio: ['ignore', logFd, logFd],
      // The embedded engine talks to izde alone, and a trust store costs every federated search (process.ts).
      outboundTls: false,
    });
    closeSync(logFd);
    log(`Starting Meilisearch (${paths.db}) at ${url}`);
    let exited = false;
    child.once('exit', () => (exited = true));
    const started = Date.now();
    while (!exited && Date.now() - started < startTimeoutMs) {
      // No pid: the binary could not be spawned (its 'exit' follows).
      if (child.pid !== undefined && (await isHealthy(url, 500))) {
        const ready: EngineLock = { state: 'ready', ownerPid: process.pid, pid: child.pid, url, startedAt: started };
        writeLock(paths.lock, ready);
        log(`Meilisearch is healthy after ${Date.now() - started} ms`);
        return ownedEngine(paths, url, masterKey, child.pid);
      }
      await sleep(100);
    }
    const reason = tail(paths.log);
    if (!exited) child.kill('SIGKILL');
    // A port taken between our probe and Meilisearch's bind is worth another try; anything else is reported.
    if (attempt < 3 && /address already in use/i.test(reason)) continue;
    throw new EngineError(
      'ENGINE_START_FAILED',
      `Meilisearch did not become healthy${exited ? ' (it exited)' : ` within ${startTimeoutMs} ms`}. Last lines of ${paths.log}:\n${reason}`,
    );
  }
}

function sharedEngine(url: string, masterKey: string): EmbeddedEngine {
  return { url, masterKey, owned: false, stop: async () => {} };
}

/** Engines this process must stop (pid → database folder), so an abrupt `exit` still takes them down. */
const ownedPids = new Map<number, string>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    // An engine that died meanwhile (killed, crashed) may have left its pid to another process: check it first.
    for (const [pid, db] of ownedPids) if (isMeilisearchFor(pid, db)) signal(pid, 'SIGTERM');
  });
}

/** Signals a process, ignoring one that is already gone. */
function signal(pid: number | undefined, sig: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function ownedEngine(paths: DataPaths, url: string, masterKey: string, pid: number): EmbeddedEngine {
  ownedPids.set(pid, paths.db);
  installExitHook();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (isMeilisearchFor(pid, paths.db)) {
        signal(pid, 'SIGTERM');
        if (!(await waitForExit(pid, 10_000))) signal(pid, 'SIGKILL');
      }
      ownedPids.delete(pid);
      const lock = readLock(paths.lock);
      if (lock?.pid === pid) removeLockIf(paths.lock, lock);
    })());
  return { url, masterKey, owned: true, stop };
}
