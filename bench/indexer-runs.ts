/**
 * The indexer's honest finish and flat memory, run after run:
 *   npm run bench:indexer -- [--records N | --megabytes M] [--runs K] [--prod] [--keep] CORPUS_DIR
 * Generates one JSONL file of N records (default 100,000), or of M megabytes (`--megabytes 1024`: the 1 GB file),
 * from the shared corpus's sentences into a temporary folder, then indexes it K times (default 1), each time into a
 * fresh embedded engine and data folder, and prints per run: the exit code, wall time, articles per second, the
 * indexer's peak RSS, and how many documents the engine holds afterwards (asked of the engine, not the summary).
 * `--keep` keeps the generated file and every run's engine data (to search it afterwards: MEILI_DB_PATH=…/data-1).
 * Issue 14's goals: ten runs at 100k exit 0 with 100,000 documents each; the 1 GB file indexes under 300 MB.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Meilisearch } from 'meilisearch';
import { startEmbedded } from '../engine/index.js';
import { type IzdeCommands, izdeCommands, runIndexer } from './lib/izde-commands.js';
import { checkCorpusDir, loadSentencePools, writeRecords } from './lib/scale-corpus.js';
import { printTable } from './lib/table.js';

const USAGE = 'Usage: npm run bench:indexer -- [--records N | --megabytes M] [--runs K] [--prod] [--keep] CORPUS_DIR';

interface RunFigures {
  code: number | null;
  seconds: number;
  peakMb: number;
  documents: number;
  summary: string;
}

function parseOptions() {
  const { values, positionals } = parseArgs({
    options: {
      records: { type: 'string' },
      megabytes: { type: 'string' },
      runs: { type: 'string', default: '1' },
      prod: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const whole = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/u.test(v) || Number(v) < 1) throw new Error(`--${name} must be a whole number`);
    return Number(v);
  };
  const megabytes = whole('megabytes', values.megabytes);
  const records = whole('records', values.records);
  if (megabytes !== undefined && records !== undefined) throw new Error('give --records or --megabytes, not both');
  return {
    corpus: positionals[0],
    records: records ?? (megabytes === undefined ? 100_000 : Number.POSITIVE_INFINITY),
    maxBytes: megabytes === undefined ? undefined : megabytes * 1024 * 1024,
    runs: whole('runs', values.runs) ?? 1,
    prod: values.prod,
    keep: values.keep,
  };
}

async function documentsIn(url: string, apiKey: string): Promise<number> {
  const stats = await new Meilisearch({ host: url, apiKey }).index('articles').getStats();
  return stats.numberOfDocuments;
}

async function oneRun(
  dir: string,
  file: string,
  run: number,
  commands: IzdeCommands,
  keep: boolean,
): Promise<RunFigures> {
  const dataDir = join(dir, `data-${run}`);
  const engine = await startEmbedded({ dataDir });
  try {
    const result = await runIndexer(commands, [file], dataDir);
    const summary = result.stdout.split('\n').pop() ?? '';
    if (result.code !== 0) console.error(result.stderr.slice(-2000));
    const documents = await documentsIn(engine.url, engine.masterKey).catch(() => Number.NaN);
    return { code: result.code, seconds: result.seconds, peakMb: result.peakMb, documents, summary };
  } finally {
    await engine.stop();
    if (keep) console.error(`run ${run}: the engine's data is kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (!options.corpus) {
    console.error(USAGE);
    return 2;
  }
  checkCorpusDir(options.corpus);
  const dir = mkdtempSync(join(tmpdir(), 'izde-indexer-runs-'));
  try {
    mkdirSync(join(dir, 'input'));
    const file = join(dir, 'input', 'records.jsonl');
    console.error(`Generating records into ${dir}…`);
    const { records, bytes } = await writeRecords(file, loadSentencePools(options.corpus), {
      records: options.records,
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
    console.error(`${records.toLocaleString('en')} records, ${(bytes / 1e6).toFixed(0)} MB of JSONL`);
    const commands = izdeCommands(options.prod);
    const rows: string[][] = [];
    let ok = 0;
    for (let run = 1; run <= options.runs; run++) {
      const r = await oneRun(dir, file, run, commands, options.keep);
      const exact = r.code === 0 && r.documents === records;
      if (exact) ok++;
      console.error(`run ${run}: exit ${r.code}, ${r.documents} documents, ${r.seconds.toFixed(1)} s — ${r.summary}`);
      rows.push([
        String(run),
        String(r.code),
        r.documents.toLocaleString('en'),
        r.seconds.toFixed(1),
        (records / r.seconds).toFixed(0),
        r.peakMb.toFixed(0),
        exact ? 'yes' : 'NO',
      ]);
    }
    const title = `izde indexer — ${records.toLocaleString('en')} records (${(bytes / 1e6).toFixed(0)} MB of JSONL)`;
    printTable(
      `${title}, ${new Date().toISOString().slice(0, 10)}`,
      ['run', 'exit', 'documents', 'seconds', 'articles/s', 'peak RSS (MB)', 'exact'],
      rows,
    );
    console.log(`\n${ok} of ${options.runs} runs exited 0 with exactly ${records.toLocaleString('en')} documents.`);
    return ok === options.runs ? 0 : 1;
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
