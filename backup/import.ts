import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { EnqueuedTask, Settings } from 'meilisearch';
import { ANALYZER_VERSION } from '../analyzers/index.js';
import type { Gateway } from '../engine/index.js';
import { EngineError, meiliCode, toEngineError, waitForTask } from '../engine/index.js';
import { BackupError } from './errors.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  backupHeaderSchema,
  backupTrailerSchema,
  DocumentDigest,
} from './format.js';
import { readLines } from './lines.js';

/** One object configures a restore. */
export interface RestoreOptions {
  /** The backup file, or a stream of it (`npm run restore -- -` reads stdin). */
  from: string | Readable;
  /** Replace an index that holds documents (otherwise refused). */
  force?: boolean;
  /** Flush a batch to Meilisearch at this many documents… */
  batchDocuments?: number;
  /** …or this many bytes of JSON. */
  batchBytes?: number;
  /** Batches Meilisearch may hold queued at once (bounds the engine's queue on disk, and our waiting). */
  maxPendingTasks?: number;
  onProgress?: (restored: number, total: number) => void;
  /** Things worth telling the user that are not failures. */
  onNote?: (message: string) => void;
  /** Aborts the restore (Ctrl-C): the side index is dropped and the live index stays as it was. */
  signal?: AbortSignal;
}

export interface RestoreResult {
  documents: number;
  header: BackupHeader;
  /** Documents the index held before (replaced with --force). */
  replaced: number;
  /** Set when the backup was made with other analyzers than this izde's: the index should be re-analyzed. */
  analyzerMismatch: { backup: string; current: string } | null;
  elapsedMs: number;
}

const badFile = (message: string, cause?: unknown) =>
  new BackupError('RESTORE_BAD_FILE', message, cause === undefined ? undefined : { cause });

/**
 * Rebuilds the index from a backup: documents and settings go into a fresh side index, the file's trailer is checked
 * (count and SHA-256), and only then is the side index swapped in for the live one — atomically, so searches keep
 * answering from the old content until the new one is complete, and a damaged file or a failure changes nothing.
 */
