import type { ArticleDocument, Gateway, HeldLock, LockOptions } from '../engine/index.js';
import { EngineError, toEngineError, waitForTask } from '../engine/index.js';
import { type AnalysisOptions, documentMaker, OrderedDocuments } from './document-maker.js';
import { collectInputFiles, type InputFile } from './files.js';
import { createProgress, type Progress } from './progress.js';
import { type Problem, prepareItem, readInputFile } from './read.js';
import { SeenIds } from './seen-ids.js';
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
  /** Where articles are analyzed (a thread of its own for large inputs) and how many words it keeps. */
  analysis?: AnalysisOptions;
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

/** What a run has done so far: `resultOf` turns it into the run's answer. */
interface RunTally {
  started: number;
  files: number;
  indexed: number;
  problems: Problem[];
  /** The ids seen, to name those seen twice (the last one wins). */
  seenIds: SeenIds;
  engineFailure?: IndexRunResult['engineFailure'];
}

/** 0 every file indexed, 1 some skipped, 2 nothing could be done (or the engine failed). */
function exitCodeOf(t: RunTally): IndexRunResult['exitCode'] {
  if (t.engineFailure || (t.indexed === 0 && (t.problems.length > 0 || t.files === 0))) return 2;
  return t.problems.length > 0 ? 1 : 0;
}

function resultOf(t: RunTally): IndexRunResult {
  return {
    files: t.files,
    indexed: t.indexed,
    problems: t.problems,
    duplicateIds: t.seenIds.duplicates(),
    ...(t.engineFailure ? { engineFailure: t.engineFailure } : {}),
    elapsedMs: Date.now() - t.started,
    exitCode: exitCodeOf(t),
  };
}

/** Paths that cannot be read are told at once, like every bad file after them. */
function tellEarly(progress: Progress, problems: readonly Problem[]): void {
  for (const p of problems) progress.note(`skipped ${p.where}: ${p.reason}`);
}

/** The writers' lock, or null (the failure is in the tally) when the engine could not give it. */
async function acquireWriteLock(gateway: Gateway, options: IndexRunOptions, tally: RunTally): Promise<HeldLock | null> {
  try {
    return await gateway.writers.acquire('write', {
      what: `npm run index -- ${options.paths.join(' ')}`,
      ...options.lock,
    });
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    tally.engineFailure = { message: err.message, unconfirmed: 0 };
    return null;
  }
}

/** `--reset`: every document goes before the run sends its own. */
async function emptyIndex(gateway: Gateway, options: IndexRunOptions): Promise<void> {
  const index = gateway.admin.index<ArticleDocument>(gateway.indexName);
  const task = await index.deleteAllDocuments().catch((e: unknown) => Promise.reject(toEngineError(e)));
  await waitForTask(gateway.admin, task, 'empty the index', options.stallMs ? { stallMs: options.stallMs } : {});
}

/** What travels with an article through analysis to the sender. */
interface Note {
  where: string;
  bytes: number;
}

/**
 * Reads one file item by item, prepares each article's fields and hands it to the analysis; documents come back in
 * order and go to the sender (which waits when the engine falls behind).
 */
async function sendFile(
  file: InputFile,
  documents: OrderedDocuments<Note>,
  progress: Progress,
  skip: (problem: Problem) => void,
): Promise<void> {
  for await (const item of readInputFile(file)) {
    if (item.kind === 'problem') {
      skip(item.problem);
      progress.advance(item.bytes, 0);
      continue;
    }
    let prepared: ReturnType<typeof prepareItem>;
    try {
      prepared = prepareItem(item);
    } catch (err) {
      skip({ where: item.where, reason: err instanceof Error ? err.message : String(err) });
      progress.advance(item.bytes, 0);
      continue;
    }
    await documents.add(
      { prepared, source: { origin: item.origin, hash: item.hash } },
      { where: item.where, bytes: item.bytes },
    );
  }
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
  const tally: RunTally = {
    started,
    files: files.length,
    indexed: 0,
    problems: pathProblems.map((p) => ({ where: p.path, reason: p.reason })),
    seenIds: new SeenIds(),
  };
  const startProgress = options.progress ?? createProgress;
  if (files.length === 0) {
    if (tally.problems.length === 0) {
      tally.problems.push({
        where: options.paths.join(' ') || '(no paths)',
        reason: 'no .txt, .html, .json or .jsonl files found',
      });
    }
    const progress = startProgress(0);
    tellEarly(progress, tally.problems);
    progress.stop();
    return resultOf(tally);
  }

  await gateway.ensureIndex();
  const lock = await acquireWriteLock(gateway, options, tally);
  if (!lock) return resultOf(tally);
  const inputBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const progress = startProgress(inputBytes);
  tellEarly(progress, tally.problems);
  const skip = (problem: Problem) => {
    tally.problems.push(problem);
    progress.note(`skipped ${problem.where}: ${problem.reason}`);
  };
  const sender = new DocumentSender<string>(
    gateway,
    (batch) => {
      if (batch.ok) tally.indexed += batch.notes.length;
      else for (const where of new Set(batch.notes)) skip({ where, reason: batch.reason });
    },
    options,
  );
  const maker = documentMaker(options.analysis ?? {}, inputBytes);
  const documents = new OrderedDocuments<Note>(maker, async (made, note) => {
    if (!made.ok) {
      skip({ where: note.where, reason: made.reason });
      progress.advance(note.bytes, 0);
      return;
    }
    tally.seenIds.add(made.id);
    progress.advance(note.bytes, 1);
    await sender.addJson(made.json, note.where);
  });
  try {
    if (options.reset) await emptyIndex(gateway, options);
    for (const file of files) await sendFile(file, documents, progress, skip);
    await documents.flush();
    await sender.finish();
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    tally.engineFailure = { message: err.message, unconfirmed: sender.unconfirmed() };
  } finally {
    await maker.close();
    sender.close();
    progress.stop();
    await lock.release();
  }
  return resultOf(tally);
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
