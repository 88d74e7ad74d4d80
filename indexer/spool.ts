import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NdjsonFile } from '../engine/index.js';

/**
 * A batch of documents on its way to Meilisearch, written to a temporary NDJSON file as each document is made: a
 * batch large enough for the engine to index efficiently (thousands of articles, tens of MB) costs the indexer no
 * memory, and is then streamed to the engine (engine/upload.ts). One file at a time; the folder goes with `close`.
 */
export class NdjsonSpool {
  private dir: string | undefined;
  private fd: number | undefined;
  private path = '';
  private serial = 0;
  /** Documents and bytes in the current file. */
  documents = 0;
  bytes = 0;

  /** Appends one document as a line. */
  write(doc: unknown): void {
    this.writeJson(JSON.stringify(doc));
  }

  /** Appends one document already in JSON (one line: JSON.stringify writes no line break). */
  writeJson(json: string): void {
    const fd = this.fd ?? this.open();
    this.bytes += writeSync(fd, `${json}\n`);
    this.documents++;
  }

  /** Closes the current file and hands it over (the caller uploads it, then calls `release`); null when empty. */
  seal(): NdjsonFile | null {
    if (this.fd === undefined) return null;
    closeSync(this.fd);
    const file = { path: this.path, bytes: this.bytes };
    this.fd = undefined;
    this.documents = 0;
    this.bytes = 0;
    return file;
  }

  /** Deletes a sealed file (uploaded, or given up). */
  release(file: NdjsonFile): void {
    rmSync(file.path, { force: true });
  }

  /** Deletes everything, the current file included. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.documents = 0;
    this.bytes = 0;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    spools.delete(this);
  }

  private open(): number {
    if (!this.dir) {
      this.dir = mkdtempSync(join(tmpdir(), 'izde-batch-'));
      spools.add(this);
    }
    this.path = join(this.dir, `${++this.serial}.ndjson`);
    this.fd = openSync(this.path, 'w');
    return this.fd;
  }
}

/** Spools still open when the process exits (an error, a signal handled by exit) leave no files behind. */
const spools = new Set<NdjsonSpool>();
process.once('exit', () => {
  for (const spool of spools) spool.close();
});
