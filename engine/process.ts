import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** What one Meilisearch process is started with. */
export interface MeilisearchLaunch {
  binary: string;
  dbPath: string;
  port: number;
  masterKey: string;
  /** Extra flags (dump and snapshot folders, `--env production`, indexing memory, …). Never secrets. */
  flags?: readonly string[];
  stdio?: StdioOptions;
  /**
   * Whether the engine may open TLS connections of its own (webhooks, remote shards, REST embedders); default true.
   * Meilisearch 1.21 builds the HTTP client for remote shards anew for every federated search, and with it reads and
   * parses the system's CA certificates: under `perf` that PEM parsing was most of a small search's CPU, 4–5 ms a
   * search (docs/performance.md). Without it (false) the engine gets an empty trust store (SSL_CERT_FILE and
   * SSL_CERT_DIR at /dev/null): nothing to read, and no TLS connection it could make would be trusted.
   */
  outboundTls?: boolean;
}

/**
 * Starts Meilisearch bound to 127.0.0.1. The master key travels in the child's environment (`MEILI_MASTER_KEY`),
 * never in argv: argv is readable by every local user (`ps`), and Meilisearch reads an argument that starts with
 * `-` as a flag, so a key such as `-x…` would stop it from starting. The child gets none of our own `MEILI_*`
 * variables (izde's MEILI_DB_PATH and MEILI_URL mean other things than Meilisearch's).
 */
export function spawnMeilisearch(launch: MeilisearchLaunch): ChildProcess {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MEILI_')) env[k] = v;
  env.MEILI_MASTER_KEY = launch.masterKey;
  if (launch.outboundTls === false) {
    env.SSL_CERT_FILE = '/dev/null';
    env.SSL_CERT_DIR = '/dev/null';
  }
  const args = [
    '--db-path',
    resolve(launch.dbPath),
    '--http-addr',
    `127.0.0.1:${launch.port}`,
    '--no-analytics',
    ...(launch.flags ?? []),
  ];
  return spawn(launch.binary, args, { env, stdio: launch.stdio ?? 'ignore' });
}

/** The command line of a live process (Linux /proc), or null when it cannot be read (gone, or not ours to read). */
export function commandLineOf(pid: number): string[] | null {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const args = raw.split('\0');
    if (args[args.length - 1] === '') args.pop();
    return args.length > 0 ? args : null;
  } catch {
    return null;
  }
}

/**
 * Whether `pid` is a Meilisearch serving `dbPath`: its executable is named meilisearch and its `--db-path` is that
 * folder. Pids are reused, so a lock's pid is checked this way before it is signalled or its engine reused.
 */
export function isMeilisearchFor(pid: number | undefined, dbPath: string): boolean {
  if (!pid || pid <= 0) return false;
  const args = commandLineOf(pid);
  if (!args) return false;
  const exe = args[0]?.split('/').pop() ?? '';
  if (!/^meilisearch/.test(exe)) return false;
  const at = args.indexOf('--db-path');
  const dbArg = at >= 0 ? args[at + 1] : undefined;
  return dbArg !== undefined && resolve(dbArg) === resolve(dbPath);
}

/**
 * Whether a process we may signal exists: `kill(pid, 0)` succeeds. EPERM means it belongs to another user — a
 * reused pid, not one of ours — so it counts as gone.
 */
export function isAlive(pid: number | undefined): boolean {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
