/**
 * izde at scale, side by side with plain Meilisearch, in one run:
 *   npm run bench:scale -- [--records N] [--only izde|plain] [--clients 8] [--seconds 20] [--sync] [--prod] CORPUS_DIR
 * Generates N contract records (default 100,000) from the shared corpus's real sentences into a temporary folder,
 * then indexes them with izde (its indexer CLI into its embedded engine, then its server) and with plain Meilisearch
 * (the same binary, default settings, the raw records as NDJSON), and prints: index wall time, disk, peak RSS of the
 * indexer, the engines and the server, uncached search latency with 1 and 8 clients, the CPU a search costs, the
 * long tail (2,000 words of the records, each asked once: no cache of either side can answer), answer sizes, and izde's
 * search latency while a bulk index runs. With --sync, izde indexes with `npm run index -- --sync` and syncs the same file
 * again at the end (nothing changed: it must take ≤ 10% of the first), then once more after a day's edition (0.5% of
 * the records removed, 0.5% changed, 0.5% new). With --prod, izde runs as deployed: `npm run build`, then
 * `index:prod` and `serve:prod` (compiled JavaScript, no tsx). See docs/performance.md for the figures and how to read them.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, readLock, sleep, startEmbedded } from '../engine/index.js';
import { type LoadRequest, type LoadResult, percentile, runLoad } from './lib/http-load.js';
import { type IzdeCommands, izdeCommands, runIndexer, runNode } from './lib/izde-commands.js';
import { indexPlain, PLAIN_INDEX, plainSearchBody, startPlainEngine } from './lib/plain-meili.js';
import { cpuSeconds, diskMb, peakRssMb, rssMb } from './lib/proc.js';
import { BENCH_QUERIES, longTailQueries } from './lib/queries.js';
import { checkCorpusDir, loadSentencePools, type SentencePools, writeScaleRecords } from './lib/scale-corpus.js';
import { type Edition, writeNextEdition } from './lib/sync-edition.js';
import { printTable } from './lib/table.js';

const USAGE =
  'Usage: npm run bench:scale -- [--records N] [--only izde|plain] [--clients 8] [--seconds 20] [--sync] [--prod] [--keep] CORPUS_DIR';

/** Words of the long-tail load (each asked once by `clients` clients; about 10 s of izde at 100k). */
const LONG_TAIL_QUERIES = 2000;

interface SearchFigures {
  p50: number;
  p95: number;
  rps: number;
  bytesPerAnswer: number;
  failures: number;
  /** What the failures were: HTTP statuses, and 'no answer' (the connection failed), counted. */
  failed?: Record<string, number>;
  /** CPU milliseconds per search of the engine and of izde's server, from /proc (set for the 8-client load). */
  engineCpuMs?: number;
  serverCpuMs?: number;
}

interface SideFigures {
  indexSeconds: number;
  documents: number;
  diskMb: number;
  enginePeakMb: number;
  /** CPU seconds the engine used while indexing, and izde's indexer used in all (where the wall time goes). */
  engineCpuSeconds: number;
  indexerCpuSeconds?: number;
  indexerPeakMb?: number;
  serverRssMb?: number;
  serverRssAfterTailMb?: number;
  one?: SearchFigures;
  eight?: SearchFigures;
  /** `clients` clients asking the long tail (longTailQueries): each word once, nothing cached can answer. */
  longTail?: SearchFigures;
  /** izde: 1-client search while a bulk index runs, and the idle p95 it is compared with. */
  duringIndex?: SearchFigures;
  /** izde with --sync: the first index was a sync; these are the syncs after it. */
  sync?: SyncFigures;
}

interface SyncFigures {
  /** The same file again, nothing changed. */
  unchangedSeconds: number;
  unchangedSummary: string;
  /** After a day's edition (see writeNextEdition). */
  editionSeconds: number;
  editionSummary: string;
  edition: Edition;
}

function figures(r: LoadResult): SearchFigures {
  const failures = r.errors + Object.values(r.statuses).reduce((a, b) => a + b, 0);
  return {
    p50: percentile(r.latenciesMs, 50),
    p95: percentile(r.latenciesMs, 95),
    rps: r.requests / (r.elapsedMs / 1000),
    bytesPerAnswer: r.bytes / Math.max(1, r.requests),
    failures,
    ...(failures > 0 ? { failed: { ...r.statuses, ...(r.errors > 0 ? { 'no answer': r.errors } : {}) } } : {}),
  };
}

