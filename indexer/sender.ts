import type { ArticleDocument, Gateway } from '../engine/index.js';
import {
  addDocumentsFile,
  type Finished,
  PRIMARY_KEY,
  TaskTracker,
  toEngineError,
  type WaitOptions,
} from '../engine/index.js';
import { NdjsonSpool } from './spool.js';

/** One object configures a sender; defaults in SENDER_DEFAULTS. */
export interface SenderOptions {
  /** Send a batch when it reaches this many documents… */
  batchDocuments?: number;
  /** …or this many bytes of JSON. */
  batchBytes?: number;
  /** Batches sent but not yet indexed, at most: `add` waits for the engine beyond that (backpressure). */
  maxInFlight?: number;
  /** Give up only after the engine made no progress for this long. */
  stallMs?: number;
}

/**
 * Batches of up to 10,000 documents or 90 MB (under Meilisearch's default 100 MB payload limit): Meilisearch pays a
 * fixed cost per batch it indexes (merging postings, rebuilding its facet-search and prefix structures, rewriting the
 * pages it touched), so an engine fed 500 documents at a time spent 1.7× the CPU and 1.6× the disk it needs for large
 * batches, and at 100k batches of 90 MB indexed in 308 s where batches of 32 MB took 338 s (docs/performance.md).
 * Batches are written to a temporary file as they fill (indexer/spool.ts), so their size costs no memory; two wait in
 * the engine's queue at most.
 */
export const SENDER_DEFAULTS = { batchDocuments: 10_000, batchBytes: 90 * 1024 * 1024, maxInFlight: 2 } as const;

/** What became of one batch: its documents' notes, and whether Meilisearch indexed them. */
export type BatchOutcome<M> = { ok: true; notes: M[] } | { ok: false; notes: M[]; reason: string };

/**
 * Documents into Meilisearch in bounded batches, with backpressure: at most `maxInFlight` batches wait in the
 * engine's queue while the next one is being prepared, so memory stays flat whatever the input's size and the engine
 * is never idle. Each document carries a note of the caller's (where it came from, what it means for a count); when a
 * batch's task finishes, `onBatch` learns which notes are searchable now and which failed, and why. The indexer, the
 * sync and the admin API all send through one of these.
 */
export class DocumentSender<M> {
  private readonly tracker: TaskTracker<M[]>;
  private readonly config: Required<Omit<SenderOptions, 'stallMs'>>;
  private readonly spool = new NdjsonSpool();
  private notes: M[] = [];

  constructor(
    private readonly gateway: Gateway,
    private readonly onBatch: (outcome: BatchOutcome<M>) => void,
    options: SenderOptions = {},
    private readonly indexName = gateway.indexName,
  ) {
    const wait: WaitOptions = options.stallMs ? { stallMs: options.stallMs } : {};
    this.tracker = new TaskTracker<M[]>(gateway.admin, wait);
    this.config = {
      batchDocuments: options.batchDocuments ?? SENDER_DEFAULTS.batchDocuments,
      batchBytes: options.batchBytes ?? SENDER_DEFAULTS.batchBytes,
      maxInFlight: options.maxInFlight ?? SENDER_DEFAULTS.maxInFlight,
    };
  }

  /** Adds a document; sends the batch when it is full (waiting for room in the engine's queue first). */
  async add(doc: ArticleDocument, note: M): Promise<void> {
    await this.addJson(JSON.stringify(doc), note);
  }

  /** Adds a document already in JSON (made on the analysis thread: indexer/document-maker.ts). */
  async addJson(json: string, note: M): Promise<void> {
    this.spool.writeJson(json);
    this.notes.push(note);
    if (this.spool.documents >= this.config.batchDocuments || this.spool.bytes >= this.config.batchBytes) {
      await this.send();
    }
  }

  /** Sends what is left and waits until every batch is indexed (or failed); the temporary files are gone after. */
  async finish(): Promise<void> {
    try {
      await this.send();
      this.account(await this.waitUntil(0));
    } finally {
      this.spool.close();
    }
  }

  /** Drops what was not sent (after a failure): the temporary files are deleted. */
  close(): void {
    this.spool.close();
  }

  /**
   * Documents added but not confirmed (sent and unfinished, or not sent yet): after an engine failure (which `add`
   * and `finish` throw as an EngineError), what may or may not be searchable.
   */
  unconfirmed(): number {
    return this.tracker.unfinished().reduce((n, notes) => n + notes.length, 0) + this.notes.length;
  }

  private async send(): Promise<void> {
    if (this.notes.length === 0) return;
    // Backpressure: wait until the engine has room for one more batch.
    this.account(await this.waitUntil(this.config.maxInFlight - 1));
    const file = this.spool.seal();
    if (!file) return;
    const notes = this.notes;
    let uid: number;
    try {
      uid = await addDocumentsFile(this.gateway.admin, this.indexName, file, PRIMARY_KEY);
    } finally {
      this.spool.release(file);
    }
    this.notes = [];
    this.tracker.add(uid, notes);
  }

  private async waitUntil(n: number): Promise<Finished<M[]>[]> {
    try {
      return await this.tracker.waitUntil(n);
    } catch (err) {
      throw toEngineError(err);
    }
  }

  private account(finished: Finished<M[]>[]): void {
    for (const f of finished) {
      if (f.status === 'succeeded') this.onBatch({ ok: true, notes: f.meta });
      else {
        const reason = f.task.error ? `${f.task.error.code}: ${f.task.error.message}` : `task ${f.status}`;
        this.onBatch({ ok: false, notes: f.meta, reason: `Meilisearch could not index it (${reason})` });
      }
    }
  }
}
