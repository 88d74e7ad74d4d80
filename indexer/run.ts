import { EngineError } from '../engine/errors.js';
import type { Gateway } from '../engine/gateway.js';
import { toEngineError } from '../engine/meili-errors.js';
import type { ArticleDocument } from '../engine/schema.js';
import { PRIMARY_KEY } from '../engine/settings.js';
import { waitForTask } from '../engine/tasks.js';
import { toDocument } from './document.js';
import { collectInputFiles } from './files.js';
import { createProgress, type Progress } from './progress.js';
import { type Problem, readInputFile } from './read.js';

/** One object configures a run. */
export interface IndexRunOptions {
  paths: readonly string[];
  /** Empty the index first (`--reset`). */
  reset?: boolean;
  /** Flush a batch when it reaches this many documents… */
  batchDocuments?: number;
  /** …or this many bytes of JSON. */
  batchBytes?: number;
  /** Where progress and problems go; defaults to a bar or plain lines on stderr. */
  progress?: (totalBytes: number) => Progress;
}

export interface IndexRunResult {
  files: number;
  indexed: number;
  problems: Problem[];
  /** Ids that appeared more than once in this run (the last one wins). */
  duplicateIds: string[];
  elapsedMs: number;
  /** 0 every file indexed, 1 some skipped, 2 nothing could be done — the contract's exit codes. */
  exitCode: 0 | 1 | 2;
}

interface PendingBatch {
  taskUid: number;
  sources: Set<string>;
  documents: number;
}

/**
 * Reads, extracts, analyzes and pushes the given files. Batches are sent while reading continues (Meilisearch
 * indexes them meanwhile); every task is then awaited, and a failed task turns its documents into reported problems.
 */
export async function runIndexer(gateway: Gateway, options: IndexRunOptions): Promise<IndexRunResult> {
  const started = Date.now();
  const batchDocuments = options.batchDocuments ?? 500;
  const batchBytes = options.batchBytes ?? 8 * 1024 * 1024;
  const { files, problems: pathProblems } = collectInputFiles(options.paths);
  const problems: Problem[] = pathProblems.map((p) => ({ where: p.path, reason: p.reason }));
  const result = (indexed: number, duplicateIds: string[]): IndexRunResult => ({
    files: files.length,
    indexed,
    problems,
    duplicateIds,
    elapsedMs: Date.now() - started,
    exitCode: indexed === 0 && (problems.length > 0 || files.length === 0) ? 2 : problems.length > 0 ? 1 : 0,
  });
  if (files.length === 0) {
    if (problems.length === 0)
      problems.push({
        where: options.paths.join(' ') || '(no paths)',
        reason: 'no .txt, .html, .json or .jsonl files found',
      });
    return result(0, []);
  }

  await gateway.ensureIndex();
  const admin = gateway.admin;
  const index = admin.index<ArticleDocument>(gateway.indexName);
  if (options.reset)
    await waitForTask(
      admin,
      await index.deleteAllDocuments().catch((e) => Promise.reject(toEngineError(e))),
      'empty the index',
    );

  const progress = (options.progress ?? createProgress)(files.reduce((sum, f) => sum + f.bytes, 0));
  const pending: PendingBatch[] = [];
  const seenIds = new Map<string, number>();
  let batch: ArticleDocument[] = [];
  let batchSources = new Set<string>();
  let batchSize = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    try {
      const task = await index.addDocuments(batch, { primaryKey: PRIMARY_KEY });
      pending.push({ taskUid: task.taskUid, sources: batchSources, documents: batch.length });
    } catch (err) {
      throw toEngineError(err); // the engine itself is failing: nothing more can be done in this run
    }
    batch = [];
    batchSources = new Set();
    batchSize = 0;
  };

  try {
    for (const file of files) {
      for (const item of readInputFile(file)) {
        if ('problem' in item) {
          problems.push(item.problem);
          progress.note(`skipped ${item.problem.where}: ${item.problem.reason}`);
          progress.advance(item.bytes, 0);
          continue;
        }
        let doc: ArticleDocument;
        try {
          doc = toDocument(item.article);
        } catch (err) {
          const problem = { where: file.path, reason: `analysis failed: ${(err as Error).message}` };
          problems.push(problem);
          progress.note(`skipped ${problem.where}: ${problem.reason}`);
          continue;
        }
        seenIds.set(doc.id, (seenIds.get(doc.id) ?? 0) + 1);
        batch.push(doc);
        batchSources.add(file.path);
        batchSize += doc.body.length * 4 + 2048; // rough JSON size: body + six analyzed fields + metadata
        progress.advance(item.bytes, 1);
        if (batch.length >= batchDocuments || batchSize >= batchBytes) await flush();
      }
    }
    await flush();
  } finally {
    progress.stop();
  }

  let indexed = 0;
  for (const p of pending) {
    try {
      await waitForTask(admin, p.taskUid, 'index a batch of documents');
      indexed += p.documents;
    } catch (err) {
      if (err instanceof EngineError && err.code !== 'MEILI_TASK_FAILED') throw err;
      for (const source of p.sources) problems.push({ where: source, reason: (err as Error).message });
    }
  }
  const duplicateIds = [...seenIds].filter(([, n]) => n > 1).map(([id]) => id);
  return result(indexed, duplicateIds);
}

/** The one-line summary printed at the end of a run. */
export function summaryLine(r: IndexRunResult): string {
  const seconds = (r.elapsedMs / 1000).toFixed(1);
  const parts = [
    `Indexed ${r.indexed} article${r.indexed === 1 ? '' : 's'} from ${r.files} file${r.files === 1 ? '' : 's'} in ${seconds} s`,
  ];
  if (r.problems.length) parts.push(`${r.problems.length} skipped (see above)`);
  if (r.duplicateIds.length)
    parts.push(`${r.duplicateIds.length} id${r.duplicateIds.length === 1 ? '' : 's'} seen twice (last one kept)`);
  return `${parts.join('; ')}.`;
}
