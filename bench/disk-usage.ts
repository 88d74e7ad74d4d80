/**
 * Where a Meilisearch index's disk goes, database by database:
 *   npm run bench:disk -- DATA_FOLDER|data.mdb
 * Meilisearch keeps each index in one LMDB file (`data.ms/indexes/<uuid>/data.mdb`). LMDB records, for each named
 * database, how many pages its tree holds (the `MDB_db` entry in the main database), so the sizes are read, not
 * estimated: no tree is walked. Prints each database's entries and megabytes, the data in use and the file's size;
 * what the file holds beyond the data in use is free pages. Read-only, and safe while the engine runs (it reads the
 * newest committed meta page). Given a folder, it reports every index file under it (izde's writers' lock is a small
 * one).
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { printTable } from './lib/table.js';

const PAGE = 4096;
/** LMDB's page header (pgno, pad, flags, lower, upper) and its node flags. */
const PAGE_HEADER = 16;
const P_BRANCH = 0x01;
const F_SUBDATA = 0x02;

interface DbRecord {
  pages: number;
  entries: number;
  root: number;
}

/** An `MDB_db`: pad, flags, depth, branch pages, leaf pages, overflow pages, entries, root (64-bit LMDB). */
function dbRecord(buf: Buffer, at: number): DbRecord {
  const n = (o: number) => Number(buf.readBigUInt64LE(at + o));
  return { pages: n(8) + n(16) + n(24), entries: n(32), root: n(40) };
}

function readPage(fd: number, page: number): Buffer {
  const buf = Buffer.alloc(PAGE);
  readSync(fd, buf, 0, PAGE, page * PAGE);
  return buf;
}

interface DiskUsage {
  databases: { name: string; entries: number; bytes: number }[];
  inUseBytes: number;
  fileBytes: number;
}

/** The named databases of one LMDB file, largest first. */
function diskUsage(file: string): DiskUsage {
  const fd = openSync(file, 'r');
  try {
    // Two meta pages; the one with the larger transaction id is the newest commit.
    const metas = [0, 1].map((p) => {
      const buf = readPage(fd, p);
      const meta = PAGE_HEADER;
      return { main: dbRecord(buf, meta + 24 + 48), txn: buf.readBigUInt64LE(meta + 24 + 96 + 8) };
    });
    const meta = (metas[0]?.txn ?? 0n) >= (metas[1]?.txn ?? 0n) ? metas[0] : metas[1];
    const databases: DiskUsage['databases'] = [];
    const walk = (page: number) => {
      const buf = readPage(fd, page);
      const flags = buf.readUInt16LE(10);
      const count = (buf.readUInt16LE(12) - PAGE_HEADER) / 2;
      for (let i = 0; i < count; i++) {
        const at = buf.readUInt16LE(PAGE_HEADER + 2 * i);
        const lo = buf.readUInt16LE(at);
        const hi = buf.readUInt16LE(at + 2);
        const nodeFlags = buf.readUInt16LE(at + 4);
        const keySize = buf.readUInt16LE(at + 6);
        if (flags & P_BRANCH) walk(lo + hi * 0x10000 + nodeFlags * 0x100000000);
        else if (nodeFlags & F_SUBDATA) {
          const name = buf.toString('utf8', at + 8, at + 8 + keySize);
          const db = dbRecord(buf, at + 8 + keySize);
          databases.push({ name, entries: db.entries, bytes: db.pages * PAGE });
        }
      }
    };
    if (meta && meta.main.pages > 0) walk(meta.main.root);
    databases.sort((a, b) => b.bytes - a.bytes);
    return {
      databases,
      inUseBytes: databases.reduce((n, d) => n + d.bytes, 0),
      fileBytes: statSync(file).size,
    };
  } finally {
    closeSync(fd);
  }
}

function indexFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('data.mdb') && f.includes('indexes'))
    .map((f) => join(path, f));
}

function main(): number {
  const path = process.argv[2];
  if (!path) {
    console.error('Usage: npm run bench:disk -- DATA_FOLDER|data.mdb');
    return 2;
  }
  const mb = (b: number) => (b / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  for (const file of indexFiles(path)) {
    const usage = diskUsage(file);
    printTable(
      file,
      ['database', 'entries', 'MB'],
      [
        ...usage.databases
          .filter((d) => d.bytes > 0)
          .map((d) => [d.name, d.entries.toLocaleString('en-US'), mb(d.bytes)]),
        ['data in use', '', mb(usage.inUseBytes)],
        ['file (the rest is free pages)', '', mb(usage.fileBytes)],
      ],
    );
  }
  return 0;
}

process.exitCode = main();
