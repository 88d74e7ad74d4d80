import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, errorBody } from './errors.js';
import { REQUEST_LIMITS } from './request-limits.js';

/**
 * What Node's HTTP parser refused, as the API's error: Node answers these itself, before any route runs, with a bare
 * status line and no body (`server.on('clientError')` replaces that).
 */
export function clientErrorFor(code: string | undefined): ApiError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new ApiError(
        431,
        'HEADERS_TOO_LARGE',
        `The URL and headers are larger than ${REQUEST_LIMITS.headerBytes} bytes; shorten the query.`,
      );
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The chunk extensions of the request body are too large.');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ApiError(408, 'REQUEST_TIMEOUT', 'The request was not received in time.');
    default:
      return new ApiError(400, 'BAD_REQUEST', `Malformed HTTP request${code ? ` (${code})` : ''}.`);
  }
}

/** The HTTP/1.1 response for `err`: JSON in the error shape, and the connection closes (the parser is done). */
export function clientErrorResponse(err: ApiError): string {
  const body = JSON.stringify(errorBody(err));
  return [
    `HTTP/1.1 ${err.status} ${STATUS_CODES[err.status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** How long a refused client may take to read the answer before its connection is dropped. */
const LINGER_MS = 2000;

/**
 * `server.on('clientError', …)`: answers a request Node's parser refused (431, 413, 408, 400) in the error shape.
 * Nothing is written once the socket is gone; a response under way on it is finished first.
 */
export function handleClientError(
  err: Error & { code?: string },
  socket: Duplex,
  log?: (status: number, code: string) => void,
): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const apiError = clientErrorFor(err.code);
  log?.(apiError.status, apiError.code);
  const answer = () => {
    if (!socket.writable) return void socket.destroy();
    socket.end(clientErrorResponse(apiError));
    // The rest of what the client sent stays unread; keep the socket until it has our answer, then drop it.
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  // A pipelined request before the bad one is still being answered: finish it first, or the answers would interleave.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (inFlight && !inFlight.writableFinished) {
    inFlight.once('finish', answer);
    inFlight.once('close', () => {
      if (!inFlight.writableFinished) socket.destroy();
    });
  } else {
    answer();
  }
}
