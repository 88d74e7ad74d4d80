/**
 * `npm run index -- --sync PATH...`: afterwards the index holds exactly the articles now under those paths, for every
 * article that came from under them. Unchanged articles (same input hash, same file) are neither analyzed nor sent;
 * new and changed ones go through the indexer's pipeline; vanished ones are deleted — only once everything sent is
 * confirmed, so a sync killed at any moment and run again ends in the right state (what was sent is found unchanged,
 * what should go is found again). Syncs take turns through the writers' lock.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Gateway, HeldLock, LockOptions } from '../engine/index.js';
import { documentKey, EngineError } from '../engine/index.js';
import { deleteKeys } from './delete.js';
import { type AnalysisOptions, documentMaker, OrderedDocuments } from './document-maker.js';
import { collectInputFiles } from './files.js';
import { createProgress, type Progress } from './progress.js';
import { type Problem, prepareItem, readInputFile } from './read.js';
import { DocumentSender, type SenderOptions } from './sender.js';
import { isUnder, storedUnder } from './stored.js';

/** One object configures a sync (batch sizes and backpressure: SenderOptions). */
export interface SyncOptions extends SenderOptions {
  paths: readonly string[];
  /**
   * A path that does not exist holds no articles: what came from it is deleted (the watcher, for files and folders
   * removed). Otherwise a missing path is reported and nothing under it is deleted: a typo or an unmounted disk must
   * not empty the index.
   */
  missingIsEmpty?: boolean;
  /** Where progress and problems go; defaults to a bar or plain lines on stderr. */
  progress?: (totalBytes: number) => Progress;
  /** How to take the writers' lock: by default a sync waits for another one to finish. */
  lock?: Partial<LockOptions>;
  /** Keys per deletion task. */
  deleteChunk?: number;
  /** Where articles are analyzed (a thread of its own for large inputs) and how many words it keeps. */
  analysis?: AnalysisOptions;
}

export interface SyncResult {
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Stored articles not found now but kept, because their file (or folder) could not be read whole. */
  kept: number;
  problems: Problem[];
  /** Ids that appeared more than once under the paths (the last one wins; such ids are sent every time). */
  duplicateIds: string[];
  /** When the engine failed: what it said, and the articles sent but never confirmed. Nothing was deleted. */
  engineFailure?: { message: string; unconfirmed: number };
  elapsedMs: number;
  /** 0 all in step, 1 some files or records skipped, 2 nothing could be done (or the engine failed). */
  exitCode: 0 | 1 | 2;
}

/** What a sent document means for the counts. */
interface SentNote {
  where: string;
  kind: 'added' | 'updated' | 'again';
}

