import { EngineError } from '../engine/errors.js';
import type { Gateway } from '../engine/gateway.js';
import { toEngineError } from '../engine/meili-errors.js';
import type { ArticleDocument } from '../engine/schema.js';
import { PRIMARY_KEY } from '../engine/settings.js';
import { type Finished, TaskTracker, waitForTask } from '../engine/tasks.js';
import { toDocument } from './document.js';
import { collectInputFiles } from './files.js';
import { createProgress, type Progress } from './progress.js';
import { extractItem, type Problem, readInputFile } from './read.js';

/** One object configures a run; defaults in DEFAULTS. */
export interface IndexRunOptions {
  paths: readonly string[];
  /** Empty the index first (`--reset`). */
  reset?: boolean;
  /** Send a batch when it reaches this many documents… */
  batchDocuments?: number;
  /** …or this many bytes of JSON. */
  batchBytes?: number;
  /** Batches sent but not yet indexed, at most: reading waits for the engine beyond that (backpressure). */
  maxInFlight?: number;
  /** Give up only after the engine made no progress for this long. */
  stallMs?: number;
  /** Where progress and problems go; defaults to a bar or plain lines on stderr. */
  progress?: (totalBytes: number) => Progress;
}

/** Batches of 1,000 documents or 8 MB keep the indexer's memory small (ISSUE 14: ≤ 300 MB) at no cost in engine time. */
const DEFAULTS = { batchDocuments: 1000, batchBytes: 8 * 1024 * 1024, maxInFlight: 2 } as const;

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

/** What a batch holds, to account for it when its task finishes. */
interface BatchNote {
  documents: number;
  /** The items (file, or file:line) in it, to name them if the batch fails. */
  sources: Set<string>;
}

/** Collects documents into batches of bounded size. */
class Batcher {
  docs: ArticleDocument[] = [];
  sources = new Set<string>();
  bytes = 0;

  constructor(
    private readonly maxDocuments: number,
    private readonly maxBytes: number,
  ) {}

  add(doc: ArticleDocument, source: string): boolean {
    this.docs.push(doc);
    this.sources.add(source);
    // Rough JSON size: the body once, the term fields about as much again, and the metadata.
    this.bytes += doc.body.length * 4 + 1024;
    return this.docs.length >= this.maxDocuments || this.bytes >= this.maxBytes;
  }

  take(): { docs: ArticleDocument[]; note: BatchNote } {
    const out = { docs: this.docs, note: { documents: this.docs.length, sources: this.sources } };
    this.docs = [];
    this.sources = new Set();
    this.bytes = 0;
    return out;
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
  const config = { ...DEFAULTS, ...options };
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
  if (files.length === 0) {
    if (problems.length === 0) {
      problems.push({
        where: options.paths.join(' ') || '(no paths)',
        reason: 'no .txt, .html, .json or .jsonl files found',
      });
    }
    return result();
  }

  await gateway.ensureIndex();
  const admin = gateway.admin;
  const index = admin.index<ArticleDocument>(gateway.indexName);
  if (options.reset) {
    const task = await index.deleteAllDocuments().catch((e: unknown) => Promise.reject(toEngineError(e)));
    await waitForTask(admin, task, 'empty the index', { ...(options.stallMs ? { stallMs: options.stallMs } : {}) });
  }

  const progress = (options.progress ?? createProgress)(files.reduce((sum, f) => sum + f.bytes, 0));
  const tracker = new TaskTracker<BatchNote>(admin, options.stallMs ? { stallMs: options.stallMs } : {});
  const batcher = new Batcher(config.batchDocuments, config.batchBytes);
  const skip = (problem: Problem) => {
    problems.push(problem);
    progress.note(`skipped ${problem.where}: ${problem.reason}`);
  };
  const account = (finished: Finished<BatchNote>[]) => {
    for (const f of finished) {
      if (f.status === 'succeeded') {
        indexed += f.meta.documents;
        continue;
      }
      const reason = f.task.error ? `${f.task.error.code}: ${f.task.error.message}` : `task ${f.status}`;
      for (const source of f.meta.sources)
        skip({ where: source, reason: `Meilisearch could not index it (${reason})` });
    }
  };
  const send = async () => {
    if (batcher.docs.length === 0) return;
    // Backpressure: wait until the engine has room for one more batch.
    account(await tracker.waitUntil(config.maxInFlight - 1));
    const { docs, note } = batcher.take();
    try {
      const task = await index.addDocuments(docs, { primaryKey: PRIMARY_KEY });
      tracker.add(task.taskUid, note);
    } catch (err) {
      throw Object.assign(toEngineError(err), { unsent: note.documents });
    }
  };

  try {
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
        if (batcher.add(doc, item.where)) await send();
      }
    }
    await send();
    account(await tracker.waitUntil(0));
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    const unsent = (err as EngineError & { unsent?: number }).unsent ?? 0;
    const unconfirmed = tracker.unfinished().reduce((n, note) => n + note.documents, 0) + unsent;
    engineFailure = { message: err.message, unconfirmed };
  } finally {
    progress.stop();
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
