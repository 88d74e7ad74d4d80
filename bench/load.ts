/**
 * Load: many concurrent clients mixing search, suggest and article requests against a running izde server.
 *
 *   npm run bench:load -- PATH...                        index PATH... (files, folders, or the shared corpus folder)
 *                                                         into a temporary data folder first
 *   MEILI_DB_PATH=.data/big npm run bench:load           an already-filled embedded engine
 *   MEILI_URL=… MEILI_MASTER_KEY=… npm run bench:load    an already-filled external engine
 *   options: --connections 200 --duration 60 --warmup 15 --warmup-rounds 6 --baseline 10 --rate-limit 600
 *
 * The warm-up repeats until the memory the server keeps (after a full GC) grows by less than 5% in a round: its
 * caches are bounded, and "after warm-up" means once they are full. The server runs in its own process with
 * production settings (rate limit on, TRUST_PROXY=loopback, info logs to a file); each connection is one client
 * with its own X-Forwarded-For address. Printed: throughput and latency
 * percentiles, every status seen (only 200 and 429 in the error shape may appear), the server's RSS after the
 * warm-up and at the end, each after a full garbage collection (≤ 1.2×: no leak; the RSS under load is printed too),
 * and, as a baseline in the same run, plain Meilisearch searches at the same concurrency. Exit code 1 when a
 * criterion fails.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { dataPaths, engineConfigFromEnv, Gateway, readLock } from '../engine/index.js';
import { runIndexer } from '../indexer/run.js';
import { newsInputs } from './lib/news-corpus.js';
import { fixed, printTable } from './lib/table.js';

const USAGE = `Usage: npm run bench:load -- [PATH...] [--connections 200] [--duration 60] [--warmup 15] [--warmup-rounds 6] [--baseline 10] [--rate-limit 600]
Without PATH, the index already in MEILI_DB_PATH or at MEILI_URL is used.`;

const { values, positionals } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '15' },
    'warmup-rounds': { type: 'string', default: '6' },
    baseline: { type: 'string', default: '10' },
    'rate-limit': { type: 'string', default: '600' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const connections = Number(values.connections);
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const warmupRounds = Number(values['warmup-rounds']);
const baselineSeconds = Number(values.baseline);
const rateLimit = Number(values['rate-limit']);
if (
  ![connections, duration, warmup, warmupRounds, baselineSeconds, rateLimit].every((n) => Number.isFinite(n) && n >= 0)
) {
  console.error(USAGE);
  process.exit(2);
}
const given = engineConfigFromEnv();
if (positionals.length === 0 && !given.url && !process.env.MEILI_DB_PATH) {
  console.error(`Nothing to load: give PATHs to index, or MEILI_DB_PATH / MEILI_URL of a filled index.\n${USAGE}`);
  process.exit(2);
}

const rssMb = (pid: number | undefined): number => {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

// ── the engine and its data ─────────────────────────────────────────────────────────────────────────────────────
const tempDir = positionals.length > 0 ? mkdtempSync(join(tmpdir(), 'izde-load-')) : undefined;
/** The server's log (and, with PATHs, the data folder) live here and go at the end. */
const workDir = tempDir ?? mkdtempSync(join(tmpdir(), 'izde-load-log-'));
const config = { ...given, ...(tempDir ? { url: undefined, dataDir: tempDir } : {}) };
const gateway = await Gateway.open({ config });
let server: ChildProcess | undefined;
const cleanup = async () => {
  server?.kill('SIGTERM');
  await gateway.close();
  rmSync(workDir, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  if (tempDir) {
    const quiet = () => ({ advance() {}, note() {}, stop() {} });
    const t = performance.now();
    const result = await runIndexer(gateway, { paths: newsInputs(positionals), progress: quiet });
    console.log(`indexed ${result.indexed} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const documents = await gateway.documentCount();
  const index = gateway.admin.index(gateway.indexName);
  const sample = (await index.getDocuments<{ id: string; title: string }>({ fields: ['id', 'title'], limit: 2000 }))
    .results;
  const ids = sample.map((d) => d.id);
  const words = [...new Set(sample.flatMap((d) => (d.title ?? '').toLowerCase().match(/\p{L}{4,}/gu) ?? []))].slice(
    0,
    400,
  );
  const facets = (await index.search('', { limit: 0, facets: ['year', 'lang'] })).facetDistribution ?? {};
  const years = Object.keys(facets.year ?? {});
  const langs = Object.keys(facets.lang ?? {});
  if (ids.length === 0 || words.length === 0) throw new Error('The index is empty: nothing to load it with.');

  // ── the server, in its own process ─────────────────────────────────────────────────────────────────────────
  const logFile = join(workDir, 'server.log');
  server = fork(new URL('./lib/load-server.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      ...process.env,
      ...(config.url ? { MEILI_URL: config.url } : { MEILI_DB_PATH: config.dataDir }),
      INDEX_NAME: gateway.indexName,
      RATE_LIMIT_PER_MINUTE: String(rateLimit),
      TRUST_PROXY: 'loopback',
      LOAD_LOG_FILE: logFile,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    server?.once('message', (m: { url: string }) => resolve(m.url));
    server?.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  /** The server's RSS and heap in MB after a full collection (what it keeps), and its RSS as it was before. */
  const retained = () =>
    new Promise<{ rss: number; heap: number; rawRss: number }>((resolve) => {
      const rawRss = rssMb(server?.pid);
      const onMessage = (m: { type?: string; rss: number; heapUsed: number }) => {
        if (m?.type !== 'memory') return;
        server?.off('message', onMessage);
        resolve({ rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20, rawRss });
      };
      server?.on('message', onMessage);
      server?.send({ type: 'memory' });
    });

  // ── the request mix ───────────────────────────────────────────────────────────────────────────────────────
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const enc = encodeURIComponent;
  const nextPath = (): string => {
    const r = rand();
    if (r < 0.55) {
      let q = pick(words);
      if (rand() < 0.25) q += ` ${pick(words)}`;
      let path = `/api/search?q=${enc(q)}`;
      const f = rand();
      if (f < 0.15 && years.length) path += `&year=${enc(pick(years))}`;
      else if (f < 0.25 && langs.length) path += `&lang=${enc(pick(langs))}`;
      else if (f < 0.32) path += '&sort=date_desc';
      if (rand() < 0.1) path += '&page=2';
      return path;
    }
    if (r < 0.8) {
      const w = pick(words);
      return `/api/suggest?q=${enc(w.slice(0, 2 + Math.floor(rand() * 4)))}`;
    }
    return `/api/articles/${enc(pick(ids))}`;
  };

  const statuses = new Map<number, number>();
  const badBodies: string[] = [];
  const run = (seconds: number, target: 'izde' | 'meili') =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const searchKey = gateway.admin.config.apiKey;
      const instance = autocannon(
        target === 'izde'
          ? {
              url,
              connections,
              duration: seconds,
              timeout: 30,
              setupClient: (client) => {
                // One client per connection, each behind the proxy with its own address.
                const n = Math.floor(rand() * 2 ** 24);
                client.setHeaders({ 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });
              },
              requests: [
                {
                  method: 'GET',
                  setupRequest: (req) => ({ ...req, path: nextPath() }),
                  onResponse: (status, body) => {
                    statuses.set(status, (statuses.get(status) ?? 0) + 1);
                    if (status === 200) return;
                    const shaped = (() => {
                      try {
                        const e = JSON.parse(body).error;
                        return typeof e?.code === 'string' && typeof e?.message === 'string';
                      } catch {
                        return false;
                      }
                    })();
                    if ((status !== 429 || !shaped) && badBodies.length < 10)
                      badBodies.push(`${status} ${body.slice(0, 200)}`);
                  },
                },
              ],
            }
          : {
              url: `${gateway.url}/indexes/${gateway.indexName}/search`,
              connections,
              duration: seconds,
              timeout: 30,
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                ...(searchKey ? { authorization: `Bearer ${searchKey}` } : {}),
              },
              requests: [
                {
                  setupRequest: (req) => ({
                    ...req,
                    body: JSON.stringify({
                      q: pick(words),
                      limit: 20,
                      facets: ['year', 'org', 'lang', 'source'],
                      attributesToRetrieve: ['id', 'title'],
                    }),
                  }),
                },
              ],
            },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      process.once('SIGINT', () => instance.stop());
    });

  const engineRss = () =>
    rssMb(gateway.mode === 'embedded' ? readLock(dataPaths(config.dataDir).lock)?.pid : undefined);
  console.log(
    `\nizde under load — ${documents} articles, ${connections} clients, warm-up rounds of ${warmup} s, then ${duration} s, ` +
      `rate limit ${rateLimit}/min per client (${new Date().toISOString().slice(0, 10)}, ${gateway.mode} engine)`,
  );
  // Warm-up: rounds of the same load until the memory the server keeps stops growing (its caches — results,
  // highlighted documents, analyzed words — are bounded and full), at most `--warmup-rounds` rounds.
  let warm = await retained();
  const warmRounds: string[] = [];
  for (let round = 1; round <= warmupRounds; round++) {
    await run(warmup, 'izde');
    const now = await retained();
    warmRounds.push(`${now.rss.toFixed(0)} MB (heap ${now.heap.toFixed(0)})`);
    const settled = round > 1 && now.heap < warm.heap * 1.05;
    warm = now;
    if (settled) break;
  }
  console.log(`warm-up, retained after each ${warmup} s round: ${warmRounds.join(', ')}`);
  const warmEngine = engineRss();
  statuses.clear();
  badBodies.length = 0;
  const series: string[] = [];
  const sampler = setInterval(() => series.push(rssMb(server?.pid).toFixed(0)), 10_000);
  const main = await run(duration, 'izde');
  clearInterval(sampler);
  const end = await retained();
  const endEngine = engineRss();
  const baseline = baselineSeconds > 0 ? await run(baselineSeconds, 'meili') : undefined;

  const row = (name: string, r: autocannon.Result) => [
    name,
    String(r.requests.total),
    fixed(r.requests.average, 0),
    fixed(r.latency.p50, 0),
    fixed(r.latency.p90, 0),
    fixed(r.latency.p99, 0),
    fixed(r.latency.max, 0),
    String(r.errors),
    String(r.timeouts),
  ];
  printTable(
    'throughput and latency (ms)',
    ['', 'requests', 'req/s', 'p50', 'p90', 'p99', 'max', 'errors', 'timeouts'],
    [
      row('izde mix (55% search, 25% suggest, 20% article)', main),
      ...(baseline ? [row('plain Meilisearch POST /search (baseline)', baseline)] : []),
    ],
  );
  const statusLine = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  console.log(`\nstatuses: ${statusLine}`);
  const unexpected = [...statuses].filter(([s]) => s !== 200 && s !== 429).reduce((a, [, n]) => a + n, 0);
  const ratio = end.rss / warm.rss;
  console.log(
    `server RSS after a full GC: ${warm.rss.toFixed(0)} MB after warm-up, ${end.rss.toFixed(0)} MB at the end (${fixed(ratio, 2)}×); ` +
      `heap ${warm.heap.toFixed(0)} → ${end.heap.toFixed(0)} MB` +
      `\nserver RSS under load (before that GC): ${warm.rawRss.toFixed(0)} MB after warm-up, ${end.rawRss.toFixed(0)} MB at the end; every 10 s: ${series.join(', ')} MB` +
      `\nMeilisearch RSS: ${warmEngine.toFixed(0)} MB after warm-up, ${endEngine.toFixed(0)} MB at the end`,
  );
  const failures = [
    ...(unexpected > 0 || badBodies.length > 0
      ? [`${unexpected} answers other than 200/429, or not in the error shape: ${badBodies.join(' | ')}`]
      : []),
    ...(main.errors > 0 ? [`${main.errors} connection errors (${main.timeouts} timeouts)`] : []),
    ...(ratio > 1.2 ? [`RSS grew ${fixed(ratio, 2)}× (> 1.2×)`] : []),
  ];
  console.log(
    failures.length
      ? `\nFAILED: ${failures.join('; ')}`
      : '\nPASSED: 0 errors besides 429s in the error shape, RSS ≤ 1.2× after warm-up',
  );
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await cleanup();
}
