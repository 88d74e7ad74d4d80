import { type Meilisearch, MeilisearchApiError } from 'meilisearch';
import { EngineError } from './errors.js';
import { postFile } from './http-client.js';
import { toEngineError } from './meili-errors.js';

/** A file of NDJSON documents, one per line, and its size in bytes. */
export interface NdjsonFile {
  path: string;
  bytes: number;
}

/** Long enough to upload a large batch to a remote engine; the task itself is awaited apart (engine/tasks.ts). */
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * Adds (or replaces) the documents of an NDJSON file to an index, streaming the file: Meilisearch's
 * `POST /indexes/:uid/documents`, as the client's `addDocumentsFromString` would send it, without the whole batch in
 * memory as one string. Resolves with the enqueued task's uid; every failure is an EngineError.
 */
export async function addDocumentsFile(
  client: Meilisearch,
  indexUid: string,
  file: NdjsonFile,
  primaryKey: string,
): Promise<number> {
  const { host, apiKey } = client.config;
  const base = host.endsWith('/') ? host : `${host}/`;
  const url = new URL(`indexes/${encodeURIComponent(indexUid)}/documents`, base);
  url.searchParams.set('primaryKey', primaryKey);
  const headers: Record<string, string> = { 'content-type': 'application/x-ndjson' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let answer: unknown;
  try {
    answer = await postFile(url, headers, file, AbortSignal.timeout(UPLOAD_TIMEOUT_MS));
  } catch (err) {
    if (err instanceof MeilisearchApiError) throw toEngineError(err);
    if (err instanceof DOMException && err.name === 'TimeoutError') {
      throw new EngineError('MEILI_TIMEOUT', `Meilisearch did not take a batch of documents in time`, { cause: err });
    }
    throw new EngineError('MEILI_UNAVAILABLE', 'Meilisearch cannot be reached', { cause: err });
  }
  const uid = (answer as { taskUid?: unknown } | undefined)?.taskUid;
  if (typeof uid !== 'number') {
    throw new EngineError(
      'MEILI_API_ERROR',
      `Meilisearch answered a document upload without a task: ${JSON.stringify(answer)}`,
    );
  }
  return uid;
}
