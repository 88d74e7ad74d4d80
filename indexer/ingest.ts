import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ArticleDocument, Gateway, HeldLock, LockOptions } from '../engine/index.js';
import { toDocument } from './document.js';
import { extractItem } from './extract-item.js';
import { type Problem, recordItem } from './read.js';
import { DocumentSender, type SenderOptions } from './sender.js';

/** The origin of articles that came through the admin API (a sync of files never touches them). */
export const API_ORIGIN = 'api';

/** One record of a request, with its place in it. */
export interface IncomingRecord {
  /** The parsed JSON value (validated here). */
  value: unknown;
  /** Its position in the request: the array index, or the line index (0-based) of NDJSON. */
  index: number;
  /** How the problems name it: `[3]`, `line 4`. */
  where: string;
  /** Set when the record could not even be read (a line that is not JSON): reported as is. */
  problem?: string;
}

export interface RecordProblem extends Problem {
  index: number;
  /** The record's id, when it has one. */
  id?: string;
}

export interface IngestResult {
  /** Articles Meilisearch confirmed: searchable now. */
  indexed: number;
  problems: RecordProblem[];
}

/** One object configures an ingest (batch sizes: SenderOptions). */
export interface IngestOptions extends SenderOptions {
  lock?: Partial<LockOptions>;
  /** What the writer is, in the lock's messages. */
  what?: string;
}

/**
 * Records pushed by a CMS, through the indexer's own pipeline: validated as input records, extracted and analyzed
 * like a file's records (`extractItem`, `toDocument`, origin `api`), sent in batches, and confirmed: the answer comes
 * once they are searchable. A bad record is a problem named by its index; the rest are indexed. Analysis runs on the
 * caller's thread, so it yields between records: a server keeps answering searches while it ingests.
 */
export async function ingestRecords(
  gateway: Gateway,
  records: readonly IncomingRecord[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  const problems: RecordProblem[] = [];
  let indexed = 0;
  if (records.length === 0) return { indexed, problems };
  await gateway.ensureIndex();
  // The lock is taken when the first good record is ready: a request of bad records only costs no engine write.
  let lock: HeldLock | undefined;
  const sender = new DocumentSender<{ index: number; where: string; id: string }>(
    gateway,
    (batch) => {
      if (batch.ok) indexed += batch.notes.length;
      else
        for (const n of batch.notes) problems.push({ where: n.where, reason: batch.reason, index: n.index, id: n.id });
    },
    options,
  );
  try {
    for (const record of records) {
      await yieldToEventLoop();
      if (record.problem !== undefined) {
        problems.push({ where: record.where, reason: record.problem, index: record.index });
        continue;
      }
      const item = recordItem(record.value, record.where, API_ORIGIN, 0);
      if (item.kind === 'problem') {
        problems.push({ where: record.where, reason: item.problem.reason, index: record.index, ...idOf(record.value) });
        continue;
      }
      let doc: ArticleDocument;
      try {
        const article = extractItem(item);
        doc = toDocument(article, { origin: API_ORIGIN, hash: item.hash }, article.analysis);
      } catch (err) {
        problems.push({
          where: record.where,
          reason: err instanceof Error ? err.message : String(err),
          index: record.index,
          id: item.id,
        });
        continue;
      }
      lock ??= await gateway.writers.acquire('write', { what: options.what ?? 'the admin API', ...options.lock });
      await sender.add(doc, { index: record.index, where: record.where, id: item.id });
    }
    await sender.finish();
  } finally {
    sender.close();
    await lock?.release();
  }
  problems.sort((a, b) => a.index - b.index);
  return { indexed, problems };
}

/** The id of a record that failed validation, when it has a usable one (to help the sender find it). */
function idOf(value: unknown): { id?: string } {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {};
}
