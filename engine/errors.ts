/**
 * Typed errors of the search engine layer. Each has a stable `code`; the HTTP layer maps codes to statuses and the
 * CLIs to exit codes, so callers never parse messages.
 */
export type EngineErrorCode =
  | 'MEILI_UNAVAILABLE' // cannot reach Meilisearch (down, refused, DNS)
  | 'MEILI_TIMEOUT' // a request or a task took too long
  | 'MEILI_API_ERROR' // Meilisearch answered with an error
  | 'MEILI_TASK_FAILED' // an indexing task ended in `failed`
  | 'ENGINE_NO_BINARY' // no embedded binary for this platform and no MEILI_URL
  | 'ENGINE_START_FAILED' // the embedded binary did not become healthy
  | 'ENGINE_LOCKED'; // another process's engine on the same folder never became ready, or does not answer

export class EngineError extends Error {
  override name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
