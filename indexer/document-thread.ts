/**
 * The indexer's analysis thread (started by document-maker.ts): takes prepared articles one message each, in order,
 * and answers each with its document's JSON line, in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DocumentJob, makeDocument, setWordCacheSize } from './make-document.js';

const { wordCache } = (workerData ?? {}) as { wordCache?: number };
if (wordCache) setWordCacheSize(wordCache);

parentPort?.on('message', (job: DocumentJob) => {
  parentPort?.postMessage(makeDocument(job));
});
