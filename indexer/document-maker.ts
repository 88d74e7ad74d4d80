/**
 * Where the indexer analyzes: on a thread of its own, or inline. Analysis and the document builder are about two
 * thirds of the indexer's CPU and the reading side (files, JSON, page extraction, batches to the engine) the rest; on
 * one thread the indexer was the slower side of an index run — a core busy while the engine used half of the other —
 * so the analysis thread lets both cores work (docs/performance.md, "An analysis thread"). Only that thread loads the analyzers' data
 * and word cache, so the indexer's memory stays within its bound. Documents come back in the order asked, so the
 * last of two records with one id still wins.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentJob, MadeDocument } from './make-document.js';

export type { DocumentJob, MadeDocument };

/** `thread`: analyze on a thread of its own; `inline`: on the caller's; `auto`: a thread for inputs of 4 MB or more. */
export type AnalysisMode = 'auto' | 'inline' | 'thread';

/** One object configures where and how articles are analyzed. */
export interface AnalysisOptions {
  mode?: AnalysisMode;
  /** Words the analysis keeps in its cache (analyzers' setWordCacheSize); the analyzers' default when unset. */
  wordCache?: number;
}

/**
 * From this much input on, `auto` starts a thread: its start (loading the analyzers' data again, about a second)
 * is then a small share of the run; the few files of a watched folder's change are analyzed inline.
 */
export const THREAD_FROM_BYTES = 4 * 1024 * 1024;

export interface DocumentMaker {
  /** The document of one article; answers come in the order asked. Rejects only when the maker itself broke. */
  make(job: DocumentJob): Promise<MadeDocument>;
  /** Ends the thread (if any). */
  close(): Promise<void>;
}

export function documentMaker(options: AnalysisOptions, inputBytes: number): DocumentMaker {
  const mode = options.mode ?? 'auto';
  const thread = mode === 'thread' || (mode === 'auto' && inputBytes >= THREAD_FROM_BYTES);
  return thread ? new ThreadMaker(options) : new InlineMaker(options);
}

class InlineMaker implements DocumentMaker {
  private readonly module: Promise<typeof import('./make-document.js')>;

  constructor({ wordCache }: AnalysisOptions) {
    this.module = import('./make-document.js').then((m) => {
      if (wordCache) m.setWordCacheSize(wordCache);
      return m;
    });
  }

  async make(job: DocumentJob): Promise<MadeDocument> {
    return (await this.module).makeDocument(job);
  }

  async close(): Promise<void> {}
}

/**
 * The thread runs document-thread.js; under tsx or the test runner (this file is TypeScript) the thread registers
 * tsx's loader first, as a thread does not take `--import` from its options.
 */
function startThread(wordCache: number | undefined): Worker {
  const workerData = { wordCache };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./document-thread.js', import.meta.url), { workerData });
  // tsx's ESM entry: its `import` export, next to the `require` one Node's require.resolve gives.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./document-thread.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

class ThreadMaker implements DocumentMaker {
  private readonly worker: Worker;
  /** Answers awaited, oldest first (the thread answers in order). */
  private readonly waiting: { resolve: (made: MadeDocument) => void; reject: (err: Error) => void }[] = [];
  private broken: Error | undefined;

  constructor({ wordCache }: AnalysisOptions) {
    this.worker = startThread(wordCache);
    this.worker.on('message', (made: MadeDocument) => this.waiting.shift()?.resolve(made));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the analysis thread exited with code ${code}`)));
  }

  make(job: DocumentJob): Promise<MadeDocument> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.broken ??= new Error('the analysis thread was closed');
    await this.worker.terminate();
  }

  private fail(err: Error): void {
    this.broken ??= new Error(`the analysis thread stopped: ${err.message}`);
    for (const w of this.waiting.splice(0)) w.reject(this.broken);
  }
}

/** Articles being analyzed ahead of the one the caller sends: enough to keep the thread busy while a batch goes. */
const AHEAD = 64;

/**
 * Documents made in order: `add` hands an article to the maker and, once `ahead` are on their way, gives the oldest's
 * document to `take` (which may wait: the engine's backpressure). `flush` takes the rest.
 */
export class OrderedDocuments<N> {
  private readonly queue: { made: Promise<MadeDocument>; note: N }[] = [];

  constructor(
    private readonly maker: DocumentMaker,
    private readonly take: (made: MadeDocument, note: N) => Promise<void>,
    private readonly ahead = AHEAD,
  ) {}

  async add(job: DocumentJob, note: N): Promise<void> {
    const made = this.maker.make(job);
    made.catch(() => {}); // a broken maker is thrown where the answer is awaited, in order
    this.queue.push({ made, note });
    while (this.queue.length >= this.ahead) await this.takeOne();
  }

  async flush(): Promise<void> {
    while (this.queue.length > 0) await this.takeOne();
  }

  private async takeOne(): Promise<void> {
    const head = this.queue.shift();
    if (head) await this.take(await head.made, head.note);
  }
}
