/**
 * What the size of a batch costs Meilisearch, on izde's own documents:
 *   npm run bench:engine-batches -- [--records N] [--memory] CORPUS_DIR
 * Generates N contract records (default 10,000) from the shared corpus (as bench:scale does), makes izde's
 * documents of them once (extraction and analysis as the indexer does them), then indexes the same documents into a
 * fresh engine per batch size — tasks of 500, 1,000 and 5,000 documents sent one after the other as an indexer that
 * waits for each does, and every task sent at once (Meilisearch then takes them in a few large batches) — and the
 * raw records into plain Meilisearch, every task at once. Prints wall time, the engine's CPU seconds, disk and peak
 * RSS. The engine alone is measured: izde's analysis is not running beside it.
 * `--memory` runs instead what the indexing memory costs (`--max-indexing-memory`): izde's documents in tasks of 3,000
 * one at a time, as the indexer sends them, and plain's every task at once, each with Meilisearch's default (two thirds
 * of the RAM) and with izde's EMBEDDED_INDEXING_MEMORY.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Meilisearch, Settings } from 'meilisearch';
import {
  addDocumentsFile,
  EMBEDDED_INDEXING_MEMORY,
  INDEX_SETTINGS,
  PRIMARY_KEY,
  waitForTask,
} from '../engine/index.js';
import { toDocument } from '../indexer/document.js';
import { extractItem } from '../indexer/extract-item.js';
import { recordItem } from '../indexer/read.js';
import { PLAIN_SETTINGS, plainDocument, startPlainEngine } from './lib/plain-meili.js';
import { cpuSeconds, diskMb, peakRssMb } from './lib/proc.js';
import { checkCorpusDir, loadSentencePools, writeScaleRecords } from './lib/scale-corpus.js';
import { printTable } from './lib/table.js';

const USAGE = 'Usage: npm run bench:engine-batches -- [--records N] [--memory] CORPUS_DIR';

/** Splits an NDJSON file into files of `per` lines (named after it: each run has its own). */
function chunks(file: string, per: number, dir: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += per) {
    const path = join(dir, `${basename(file)}-${per}-${i}.ndjson`);
    writeFileSync(path, `${lines.slice(i, i + per).join('\n')}\n`);
    out.push(path);
  }
  return out;
}

interface Run {
  name: string;
  files: string[];
  primaryKey: string;
  settings: Settings;
  /** Wait for each task before sending the next (an indexer that keeps one batch in flight). */
  oneByOne: boolean;
  /** Engine flags (the indexing memory). */
  flags?: readonly string[];
}

async function measure(run: Run, dir: string): Promise<string[]> {
  const home = mkdtempSync(join(dir, 'engine-'));
  const engine = await startPlainEngine(home, run.flags);
  try {
    const client: Meilisearch = engine.client;
    await waitForTask(client, await client.createIndex('x', { primaryKey: run.primaryKey }), 'create');
    await waitForTask(client, await client.index('x').updateSettings(run.settings), 'settings');
    const cpu0 = cpuSeconds(engine.pid);
    const started = performance.now();
    const tasks: number[] = [];
    for (const path of run.files) {
      const uid = await addDocumentsFile(client, 'x', { path, bytes: statSync(path).size }, run.primaryKey);
      if (run.oneByOne) await waitForTask(client, uid, 'index a batch');
      else tasks.push(uid);
    }
    for (const uid of tasks) await waitForTask(client, uid, 'index a batch');
    const seconds = (performance.now() - started) / 1000;
    // The part of the database file in use: the rest is pages earlier batches left free (the file never shrinks).
    const stats = await client.getStats();
    return [
      run.name,
      seconds.toFixed(1),
      (cpuSeconds(engine.pid) - cpu0).toFixed(1),
      diskMb(engine.dbPath).toFixed(0),
      (stats.usedDatabaseSize / 1e6).toFixed(0),
      peakRssMb(engine.pid).toFixed(0),
    ];
  } finally {
    await engine.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { records: { type: 'string', default: '10000' }, memory: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const corpus = positionals[0];
  const n = Number(values.records);
  if (!corpus || !Number.isInteger(n) || n < 1) {
    console.error(USAGE);
    return 2;
  }
  checkCorpusDir(corpus);
  const dir = mkdtempSync(join(tmpdir(), 'izde-batches-'));
  try {
    const records = join(dir, 'records.jsonl');
    console.error(`Generating ${n} records and their izde documents in ${dir}…`);
    await writeScaleRecords(records, loadSentencePools(corpus), { records: n });
    const docs = join(dir, 'docs.ndjson');
    const plain = join(dir, 'plain.ndjson');
    const out: string[] = [];
    const raw: string[] = [];
    for (const [i, line] of readFileSync(records, 'utf8').split('\n').filter(Boolean).entries()) {
      raw.push(plainDocument(line));
      const item = recordItem(JSON.parse(line), `line ${i + 1}`, records, line.length);
      if (item.kind === 'problem') continue;
      const article = extractItem(item);
      out.push(JSON.stringify(toDocument(article, { origin: records, hash: item.hash }, article.analysis)));
    }
    writeFileSync(docs, `${out.join('\n')}\n`);
    writeFileSync(plain, `${raw.join('\n')}\n`);
    mkdirSync(join(dir, 'parts'));
    const parts = join(dir, 'parts');
    const settings: Settings = INDEX_SETTINGS;
    const capped = ['--max-indexing-memory', EMBEDDED_INDEXING_MEMORY];
    const memory = (flags: string[]) => (flags.length ? flags.join(' ') : 'default memory');
    // Only the chosen runs' task files are written.
    const memoryRuns = (): Run[] => {
      const izdeTasks = chunks(docs, 3000, parts);
      const plainTasks = chunks(plain, 1000, parts);
      return [
        ...[[], capped].map((flags) => ({
          name: `izde, tasks of 3,000, one at a time, ${memory(flags)}`,
          files: izdeTasks,
          primaryKey: PRIMARY_KEY,
          settings,
          oneByOne: true,
          flags,
        })),
        ...[[], capped].map((flags) => ({
          name: `plain, tasks of 1,000, all at once, ${memory(flags)}`,
          files: plainTasks,
          primaryKey: 'id',
          settings: PLAIN_SETTINGS,
          oneByOne: false,
          flags,
        })),
      ];
    };
    const batchRuns = (): Run[] => [
      ...[500, 1000, 5000].map((per) => ({
        name: `izde, tasks of ${per}, one at a time`,
        files: chunks(docs, per, parts),
        primaryKey: PRIMARY_KEY,
        settings,
        oneByOne: true,
      })),
      {
        name: 'izde, tasks of 1,000, all at once',
        files: chunks(docs, 1000, parts),
        primaryKey: PRIMARY_KEY,
        settings,
        oneByOne: false,
      },
      {
        name: 'plain, tasks of 1,000, all at once',
        files: chunks(plain, 1000, parts),
        primaryKey: 'id',
        settings: PLAIN_SETTINGS,
        oneByOne: false,
      },
    ];
    const rows: string[][] = [];
    for (const run of values.memory ? memoryRuns() : batchRuns()) {
      console.error(`${run.name}…`);
      rows.push(await measure(run, dir));
    }
    printTable(
      `Meilisearch alone, ${n.toLocaleString('en')} documents (izde's, made once; plain: the raw records)`,
      ['run', 'wall s', 'engine CPU s', 'disk MB', 'in use MB', 'peak RSS MB'],
      rows,
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
