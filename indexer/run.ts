import type { ArticleDocument, Gateway, HeldLock, LockOptions } from '../engine/index.js';
import { EngineError, toEngineError, waitForTask } from '../engine/index.js';
import { toDocument } from './document.js';
import { collectInputFiles } from './files.js';
import { createProgress, type Progress } from './progress.js';
import { extractItem, type Problem, readInputFile } from './read.js';
import { DocumentSender, type SenderOptions } from './sender.js';

/** One object configures a run (batch sizes and backpressure: SenderOptions, defaults in SENDER_DEFAULTS). */
export interface IndexRunOptions extends SenderOptions {
  paths: readonly string[];
  /** Empty the index first (`--reset`). */
  reset?: boolean;
  /** Where progress and problems go; defaults to a bar or plain lines on stderr. */
  progress?: (totalBytes: number) => Progress;
  /** How to take the writers' lock (engine/writer-lock.ts): a run waits while a reindex swaps its index in. */
  lock?: Partial<LockOptions>;
}

export interface IndexRunResult {
  files: number;
  /** Articles the engine confirmed: searchable now. */
  indexed: number;
  problems: Problem[];
  /** Ids that appeared more than once in this run (the last one wins). */
  duplicateIds: string[];
  /** When the engine failed: what it said, and the articles sent but never confirmed. */
  engineFailure?: { message: string; unconfirmed: number };
  elapsedMs: number;
  /** 0 every file indexed, 1 some skipped, 2 nothing could be done (or the engine failed) — the contract's codes. */
  exitCode: 0 | 1 | 2;
}

/**
 * Reads, extracts, analyzes and pushes the given files, streaming: every input is read record by record, and at most
 * `maxInFlight` batches wait in the engine's queue while the next one is being analyzed, so memory stays flat
 * whatever the input's size and the engine is never idle. A failed task turns its documents into reported problems;
 * an engine that fails or stops making progress ends the run with exit code 2 and says what is searchable.
 */
export async function runIndexer(gateway: Gateway, options: IndexRunOptions): Promise<IndexRunResult> {
  const started = Date.now();
  const { files, problems: pathProblems } = collectInputFiles(options.paths);
  const problems: Problem[] = pathProblems.map((p) => ({ where: p.path, reason: p.reason }));
  const seenIds = new Map<string, number>();
  let indexed = 0;
  let engineFailure: IndexRunResult['engineFailure'];
  const result = (): IndexRunResult => ({
    files: files.length,
    indexed,
    problems,
    duplicateIds: [...seenIds].filter(([, n]) => n > 1).map(([id]) => id),
    ...(engineFailure ? { engineFailure } : {}),
    elapsedMs: Date.now() - started,
    exitCode:
      engineFailure || (indexed === 0 && (problems.length > 0 || files.length === 0)) ? 2 : problems.length > 0 ? 1 : 0,
  });
  const startProgress = options.progress ?? createProgress;
  // Paths that cannot be read are told at once, like every bad file after them.
  const tellEarly = (progress: Progress) => {
    for (const p of problems) progress.note(`skipped ${p.where}: ${p.reason}`);
  };
  if (files.length === 0) {
    if (problems.length === 0) {
      problems.push({
        where: options.paths.join(' ') || '(no paths)',
        reason: 'no .txt, .html, .json or .jsonl files found',
      });
    }
    const progress = startProgress(0);
    tellEarly(progress);
    progress.stop();
    return result();
  }

  await gateway.ensureIndex();
  let lock: HeldLock;
  try {
    lock = await gateway.writers.acquire('write', {
      what: `npm run index -- ${options.paths.join(' ')}`,
      ...options.lock,
    });
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    engineFailure = { message: err.message, unconfirmed: 0 };
    return result();
  }
  const progress = startProgress(files.reduce((sum, f) => sum + f.bytes, 0));
  tellEarly(progress);
  const skip = (problem: Problem) => {
    problems.push(problem);
    progress.note(`skipped ${problem.where}: ${problem.reason}`);
  };
  const sender = new DocumentSender<string>(
    gateway,
    (batch) => {
      if (batch.ok) indexed += batch.notes.length;
      else for (const where of new Set(batch.notes)) skip({ where, reason: batch.reason });
    },
    options,
  );

  try {
    if (options.reset) {
      const index = gateway.admin.index<ArticleDocument>(gateway.indexName);
      const task = await index.deleteAllDocuments().catch((e: unknown) => Promise.reject(toEngineError(e)));
      await waitForTask(gateway.admin, task, 'empty the index', options.stallMs ? { stallMs: options.stallMs } : {});
    }
    for (const file of files) {
      for await (const item of readInputFile(file)) {
        if (item.kind === 'problem') {
          skip(item.problem);
          progress.advance(item.bytes, 0);
          continue;
        }
        let doc: ArticleDocument;
        try {
          const article = extractItem(item);
          doc = toDocument(article, { origin: item.origin, hash: item.hash }, article.analysis);
        } catch (err) {
          skip({ where: item.where, reason: err instanceof Error ? err.message : String(err) });
          progress.advance(item.bytes, 0);
          continue;
        }
        seenIds.set(doc.id, (seenIds.get(doc.id) ?? 0) + 1);
        progress.advance(item.bytes, 1);
        await sender.add(doc, item.where);
      }
    }
    await sender.finish();
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    engineFailure = { message: err.message, unconfirmed: sender.unconfirmed() };
  } finally {
    progress.stop();
    await lock.release();
  }
  return result();
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary printed at the end of a run: what is searchable now, and what went wrong. */
export function summaryLine(r: IndexRunResult): string {
  const seconds = r.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(r.indexed / seconds) : r.indexed;
  const parts = [
    `Indexed ${plural(r.indexed, 'article')} from ${plural(r.files, 'file')} in ${seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} articles/s)`,
  ];
  if (r.problems.length) parts.push(`${r.problems.length} skipped (see above)`);
  if (r.duplicateIds.length) parts.push(`${plural(r.duplicateIds.length, 'id')} seen twice (last one kept)`);
  if (r.engineFailure) {
    parts.push(
      `then Meilisearch failed: ${r.engineFailure.message}` +
        (r.engineFailure.unconfirmed > 0
          ? ` (${plural(r.engineFailure.unconfirmed, 'more article')} sent but not confirmed; run again to be sure)`
          : ''),
    );
  }
  return `${parts.join('; ')}.`;
}