export async function restoreBackup(gateway: Gateway, options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const admin = gateway.admin;
  const target = gateway.indexName;
  const replaced = await documentCount(gateway);
  if (replaced > 0 && !options.force) {
    throw new BackupError(
      'RESTORE_NOT_EMPTY',
      `The index "${target}" holds ${replaced} article${replaced === 1 ? '' : 's'}; restoring would replace them. ` +
        'Add --force to replace them, or restore into an empty data folder (MEILI_DB_PATH) or index (INDEX_NAME).',
    );
  }

  await dropStaleSideIndexes(gateway, options.onNote);

  const input = typeof options.from === 'string' ? createReadStream(options.from) : options.from;
  const gunzip = input.pipe(createGunzip());
  input.on('error', (err: Error) => gunzip.destroy(err)); // pipe() does not pass errors on (a missing file, a cut pipe)
  const onAbort = () =>
    gunzip.destroy(new BackupError('RESTORE_INTERRUPTED', 'The restore was interrupted; nothing was changed.'));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const lines = readLines(gunzip);
  const side = `${sidePrefix(target)}${Date.now().toString(36)}`;
  let sideCreated = false;
  try {
    const header = await readHeader(lines);
    await waitForTask(
      admin,
      await enqueue(admin.createIndex(side, { primaryKey: header.primaryKey })),
      'create the restore index',
    );
    sideCreated = true;
    await waitForTask(
      admin,
      await enqueue(admin.index(side).updateSettings(header.settings as Settings)),
      'apply the backup’s settings',
    );

    const digest = await sendDocuments(gateway, side, lines, header, options);
    const stored = (await admin.index(side).getStats()).numberOfDocuments;
    if (stored !== digest.count) {
      throw new BackupError(
        'RESTORE_INCOMPLETE',
        `Meilisearch holds ${stored} of the ${digest.count} documents of the backup; nothing was changed.`,
      );
    }

    // The swap needs both indexes; an index created now is empty and goes away with the side index.
    if (!(await indexExists(gateway, target))) {
      await waitForTask(
        admin,
        await enqueue(admin.createIndex(target, { primaryKey: header.primaryKey })),
        'create the index',
      );
    }
    await waitForTask(
      admin,
      await enqueue(admin.swapIndexes([{ indexes: [target, side], rename: false }])),
      'swap the restored index in',
    );
    sideCreated = false; // it now holds what was replaced
    await dropIndex(gateway, side);
    return {
      documents: digest.count,
      header,
      replaced,
      analyzerMismatch:
        header.analyzerVersion === ANALYZER_VERSION
          ? null
          : { backup: header.analyzerVersion, current: ANALYZER_VERSION },
      elapsedMs: Date.now() - started,
    };
  } catch (err) {
    if (sideCreated) await dropIndex(gateway, side);
    input.destroy();
    gunzip.destroy();
    if (err instanceof BackupError || err instanceof EngineError) throw err;
    if (err instanceof Error && /incorrect header check|unexpected end of file|invalid/i.test(err.message)) {
      throw badFile(`The file is not a complete izde backup (${err.message}); nothing was changed.`, err);
    }
    if (err instanceof TypeError && /encoded data was not valid/i.test(err.message)) {
      throw badFile('The file is not a complete izde backup (it is not UTF-8 text); nothing was changed.', err);
    }
    throw err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('E')
      ? err // a file system error (ENOENT, EACCES): its message names the file
      : toEngineError(err);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function readHeader(lines: AsyncGenerator<string>): Promise<BackupHeader> {
  const first = await lines.next();
  if (first.done) throw badFile('The file is empty: it is not an izde backup; nothing was changed.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(first.value);
  } catch {
    throw badFile('The file does not start with an izde backup header; nothing was changed.');
  }
  const format = (parsed as { format?: unknown })?.format;
  const version = (parsed as { formatVersion?: unknown })?.formatVersion;
  if (format !== BACKUP_FORMAT) throw badFile('The file is not an izde backup; nothing was changed.');
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw badFile(`The backup has format version ${version}; this izde reads up to ${BACKUP_FORMAT_VERSION}.`);
  }
  const header = backupHeaderSchema.safeParse(parsed);
  if (!header.success) throw badFile(`The backup header is damaged (${header.error.issues[0]?.message}).`);
  return header.data;
}

/**
 * Sends the document lines in batches, keeping at most `maxPendingTasks` batches queued in Meilisearch. The line
 * after the last document is the trailer: it is read one line ahead, checked, and never sent.
 */
async function sendDocuments(
  gateway: Gateway,
  side: string,
  lines: AsyncGenerator<string>,
  header: BackupHeader,
  options: RestoreOptions,
): Promise<DocumentDigest> {
  const batchDocuments = options.batchDocuments ?? 1000;
  const batchBytes = options.batchBytes ?? 8 * 1024 * 1024;
  const maxPending = options.maxPendingTasks ?? 2;
  const index = gateway.admin.index(side);
  const digest = new DocumentDigest();
  const pending: number[] = [];
  let batch: string[] = [];
  let bytes = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    // Documents go as NDJSON, exactly the bytes of the backup: nothing is parsed and re-serialized.
    const task = await enqueue(
      index.addDocumentsFromString(batch.join('\n'), 'application/x-ndjson', { primaryKey: header.primaryKey }),
    );
    pending.push(task.taskUid);
    options.signal?.throwIfAborted();
    batch = [];
    bytes = 0;
    while (pending.length > maxPending) await waitForTask(gateway.admin, pending.shift() ?? 0, 'restore documents');
    options.onProgress?.(digest.count, header.documents);
  };

  let previous: string | undefined;
  for await (const line of lines) {
    if (previous !== undefined) {
      digest.add(previous);
      batch.push(previous);
      bytes += previous.length;
      if (batch.length >= batchDocuments || bytes >= batchBytes) await flush();
    }
    previous = line;
  }
  if (previous === undefined) throw badFile('The backup ends after its header: it is truncated; nothing was changed.');
  let trailer: ReturnType<typeof backupTrailerSchema.safeParse>;
  try {
    trailer = backupTrailerSchema.safeParse(JSON.parse(previous));
  } catch {
    throw badFile('The backup has no end record: it is truncated; nothing was changed.');
  }
  if (!trailer.success) throw badFile('The backup has no end record: it is truncated; nothing was changed.');
  const expected = digest.trailer().izdeBackupEnd;
  const { documents, sha256 } = trailer.data.izdeBackupEnd;
  if (documents !== expected.documents || sha256 !== expected.sha256) {
    throw badFile(
      `The backup is damaged: its end record promises ${documents} documents (SHA-256 ${sha256.slice(0, 12)}…), ` +
        `the file holds ${expected.documents} (${expected.sha256.slice(0, 12)}…); nothing was changed.`,
    );
  }
  await flush();
  for (const uid of pending) await waitForTask(gateway.admin, uid, 'restore documents');
  return digest;
}

/** A task request that failed to enqueue, as our typed engine error. */
async function enqueue(request: Promise<EnqueuedTask>): Promise<EnqueuedTask> {
  try {
    return await request;
  } catch (err) {
    throw toEngineError(err);
  }
}

async function documentCount(gateway: Gateway): Promise<number> {
  return gateway.documentCount();
}

async function indexExists(gateway: Gateway, uid: string): Promise<boolean> {
  try {
    await gateway.admin.getRawIndex(uid);
    return true;
  } catch (err) {
    if (meiliCode(err) === 'index_not_found') return false;
    throw toEngineError(err);
  }
}

/** The prefix of the side indexes a restore builds before swapping them in. */
const sidePrefix = (target: string) => `${target}_restore_`;

/** Deletes an index and waits for it (best effort: a failure leaves a side index the next restore removes). */
async function dropIndex(gateway: Gateway, uid: string): Promise<void> {
  try {
    await waitForTask(gateway.admin, await enqueue(gateway.admin.deleteIndex(uid)), `delete index ${uid}`, {
      stallMs: 30_000,
    });
  } catch {
    // the engine is gone or busy: dropStaleSideIndexes cleans up next time
  }
}

/** Side indexes left by a restore that was killed (or lost its engine) before it could clean up. */
async function dropStaleSideIndexes(gateway: Gateway, note?: (message: string) => void): Promise<void> {
  let uids: string[];
  try {
    uids = (await gateway.admin.getIndexes({ limit: 1000 })).results.map((i) => i.uid);
  } catch (err) {
    throw toEngineError(err);
  }
  for (const uid of uids.filter((u) => u.startsWith(sidePrefix(gateway.indexName)))) {
    note?.(`Removing ${uid}, left by an earlier restore that did not finish.`);
    await dropIndex(gateway, uid);
  }
}
