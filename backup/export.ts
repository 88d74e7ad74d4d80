import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ANALYZER_VERSION } from '../analyzers/index.js';
import type { Gateway } from '../engine/index.js';
import { analyzerVersions, meiliCode, toEngineError, versionLabel } from '../engine/index.js';
import { BackupError } from './errors.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, DocumentDigest } from './format.js';

/** One object configures a backup. */
export interface BackupOptions {
  /** The file to write (replaced atomically when complete), or a stream (`npm run backup -- -` writes to stdout). */
  to: string | Writable;
  /** Documents per request to Meilisearch: memory holds one page, whatever the size of the index. */
  pageSize?: number;
  /** Copies attempted when the index changes while it is being copied. */
  attempts?: number;
  /** Called after each page with the documents written so far. */
  onProgress?: (written: number, total: number) => void | Promise<void>;
  /** Aborts the backup (Ctrl-C): the partial file is removed and the previous backup, if any, stays. */
  signal?: AbortSignal;
}

export interface BackupResult {
  documents: number;
  bytes: number | null;
  header: BackupHeader;
  attempts: number;
  elapsedMs: number;
}

/**
 * The analyzer version the index's documents were made with (their `av`): one version, or several joined with `+`
 * when the index is mixed (a restore then says to reindex). An empty index has nothing to mismatch: the running one.
 */
export async function indexAnalyzerVersion(gateway: Gateway): Promise<string> {
  return versionLabel(await analyzerVersions(gateway.admin, gateway.indexName), ANALYZER_VERSION);
}

/**
 * Streams the index into a backup: header, documents page by page, trailer. The index is read while the server keeps
 * answering; if it changed during the copy (its `updatedAt` moved), the copy is not a state the index was ever in,
 * and it is taken again.
 */
export async function writeBackup(gateway: Gateway, options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const before = await indexInfo(gateway);
    const header = await headerFor(gateway, before.primaryKey);
    const target = typeof options.to === 'string' ? temporaryFile(options.to) : options.to;
    try {
      const digest = new DocumentDigest();
      await pipeline(
        backupLines(gateway, header, digest, options),
        createGzip(),
        typeof target === 'string' ? createWriteStream(target, { mode: 0o600 }) : target,
        typeof target === 'string' ? { signal: options.signal } : { end: false, signal: options.signal },
      );
      const after = await indexInfo(gateway);
      if (after.updatedAt !== before.updatedAt) {
        if (typeof target === 'string') rmSync(target, { force: true });
        if (attempt < attempts && typeof options.to === 'string') continue;
        throw new BackupError(
          'BACKUP_INDEX_CHANGING',
          `The index "${gateway.indexName}" changed while it was being copied (${attempt} attempt${attempt === 1 ? '' : 's'}); ` +
            'run the backup again when indexing has paused.',
        );
      }
      let bytes: number | null = null;
      if (typeof target === 'string' && typeof options.to === 'string') {
        syncFile(target);
        renameSync(target, options.to);
        syncFile(dirname(options.to));
        bytes = statSync(options.to).size;
      }
      return { documents: digest.count, bytes, header, attempts: attempt, elapsedMs: Date.now() - started };
    } catch (err) {
      if (typeof target === 'string') rmSync(target, { force: true });
      throw err instanceof BackupError ? err : toEngineError(err);
    }
  }
}

async function* backupLines(
  gateway: Gateway,
  header: BackupHeader,
  digest: DocumentDigest,
  options: BackupOptions,
): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? 250;
  yield `${JSON.stringify(header)}\n`;
  const index = gateway.admin.index(gateway.indexName);
  for (let offset = 0; ; offset += pageSize) {
    let page: Record<string, unknown>[];
    try {
      page = (await index.getDocuments({ offset, limit: pageSize })).results;
    } catch (err) {
      throw toEngineError(err);
    }
    let chunk = '';
    for (const doc of page) {
      const line = JSON.stringify(doc);
      digest.add(line);
      chunk += `${line}\n`;
    }
    if (chunk) yield chunk;
    await options.onProgress?.(digest.count, header.documents);
    if (page.length < pageSize) break;
  }
  yield `${JSON.stringify(digest.trailer())}\n`;
}

async function indexInfo(gateway: Gateway): Promise<{ primaryKey: string; updatedAt: string }> {
  try {
    const raw = await gateway.admin.getRawIndex(gateway.indexName);
    return { primaryKey: raw.primaryKey ?? 'key', updatedAt: String(raw.updatedAt) };
  } catch (err) {
    if (meiliCode(err) === 'index_not_found') {
      throw new BackupError('BACKUP_NO_INDEX', `There is no index "${gateway.indexName}" to back up.`);
    }
    throw toEngineError(err);
  }
}

async function headerFor(gateway: Gateway, primaryKey: string): Promise<BackupHeader> {
  try {
    const index = gateway.admin.index(gateway.indexName);
    const [settings, stats, version, analyzerVersion] = await Promise.all([
      index.getSettings(),
      index.getStats(),
      gateway.admin.getVersion(),
      indexAnalyzerVersion(gateway),
    ]);
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      indexName: gateway.indexName,
      primaryKey,
      analyzerVersion,
      meilisearchVersion: version.pkgVersion,
      settings: settings as Record<string, unknown>,
      documents: stats.numberOfDocuments,
    };
  } catch (err) {
    throw toEngineError(err);
  }
}

/** A sibling of `file` to write into, so `file` is replaced only by a complete backup. */
function temporaryFile(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.partial`);
}

/** Flushes a file (or a folder's entry for a renamed file) to the disk. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