/**
 * Runs one search load: a warm-up pass over the queries, then 1 client and `clients` clients. The CPU time the engine
 * and izde's server spend per search under the second load is read from /proc: on a shared machine it varies far
 * less from run to run than the throughput it bounds (the CPUs are busy with the load, so req/s ≈ cores / CPU).
 */
async function searchLoads(
  request: (q: string) => LoadRequest,
  clients: number,
  seconds: number,
  pids: { engine: number; server?: number },
) {
  const q = (i: number) => BENCH_QUERIES[i % BENCH_QUERIES.length] ?? '';
  await runLoad({ clients: 1, requests: BENCH_QUERIES.length, request: (i) => request(q(i)) });
  const one = await runLoad({ clients: 1, durationMs: seconds * 1000, request: (i) => request(q(i)) });
  const eight = await measuredLoad(pids, { clients, durationMs: seconds * 1000, request: (i) => request(q(i)) });
  return { one: figures(one), eight };
}

/**
 * The long tail: `clients` clients asking each word of `tail` once. Run last (izde: after the search during a bulk
 * index), as it fills the server's caches with articles and words the other loads never ask for.
 */
const longTailLoad = (
  request: (q: string) => LoadRequest,
  clients: number,
  pids: { engine: number; server?: number },
  tail: readonly string[],
): Promise<SearchFigures> =>
  measuredLoad(pids, { clients, requests: tail.length, request: (i) => request(tail[i] ?? '') });

/** A load, with the CPU milliseconds per search of the engine and of izde's server. */
async function measuredLoad(
  pids: { engine: number; server?: number },
  options: Parameters<typeof runLoad>[0],
): Promise<SearchFigures> {
  const cpu = () => ({ engine: cpuSeconds(pids.engine), server: pids.server ? cpuSeconds(pids.server) : Number.NaN });
  const before = cpu();
  const r = await runLoad(options);
  const after = cpu();
  const perSearch = (a: number, b: number) => ((b - a) * 1000) / Math.max(1, r.requests);
  return {
    ...figures(r),
    engineCpuMs: perSearch(before.engine, after.engine),
    ...(pids.server ? { serverCpuMs: perSearch(before.server, after.server) } : {}),
  };
}

