import { statfsSync } from 'node:fs';

/**
 * Free space of the disk holding the embedded engine's data folder. Meilisearch reports a full disk obliquely — a
 * batch refused as a "malformed payload", an I/O error, or a task that never finishes because its scheduler stopped —
 * so the CLIs look at the disk themselves and say what is wrong.
 */
export interface DiskSpace {
  path: string;
  freeBytes: number;
  totalBytes: number;
}

/** Below this the disk is full: Meilisearch cannot write a page, a batch or its task queue. */
export const FULL_BYTES = 1024 * 1024;
/** Below this (or 2% of the disk) a Meilisearch failure is most likely the disk's fault. */
export const LOW_BYTES = 64 * 1024 * 1024;

export function diskSpace(path: string): DiskSpace | null {
  try {
    const s = statfsSync(path);
    return { path, freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return null; // the folder is gone or not ours to read
  }
}

export const isFull = (d: DiskSpace) => d.freeBytes < FULL_BYTES;
export const isLow = (d: DiskSpace) => d.freeBytes < LOW_BYTES || d.freeBytes < d.totalBytes * 0.02;

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What to tell the user when the engine failed and its disk is (nearly) full; null when the disk is not to blame. */
export function diskTrouble(dataDir: string): string | null {
  const d = diskSpace(dataDir);
  if (!d || !isLow(d)) return null;
  return (
    `The disk holding the search data (${dataDir}) is ${isFull(d) ? 'full' : 'nearly full'}: ${size(d.freeBytes)} ` +
    `free of ${size(d.totalBytes)}. Free some space, or move MEILI_DB_PATH to a bigger disk, and run again: ` +
    'what was indexed before stays intact.'
  );
}

/**
 * Checks the disk every `intervalMs` and calls `onFull` once when it has stayed full for `graceChecks` checks in a
 * row (a full disk stops Meilisearch's task queue: waiting on it would only time out). Returns a stop function.
 */
export function watchDiskSpace(
  dataDir: string,
  onFull: (message: string) => void,
  options: { intervalMs?: number; graceChecks?: number } = {},
): () => void {
  const graceChecks = options.graceChecks ?? 3;
  let fullFor = 0;
  const timer = setInterval(() => {
    const d = diskSpace(dataDir);
    fullFor = d && isFull(d) ? fullFor + 1 : 0;
    if (fullFor >= graceChecks) {
      clearInterval(timer);
      onFull(diskTrouble(dataDir) ?? `The disk holding ${dataDir} is full.`);
    }
  }, options.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Meilisearch's words for a write that failed: ENOSPC, EFBIG, EIO, or a payload it could not store whole. */
const STORAGE_ERROR =
  /no space left|os error (28|27|5)\b|file too large|input\/output error|quota exceeded|receiving the pa[y]?load|couldn't serialize document value/i;

/**
 * What to tell the user when Meilisearch failed to write (`messages`: the error and problem texts of a run). For an
 * engine whose disk we can see, `diskTrouble` says more; this covers MEILI_URL, whose disk is the server's.
 */
export function storageTrouble(messages: readonly string[]): string | null {
  if (!messages.some((m) => STORAGE_ERROR.test(m))) return null;
  return (
    'Meilisearch could not write its data: its disk is probably full (or a file size limit or quota was reached). ' +
    'Free space where Meilisearch keeps its data and run again: what was indexed before stays intact.'
  );
}
