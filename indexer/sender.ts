import type { Index } from 'meilisearch';
import type { ArticleDocument, Gateway } from '../engine/index.js';
import { type Finished, PRIMARY_KEY, TaskTracker, toEngineError, type WaitOptions } from '../engine/index.js';

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
 * Batches of 500 documents or 4 MB keep the indexer's memory small (issue 14: ≤ 300 MB); up to four wait in the
 * engine's queue (only their notes stay here), so Meilisearch can take several in one of its own batches.
 */
export const SENDER_DEFAULTS = { batchDocuments: 500, batchBytes: 4 * 1024 * 1024, maxInFlight: 4 } as const;

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
  private readonly index: Index<ArticleDocument>;
  private readonly tracker: TaskTracker<M[]>;
  private readonly config: Required<Omit<SenderOptions, 'stallMs'>>;
  private docs: ArticleDocument[] = [];
  private notes: M[] = [];
  private bytes = 0;

  constructor(
    gateway: Gateway,
    private readonly onBatch: (outcome: BatchOutcome<M>) => void,
    options: SenderOptions = {},
    indexName = gateway.indexName,
  ) {
    this.index = gateway.admin.index<ArticleDocument>(indexName);
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
    this.docs.push(doc);
    this.notes.push(note);
    // Rough JSON size: the body once, the term fields about as much again, and the metadata.
    this.bytes += doc.body.length * 4 + 1024;
    if (this.docs.length >= this.config.batchDocuments || this.bytes >= this.config.batchBytes) await this.send();
  }

  /** Sends what is left and waits until every batch is indexed (or failed). */
  async finish(): Promise<void> {
    await this.send();
    this.account(await this.waitUntil(0));
  }

  /**
   * Documents added but not confirmed (sent and unfinished, or not sent yet): after an engine failure (which `add`
   * and `finish` throw as an EngineError), what may or may not be searchable.
   */
  unconfirmed(): number {
    return this.tracker.unfinished().reduce((n, notes) => n + notes.length, 0) + this.notes.length;
  }

  private async send(): Promise<void> {
    if (this.docs.length === 0) return;
    // Backpressure: wait until the engine has room for one more batch.
    this.account(await this.waitUntil(this.config.maxInFlight - 1));
    const docs = this.docs;
    const notes = this.notes;
    let uid: number;
    try {
      uid = (await this.index.addDocuments(docs, { primaryKey: PRIMARY_KEY })).taskUid;
    } catch (err) {
      throw toEngineError(err);
    }
    this.docs = [];
    this.notes = [];
    this.bytes = 0;
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