async function izdeSide(
  commands: IzdeCommands,
  records: string,
  extra: string,
  dir: string,
  clients: number,
  seconds: number,
  tail: readonly string[],
  syncWith?: SentencePools,
): Promise<SideFigures> {
  const dataDir = join(dir, 'izde-data');
  const engine = await startEmbedded({ dataDir });
  const enginePid = readLock(join(dataDir, 'engine.lock'))?.pid ?? 0;
  let server: ChildProcess | undefined;
  try {
    console.error(syncWith ? 'izde: indexing (a first sync)…' : 'izde: indexing…');
    const engineCpuBefore = cpuSeconds(enginePid);
    const run = await runIndexer(commands, syncWith ? ['--sync', records] : [records], dataDir);
    const engineCpuSeconds = cpuSeconds(enginePid) - engineCpuBefore;
    console.error(`izde: ${run.stdout.split('\n').pop()} (exit ${run.code})`);
    if (run.code !== 0) throw new Error(`the izde indexer exited with ${run.code}:\n${run.stderr.slice(-2000)}`);
    const enginePeakMb = peakRssMb(enginePid);
    const disk = diskMb(join(dataDir, 'data.ms'));
    // The summary writes «Indexed 10,000 articles…» (grouped digits) or «added 10000».
    const counted = /Indexed ([\d,]+)|added ([\d,]+)/u.exec(run.stdout)?.slice(1).find(Boolean);
    const documents = counted ? Number(counted.replaceAll(',', '')) : Number.NaN;

    const port = await freePort();
    server = runNode(commands.serve, {
      MEILI_DB_PATH: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
    });
    // Both streams are read: a pipe nobody drains stops the server once its buffer is full. Logs are warnings only.
    server.stderr?.on('data', (d) => process.stderr.write(`server: ${d}`));
    server.stdout?.on('data', (d) => process.stderr.write(`server: ${d}`));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(100);
    }
    const request = (q: string): LoadRequest => ({
      method: 'GET',
      url: `${base}/api/search?q=${encodeURIComponent(q)}`,
      headers: { 'cache-control': 'no-cache' },
    });
    console.error('izde: searching…');
    const pids = { engine: enginePid, ...(server.pid ? { server: server.pid } : {}) };
    const { one, eight } = await searchLoads(request, clients, seconds, pids);
    const serverRssMb = rssMb(server.pid ?? 0);

    console.error('izde: searching while a bulk index runs…');
    let indexing = true;
    const bulk = runIndexer(commands, [extra], dataDir).finally(() => {
      indexing = false;
    });
    const during = await runLoad({
      clients: 1,
      until: () => !indexing,
      request: (i) => request(BENCH_QUERIES[i % BENCH_QUERIES.length] ?? ''),
    });
    const bulkRun = await bulk;
    if (bulkRun.code !== 0)
      throw new Error(`the bulk index exited with ${bulkRun.code}:\n${bulkRun.stderr.slice(-2000)}`);
    const duringIndex = figures(during);
    console.error('izde: the long tail…');
    const longTail = await longTailLoad(request, clients, pids, tail);
    const serverRssAfterTailMb = rssMb(server.pid ?? 0);
    const sync = syncWith ? await syncRuns(commands, records, dataDir, syncWith) : undefined;
    return {
      indexSeconds: run.seconds,
      documents,
      diskMb: disk,
      enginePeakMb,
      engineCpuSeconds,
      indexerCpuSeconds: run.cpuSeconds,
      indexerPeakMb: run.peakMb,
      serverRssMb,
      serverRssAfterTailMb,
      one,
      eight,
      longTail,
      duringIndex,
      ...(sync ? { sync } : {}),
    };
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await engine.stop();
  }
}

/** The syncs after the first: the same file unchanged, then a day's edition of it. */
async function syncRuns(
  commands: IzdeCommands,
  records: string,
  dataDir: string,
  pools: SentencePools,
): Promise<SyncFigures> {
  const sync = async (what: string) => {
    console.error(`izde: syncing ${what}…`);
    const run = await runIndexer(commands, ['--sync', records], dataDir);
    if (run.code !== 0) throw new Error(`the sync exited with ${run.code}:\n${run.stderr.slice(-2000)}`);
    const summary = run.stdout.split('\n').pop() ?? '';
    console.error(`izde: ${summary}`);
    return { seconds: run.seconds, summary };
  };
  const unchanged = await sync('the same file again');
  const edition = await writeNextEdition(records, pools, { every: 200, firstNewId: 50_000_000 });
  const edited = await sync(
    `a day's edition (${edition.added} new, ${edition.updated} changed, ${edition.deleted} gone)`,
  );
  return {
    unchangedSeconds: unchanged.seconds,
    unchangedSummary: unchanged.summary,
    editionSeconds: edited.seconds,
    editionSummary: edited.summary,
    edition,
  };
}

