import { EngineError } from '../engine/index.js';

/** Error codes of the HTTP API (stable: clients may switch on them). */
export type ApiErrorCode =
  | 'BAD_PARAMETER'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'REQUEST_TIMEOUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'HEADERS_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'SEARCH_UNAVAILABLE'
  | 'SEARCH_TIMEOUT'
  | 'INDEX_BUSY'
  | 'INTERNAL';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const badParameter = (message: string) => new ApiError(400, 'BAD_PARAMETER', message);
export const notFound = (message: string) => new ApiError(404, 'NOT_FOUND', message);

/** Maps any error to the one status and body the contract promises; never a stack trace. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof EngineError) {
    switch (err.code) {
      case 'MEILI_UNAVAILABLE':
      case 'ENGINE_NO_BINARY':
      case 'ENGINE_START_FAILED':
      case 'ENGINE_LOCKED':
        return new ApiError(503, 'SEARCH_UNAVAILABLE', 'The search engine is unavailable; try again shortly.');
      case 'MEILI_TIMEOUT':
        return new ApiError(503, 'SEARCH_TIMEOUT', 'The search engine did not answer in time; try again shortly.');
      default:
        return new ApiError(500, 'INTERNAL', 'The search engine failed to answer this request.');
    }
  }
  // body-parser, the router's URL decoding and friends mark client errors with a status
  const status = (err as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = (err as Error).message || 'Bad request';
    if (status === 413) return new ApiError(413, 'PAYLOAD_TOO_LARGE', message);
    if (status === 415) return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', message);
    if (status === 400 && (err as { type?: unknown }).type === 'entity.parse.failed') {
      return new ApiError(400, 'BAD_REQUEST', `The request body is not valid: ${message}`);
    }
    return new ApiError(status, 'BAD_PARAMETER', message);
  }
  return new ApiError(500, 'INTERNAL', 'Internal error');
}

export function errorBody(err: ApiError): { error: { code: ApiErrorCode; message: string } } {
  return { error: { code: err.code, message: err.message } };
}
