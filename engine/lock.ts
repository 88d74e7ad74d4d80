import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * The lock file that lets several processes share one embedded Meilisearch per data folder. It is created with
 * O_EXCL while an engine starts (`starting`), then rewritten with the engine's pid and URL (`ready`).
 */
export interface EngineLock {
  state: 'starting' | 'ready';
  /** The process that owns (and will stop) the engine. */
  ownerPid: number;
  /** The Meilisearch process, once started. */
  pid?: number;
  url?: string;
  startedAt: number;
}

export function readLock(path: string): EngineLock | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as EngineLock;
    return typeof parsed.ownerPid === 'number' && (parsed.state === 'starting' || parsed.state === 'ready')
      ? parsed
      : null;
  } catch {
    return null; // missing or half-written: treated as absent (a half-written lock is rewritten within ms)
  }
}

/** Creates the lock only if none exists; false when another process holds it. */
export function createLockExclusive(path: string, lock: EngineLock): boolean {
  try {
    writeFileSync(path, JSON.stringify(lock), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

export function writeLock(path: string, lock: EngineLock): void {
  writeFileSync(path, JSON.stringify(lock), { mode: 0o600 });
}

/** Removes the lock if it still says what `expected` says (so we never delete a lock another process just took). */
export function removeLockIf(path: string, expected: EngineLock | null): void {
  const current = readLock(path);
  if (expected && current && JSON.stringify(current) !== JSON.stringify(expected)) return;
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
