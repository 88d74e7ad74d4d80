/** Why a file or record could not become an article; `code` is stable (the indexer reports it by path). */
export type ExtractErrorCode = 'EMPTY_FILE' | 'BINARY_FILE' | 'UNDECODABLE' | 'NO_TEXT' | 'BAD_RECORD' | 'TOO_LONG';

export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  /** The input file, when known. */
  path?: string;
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isExtractError(e: unknown): e is ExtractError {
  return e instanceof ExtractError;
}
