import { maxHeaderSize } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, errorBody } from './errors.js';

/**
 * Size limits of a request to the API (documented in docs/api.md). Node enforces the first; the middleware below
 * the others, each with an answer in the error shape.
 */
export const REQUEST_LIMITS = {
  /** The request line (method and URL) and all headers together, in bytes: Node's limit (431 beyond). */
  headerBytes: maxHeaderSize,
  /** Query parameters in one request (400 beyond): Node's query parser silently drops pairs after 1000. */
  queryParameters: 200,
  /** A request body, in bytes (413 beyond). The read-only routes take none; write routes read up to this. */
  bodyBytes: 10 * 1024 * 1024,
} as const;

/** Counts the `&`-separated pairs of a raw query string (empty pairs, as in `a=1&&b=2`, do not count). */
export function countQueryParameters(rawQuery: string): number {
  let n = 0;
  for (const pair of rawQuery.split('&')) if (pair !== '') n++;
  return n;
}

/**
 * Refuses, before any route runs, a request with more query parameters than the parser keeps (a dropped `year=`
 * would silently widen the results) or a body declared larger than the limit (413, and the connection is closed
 * rather than read to its end).
 */
export function requestLimits(limits: { queryParameters: number; bodyBytes: number } = REQUEST_LIMITS) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const url = req.originalUrl;
    const q = url.indexOf('?');
    if (q >= 0) {
      const n = countQueryParameters(url.slice(q + 1));
      if (n > limits.queryParameters) {
        next(
          new ApiError(400, 'BAD_PARAMETER', `Too many query parameters (${n}; at most ${limits.queryParameters}).`),
        );
        return;
      }
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limits.bodyBytes) {
      const err = new ApiError(
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${limits.bodyBytes} bytes (${declared} declared).`,
      );
      res.set('Connection', 'close');
      res.status(err.status).json(errorBody(err));
      return;
    }
    next();
  };
}
