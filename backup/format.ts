import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';

/**
 * The backup file: gzip-compressed JSON lines. The first line is a header (what was backed up and how to rebuild
 * it), then one line per document exactly as Meilisearch stored it, then a trailer with the number of documents and
 * the SHA-256 of their lines, so a truncated or damaged file is refused before it replaces anything.
 */
export const BACKUP_FORMAT = 'izde-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  /** The index it was taken from (restore writes into the INDEX_NAME in use, whatever this says). */
  indexName: z.string(),
  primaryKey: z.string().min(1),
  /** ANALYZER_VERSION of the analysis that made the documents' term fields. */
  analyzerVersion: z.string(),
  meilisearchVersion: z.string(),
  /** The index settings as Meilisearch reported them (GET /indexes/:uid/settings). */
  settings: z.record(z.string(), z.unknown()),
  /** Documents in the index when the backup started (the trailer has the count written). */
  documents: z.number().int().min(0),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupTrailerSchema = z.object({
  izdeBackupEnd: z.object({ documents: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type BackupTrailer = z.infer<typeof backupTrailerSchema>;

/** Counts document lines and hashes them (each with its newline), on both sides of a backup. */
export class DocumentDigest {
  private readonly hash: Hash = createHash('sha256');
  count = 0;
  add(line: string): void {
    this.hash.update(line);
    this.hash.update('\n');
    this.count++;
  }
  trailer(): BackupTrailer {
    return { izdeBackupEnd: { documents: this.count, sha256: this.hash.copy().digest('hex') } };
  }
}