export async function runSync(gateway: Gateway, options: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const counts = { added: 0, updated: 0, unchanged: 0, deleted: 0, kept: 0 };
  const problems: Problem[] = [];
  // Ids met again in this sync (the `seen` keys below tell; a key is one id's, see documentKey).
  const repeated = new Set<string>();
  let engineFailure: SyncResult['engineFailure'];

  // The roots whose stored articles this sync answers for, and the places it could not read whole.
  const roots: string[] = [];
  const present: string[] = [];
  for (const path of options.paths) {
    if (existsSync(path)) {
      roots.push(resolve(path));
      present.push(path);
    } else if (options.missingIsEmpty) {
      roots.push(resolve(path));
    } else {
      problems.push({ where: path, reason: 'no such file or directory (nothing that came from it was deleted)' });
    }
  }
  const { files, problems: pathProblems } = collectInputFiles(present);
  const unreadable = new Set<string>();
  for (const p of pathProblems) {
    problems.push({ where: p.path, reason: p.reason });
    unreadable.add(resolve(p.path));
  }

  const result = (): SyncResult => {
    const done = counts.added + counts.updated + counts.unchanged + counts.deleted;
    return {
      files: files.length,
      ...counts,
      problems,
      duplicateIds: [...repeated],
      ...(engineFailure ? { engineFailure } : {}),
      elapsedMs: Date.now() - started,
      exitCode:
        engineFailure || roots.length === 0 || (done === 0 && problems.length > 0) ? 2 : problems.length > 0 ? 1 : 0,
    };
  };
  const startProgress = options.progress ?? createProgress;
  // Paths that cannot be read are told at once, like every bad file after them.
  const tellEarly = (progress: Progress) => {
    for (const p of problems) progress.note(`skipped ${p.where}: ${p.reason}`);
  };
  if (roots.length === 0) {
    const progress = startProgress(0);
    tellEarly(progress);
    progress.stop();
    return result();
  }

  await gateway.ensureIndex();
  let lock: HeldLock;
  try {
    lock = await gateway.writers.acquire('sync', {
      what: `npm run index -- --sync ${options.paths.join(' ')}`,
      ...options.lock,
    });
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    engineFailure = { message: err.message, unconfirmed: 0 };
    return result();
  }
  const inputBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const progress = startProgress(inputBytes);
  tellEarly(progress);
  const skip = (problem: Problem) => {
    problems.push(problem);
    progress.note(`skipped ${problem.where}: ${problem.reason}`);
  };
  const sender = new DocumentSender<SentNote>(
    gateway,
    (batch) => {
      if (batch.ok) {
        for (const note of batch.notes) if (note.kind !== 'again') counts[note.kind]++;
      } else {
        for (const where of new Set(batch.notes.map((n) => n.where))) skip({ where, reason: batch.reason });
      }
    },
    options,
  );

  const maker = documentMaker(options.analysis ?? {}, inputBytes);
  // An article that cannot be analyzed keeps its stored version, if any: it is seen, so it is not deleted.
  const documents = new OrderedDocuments<SentNote>(maker, async (made, note) => {
    if (made.ok) await sender.addJson(made.json, note);
    else skip({ where: note.where, reason: made.reason });
  });
  try {
    const stored = await storedUnder(gateway, roots);
    const seen = new Set<string>();
    for (const file of files) {
      const origin = resolve(file.path);
      for await (const item of readInputFile(file)) {
        if (item.kind === 'problem') {
          skip(item.problem);
          // A record that cannot be read has no id to keep: keep every article of its file this time.
          unreadable.add(origin);
          progress.advance(item.bytes, 0);
          continue;
        }
        progress.advance(item.bytes, 1);
        const key = documentKey(item.id);
        const again = seen.has(key);
        seen.add(key);
        if (again) repeated.add(item.id);
        const before = stored.get(key);
        if (!again && before && before.hash === item.hash && before.origin === item.origin) {
          counts.unchanged++;
          continue;
        }
        let prepared: ReturnType<typeof prepareItem>;
        try {
          prepared = prepareItem(item);
        } catch (err) {
          // Its stored version, if any, stays: it is seen, so it is not deleted.
          skip({ where: item.where, reason: err instanceof Error ? err.message : String(err) });
          continue;
        }
        await documents.add(
          { prepared, source: { origin: item.origin, hash: item.hash } },
          { where: item.where, kind: again ? 'again' : before ? 'updated' : 'added' },
        );
      }
    }
    await documents.flush();
    await sender.finish();

    const vanished: string[] = [];
    for (const [key, entry] of stored) {
      if (seen.has(key)) continue;
      if ([...unreadable].some((place) => isUnder(entry.origin, place))) counts.kept++;
      else vanished.push(key);
    }
    if (vanished.length > 0) {
      await lock.verify();
      counts.deleted = await deleteKeys(gateway, vanished, options.deleteChunk ?? 10_000, options.stallMs);
    }
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    engineFailure = { message: err.message, unconfirmed: sender.unconfirmed() };
  } finally {
    await maker.close();
    sender.close();
    progress.stop();
    await lock.release();
  }
  return result();
}

/** The one-line summary of a sync; it always holds `added N, updated N, unchanged N, deleted N`. */
export function syncSummaryLine(r: SyncResult): string {
  const files = `${r.files.toLocaleString('en-US')} file${r.files === 1 ? '' : 's'}`;
  const parts = [
    `Synced ${files} in ${(r.elapsedMs / 1000).toFixed(1)} s: added ${r.added}, updated ${r.updated}, unchanged ${r.unchanged}, deleted ${r.deleted}`,
  ];
  if (r.kept) parts.push(`kept ${r.kept} article${r.kept === 1 ? '' : 's'} of files or folders that could not be read`);
  if (r.problems.length) parts.push(`${r.problems.length} skipped (see above)`);
  if (r.duplicateIds.length)
    parts.push(`${r.duplicateIds.length} id${r.duplicateIds.length === 1 ? '' : 's'} seen twice (last one kept)`);
  if (r.engineFailure) {
    parts.push(
      `then Meilisearch failed: ${r.engineFailure.message}; nothing was deleted` +
        (r.engineFailure.unconfirmed > 0
          ? ` (${r.engineFailure.unconfirmed} article${r.engineFailure.unconfirmed === 1 ? '' : 's'} sent but not confirmed; run again)`
          : ''),
    );
  }
  return `${parts.join('; ')}.`;
}
