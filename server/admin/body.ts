import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { IncomingRecord } from '../../indexer/ingest.js';
import { ApiError } from '../errors.js';

/** Media types of the bodies `PUT /api/admin/articles` takes. */
const JSON_TYPES = ['application/json'];
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'];

export interface BodyLimits {
  /** Bytes of one request body (after decompression). */
  maxBytes: number;
  /** Records in one request. */
  maxRecords: number;
}

const mebibytes = (n: number) => `${Number.isInteger(n / 1048576) ? n / 1048576 : (n / 1048576).toFixed(1)} MiB`;

/**
 * The records of a request, as `req.body` (IncomingRecord[]): a JSON array (`Content-Type: application/json`) or
 * NDJSON (`application/x-ndjson`, one record per line). A body that is not one of these is refused whole (415, 400);
 * a bad record inside a good body is the ingest's problem to report by index. Bodies are limited in bytes (413 while
 * it is being read, whatever Content-Length says) and in records (413).
 */
export function recordsBody(limits: BodyLimits): (RequestHandler | ErrorRequestHandler)[] {
  const kindOf = (type: string | undefined) => {
    const media = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    return JSON_TYPES.includes(media) ? 'json' : NDJSON_TYPES.includes(media) ? 'ndjson' : null;
  };
  const checkType: RequestHandler = (req, _res, next) => {
    if (kindOf(req.get('content-type'))) return next();
    next(
      new ApiError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the records as a JSON array (Content-Type: application/json) or as NDJSON, one record per line ` +
          `(Content-Type: application/x-ndjson); got ${req.get('content-type') ? `"${req.get('content-type')}"` : 'no Content-Type'}.`,
      ),
    );
  };
  const read = express.text({ type: () => true, limit: limits.maxBytes, defaultCharset: 'utf-8' });
  const tooLarge: ErrorRequestHandler = (err, _req, res, next) => {
    if ((err as { type?: unknown })?.type === 'entity.too.large') {
      res.set('Connection', 'close');
      return next(
        new ApiError(
          413,
          'PAYLOAD_TOO_LARGE',
          `The request body is larger than ${limits.maxBytes} bytes (${mebibytes(limits.maxBytes)}); send the records in smaller requests.`,
        ),
      );
    }
    next(err);
  };
  const parse: RequestHandler = (req, _res, next) => {
    const text = typeof req.body === 'string' ? req.body : '';
    const records = kindOf(req.get('content-type')) === 'json' ? jsonArray(text) : ndjson(text);
    if (records.length > limits.maxRecords) {
      return next(
        new ApiError(
          413,
          'PAYLOAD_TOO_LARGE',
          `The request holds ${records.length} records; at most ${limits.maxRecords} are taken at once.`,
        ),
      );
    }
    req.body = records;
    next();
  };
  return [checkType, read, tooLarge, parse];
}

/** The elements of a JSON array body (400 when the body is not one). */
export function jsonArray(text: string): IncomingRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = text.trim() === '' ? 'the body is empty' : (err as Error).message;
    throw new ApiError(400, 'BAD_REQUEST', `The body is not valid JSON (${detail}); send a JSON array of records.`);
  }
  if (!Array.isArray(value)) {
    throw new ApiError(
      400,
      'BAD_REQUEST',
      'The body must be a JSON array of records (one record too: [{"id": …, "text": …}]).',
    );
  }
  return value.map((v, index) => ({ value: v, index, where: `[${index}]` }));
}

/** The records of an NDJSON body: each non-blank line one record; a line that is not JSON stays a bad record. */
export function ndjson(text: string): IncomingRecord[] {
  const out: IncomingRecord[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    try {
      out.push({ value: JSON.parse(line), index, where });
    } catch (err) {
      // Not a record: the ingest reports it like any other bad record, by its line, as the indexer words it.
      out.push({ value: undefined, index, where, problem: `not valid JSON (${(err as Error).message})` });
    }
  });
  return out;
}
