/** Why a backup or a restore could not be done; each code is one situation a person can act on. */
export type BackupErrorCode =
  | 'BACKUP_NO_INDEX' // there is no index to back up
  | 'BACKUP_INDEX_CHANGING' // the index changed under every attempt to copy it
  | 'RESTORE_NOT_EMPTY' // the index holds documents and --force was not given
  | 'RESTORE_BAD_FILE' // not a backup, a newer format, truncated or damaged
  | 'RESTORE_INCOMPLETE' // the engine did not end up with the documents the backup holds
  | 'RESTORE_INTERRUPTED'; // stopped by the user (Ctrl-C) before the swap

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
