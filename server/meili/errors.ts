import { EngineError } from '../../engine/index.js';
import { ApiError, toApiError } from '../errors.js';
import { FilterError } from './filter.js';

/** Meilisearch's error types. */
export type MeiliErrorType = 'invalid_request' | 'auth' | 'system' | 'internal';

/**
 * An error of the Meilisearch-compatible API, answered in Meilisearch's own shape
 * (`{"message","code","type","link"}`) so its clients show it as they would show the engine's. Codes are
 * Meilisearch's where one exists (`invalid_search_filter`, `index_not_found`, …).
 */
export class MeiliError extends Error {
  override name = 'MeiliError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: MeiliErrorType = 'invalid_request',
  ) {
    super(message);
  }

  /** The same error found inside a part of the request (`.queries[1]`), as Meilisearch words it. */
  inside(where: string): MeiliError {
    return new MeiliError(this.status, this.code, `Inside \`${where}\`: ${this.message}`, this.type);
  }
}

export interface MeiliErrorBody {
  message: string;
  code: string;
  type: MeiliErrorType;
  link: string;
}

export function meiliErrorBody(err: MeiliError): MeiliErrorBody {
  return {
    message: err.message,
    code: err.code,
    type: err.type,
    link: `https://docs.meilisearch.com/errors#${err.code}`,
  };
}

export const badRequest = (message: string) => new MeiliError(400, 'bad_request', message);
export const filterError = (err: FilterError) => new MeiliError(400, 'invalid_search_filter', err.message);
export const indexNotFound = (uid: string) => new MeiliError(404, 'index_not_found', `Index \`${uid}\` not found.`);

/** Maps anything thrown while answering to the Meilisearch-shaped error; never a stack trace. */
export function toMeiliError(err: unknown): MeiliError {
  if (err instanceof MeiliError) return err;
  if (err instanceof FilterError) return filterError(err);
  const bodyParser = err as { type?: unknown; status?: unknown; message?: unknown };
  if (bodyParser?.type === 'entity.parse.failed') {
    return new MeiliError(
      400,
      'malformed_payload',
      `The json payload provided is malformed. \`${String(bodyParser.message)}\`.`,
    );
  }
  if (bodyParser?.type === 'entity.too.large') {
    return new MeiliError(413, 'payload_too_large', 'The provided payload reached the size limit.');
  }
  const api = err instanceof ApiError || err instanceof EngineError ? toApiError(err) : undefined;
  if (api?.status === 503) return new MeiliError(503, 'search_unavailable', api.message, 'system');
  if (api?.status === 429) return new MeiliError(429, 'too_many_requests', api.message, 'system');
  if (api && api.status < 500) return new MeiliError(api.status, 'bad_request', api.message);
  if (typeof bodyParser?.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500) {
    return new MeiliError(bodyParser.status, 'bad_request', String(bodyParser.message || 'Bad request'));
  }
  return new MeiliError(500, 'internal', 'izde failed to answer this request.', 'internal');
}
