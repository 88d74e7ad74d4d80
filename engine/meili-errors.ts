import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { EngineError } from './errors.js';

/** Maps whatever the Meilisearch client threw to one of our typed errors (already-typed errors pass through). */
export function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  // The client wraps whatever a custom HTTP client throws in a request error: look inside.
  if (err instanceof MeilisearchRequestError && err.cause instanceof MeilisearchApiError)
    return toEngineError(err.cause);
  if (err instanceof MeilisearchRequestTimeOutError || err instanceof MeilisearchTaskTimeOutError) {
    return new EngineError('MEILI_TIMEOUT', `Meilisearch did not answer in time: ${err.message}`, { cause: err });
  }
  if (err instanceof MeilisearchApiError) {
    const code = err.cause?.code ?? 'unknown';
    return new EngineError('MEILI_API_ERROR', `Meilisearch refused the request (${code}): ${err.message}`, {
      cause: err,
    });
  }
  if (err instanceof MeilisearchRequestError || (err instanceof TypeError && /fetch/i.test(err.message))) {
    return new EngineError('MEILI_UNAVAILABLE', 'Meilisearch cannot be reached', { cause: err });
  }
  return new EngineError('MEILI_API_ERROR', err instanceof Error ? err.message : String(err), { cause: err });
}

/** The Meilisearch error code of an API error (e.g. `index_not_found`), if that is what `err` is. */
export function meiliCode(err: unknown): string | undefined {
  let cause = err instanceof EngineError ? err.cause : err;
  if (cause instanceof MeilisearchRequestError && cause.cause instanceof MeilisearchApiError) cause = cause.cause;
  return cause instanceof MeilisearchApiError ? cause.cause?.code : undefined;
}