async function plainSide(
  records: string,
  dir: string,
  clients: number,
  seconds: number,
  tail: readonly string[],
): Promise<SideFigures> {
  const engine = await startPlainEngine(join(dir, 'plain'));
  try {
    console.error('plain: indexing…');
    const started = performance.now();
    const engineCpuBefore = cpuSeconds(engine.pid);
    const documents = await indexPlain(engine, [records]);
    const indexSeconds = (performance.now() - started) / 1000;
    const engineCpuSeconds = cpuSeconds(engine.pid) - engineCpuBefore;
    const enginePeakMb = peakRssMb(engine.pid);
    const disk = diskMb(engine.dbPath);
    console.error(`plain: ${documents} documents in ${indexSeconds.toFixed(1)} s`);
    const request = (q: string): LoadRequest => ({
      method: 'POST',
      url: `${engine.url}/indexes/${PLAIN_INDEX}/search`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${engine.key}` },
      body: plainSearchBody(q),
    });
    console.error('plain: searching…');
    const { one, eight } = await searchLoads(request, clients, seconds, { engine: engine.pid });
    const longTail = await longTailLoad(request, clients, { engine: engine.pid }, tail);
    return { indexSeconds, documents, diskMb: disk, enginePeakMb, engineCpuSeconds, one, eight, longTail };
  } finally {
    await engine.stop();
  }
}

const num = (x: number | undefined, digits = 0) =>
  x === undefined || Number.isNaN(x)
    ? '—'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`;

function report(
  n: number,
  megabytes: number,
  clients: number,
  izde: SideFigures | undefined,
  plain: SideFigures | undefined,
) {
  const rows: string[][] = [];
  const add = (name: string, a: number | undefined, b: number | undefined, digits: number, goal: string) =>
    rows.push([name, num(a, digits), num(b, digits), ratio(a, b), goal]);
  add('index wall time (s)', izde?.indexSeconds, plain?.indexSeconds, 1, '≤ 1.5×');
  add('  engine CPU while indexing (s)', izde?.engineCpuSeconds, plain?.engineCpuSeconds, 1, '');
  add('  indexer CPU (s)', izde?.indexerCpuSeconds, undefined, 1, '');
  add('documents', izde?.documents, plain?.documents, 0, '');
  add('disk (MB)', izde?.diskMb, plain?.diskMb, 0, '≤ 2×');
  add('engine peak RSS (MB)', izde?.enginePeakMb, plain?.enginePeakMb, 0, '≤ 1.5×');
  add('indexer peak RSS (MB)', izde?.indexerPeakMb, undefined, 0, '≤ 300 MB');
  add('server RSS after load (MB)', izde?.serverRssMb, undefined, 0, '≤ 250 MB');
  add('  after the long tail (MB)', izde?.serverRssAfterTailMb, undefined, 0, '');
  add('search p50, 1 client (ms)', izde?.one?.p50, plain?.one?.p50, 1, '≤ 1.3×');
  add('search p95, 1 client (ms)', izde?.one?.p95, plain?.one?.p95, 1, '≤ 40 ms');
  add('search p50, 8 clients (ms)', izde?.eight?.p50, plain?.eight?.p50, 1, '');
  add('search p95, 8 clients (ms)', izde?.eight?.p95, plain?.eight?.p95, 1, '');
  add('throughput, 8 clients (req/s)', izde?.eight?.rps, plain?.eight?.rps, 0, '≥ 0.8×');
  add('  engine CPU per search (ms)', izde?.eight?.engineCpuMs, plain?.eight?.engineCpuMs, 2, '');
  add('  server CPU per search (ms)', izde?.eight?.serverCpuMs, undefined, 2, '');
  const cpuInAll = (f: SearchFigures | undefined) =>
    f?.engineCpuMs === undefined ? undefined : f.engineCpuMs + (f.serverCpuMs ?? 0);
  add('  CPU per search in all (ms)', cpuInAll(izde?.eight), cpuInAll(plain?.eight), 2, '');
  add(`long tail, ${LONG_TAIL_QUERIES} words once: req/s`, izde?.longTail?.rps, plain?.longTail?.rps, 0, '');
  add('  p95 (ms)', izde?.longTail?.p95, plain?.longTail?.p95, 1, '');
  add('  engine CPU per search (ms)', izde?.longTail?.engineCpuMs, plain?.longTail?.engineCpuMs, 2, '');
  add('  server CPU per search (ms)', izde?.longTail?.serverCpuMs, undefined, 2, '');
  add('  CPU per search in all (ms)', cpuInAll(izde?.longTail), cpuInAll(plain?.longTail), 2, '');
  add('bytes per answer', izde?.one?.bytesPerAnswer, plain?.one?.bytesPerAnswer, 0, '');
  add('search p95 during bulk index (ms)', izde?.duringIndex?.p95, izde?.one?.p95, 1, '≤ 3× idle');
  const failed = (side: SideFigures | undefined) =>
    side ? [side.one, side.eight, side.longTail].reduce((n, f) => n + (f?.failures ?? 0), 0) : undefined;
  add('failed searches', failed(izde), failed(plain), 0, '0');
  const perArticle = (side: SideFigures | undefined) =>
    side ? `${((side.indexSeconds * 1000) / n).toFixed(2)} ms, ${((side.diskMb * 1024) / n).toFixed(1)} KB` : '—';
  printTable(
    `izde vs plain Meilisearch — ${n.toLocaleString('en-US')} records (${megabytes.toFixed(0)} MB of JSONL), ${new Date().toISOString().slice(0, 10)}`,
    ['', 'izde', 'plain', 'ratio', 'goal'],
    rows,
  );
  console.log(`\ncost per article (index time, disk): izde ${perArticle(izde)}; plain ${perArticle(plain)}`);
  for (const [name, side] of [
    ['izde', izde],
    ['plain', plain],
  ] as const)
    for (const [load, f] of Object.entries({
      '1 client': side?.one,
      [`${clients} clients`]: side?.eight,
      'long tail': side?.longTail,
    }))
      if (f?.failed) console.log(`${name}, ${load}: failed searches ${JSON.stringify(f.failed)}`);
  if (izde?.sync) reportSync(n, izde.indexSeconds, izde.sync);
  console.log(`\n${JSON.stringify({ records: n, megabytes, izde, plain })}`);
}

function reportSync(n: number, firstSeconds: number, sync: SyncFigures): void {
  const share = (s: number) => `${((100 * s) / firstSeconds).toFixed(1)}%`;
  printTable(
    `izde sync — ${n.toLocaleString('en-US')} records (npm run index -- --sync FILE, wall time of the process)`,
    ['', 'seconds', 'of the first sync', 'goal', 'summary'],
    [
      ['first sync (empty index)', num(firstSeconds, 1), '100%', '', ''],
      [
        'second sync of unchanged records',
        num(sync.unchangedSeconds, 1),
        share(sync.unchangedSeconds),
        '≤ 10%',
        sync.unchangedSummary,
      ],
      [
        `sync after a day's edition (${sync.edition.added}+${sync.edition.updated}+${sync.edition.deleted})`,
        num(sync.editionSeconds, 1),
        share(sync.editionSeconds),
        '',
        sync.editionSummary,
      ],
    ],
  );
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseOptions>;
  try {
    args = parseOptions();
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const corpus = positionals[0];
  if (!corpus) {
    console.error(USAGE);
    return 2;
  }
  checkCorpusDir(corpus);
  const n = Number(values.records);
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const dir = mkdtempSync(join(tmpdir(), 'izde-scale-'));
  const cleanup = () => {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    mkdirSync(join(dir, 'input'));
    const records = join(dir, 'input', 'records.jsonl');
    const extra = join(dir, 'input', 'extra.jsonl');
    console.error(`Generating ${n} records into ${dir}…`);
    const pools = loadSentencePools(corpus);
    const bytes = await writeScaleRecords(records, pools, { records: n });
    await writeScaleRecords(extra, pools, { records: Math.max(1000, Math.round(n / 10)), firstId: n + 1 });
    // One list for both sides: the same words, read from the records once.
    const tail = longTailQueries(records, LONG_TAIL_QUERIES);
    const plain = values.only === 'izde' ? undefined : await plainSide(records, dir, clients, seconds, tail);
    const izde =
      values.only === 'plain'
        ? undefined
        : await izdeSide(
            izdeCommands(values.prod),
            records,
            extra,
            dir,
            clients,
            seconds,
            tail,
            values.sync ? pools : undefined,
          );
    report(n, bytes / 1e6, clients, izde, plain);
    return 0;
  } finally {
    cleanup();
  }
}

function parseOptions() {
  const parsed = parseArgs({
    options: {
      records: { type: 'string', default: '100000' },
      only: { type: 'string' },
      clients: { type: 'string', default: '8' },
      seconds: { type: 'string', default: '20' },
      keep: { type: 'boolean', default: false },
      sync: { type: 'boolean', default: false },
      prod: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  for (const k of ['records', 'clients', 'seconds'] as const) {
    if (!/^\d+$/u.test(parsed.values[k]) || Number(parsed.values[k]) < 1)
      throw new Error(`--${k} must be a whole number`);
  }
  if (parsed.values.only !== undefined && !['izde', 'plain'].includes(parsed.values.only)) {
    throw new Error('--only must be izde or plain');
  }
  return parsed;
}

process.exitCode = await main();
