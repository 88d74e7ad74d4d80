/**
 * Search latency of a running izde server against plain Meilisearch, in one run on one engine.
 *   npm run bench:search -- ../shared/corpus data/articles [--requests 2000]
 * Starts izde on a temporary data folder, indexes the news sets, copies the clean articles into a second index with
 * Meilisearch's default settings, then sends one-word queries one at a time over keep-alive HTTP to both and prints
 * p50/p95/p99: izde's /api/search without its result cache (`Cache-Control: no-cache`: client-side, and the
 * server's own tookMs) and with it (repeated queries), raw Meilisearch /search with facets, and izde's /api/suggest.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { dataPaths, readLock, waitForTask } from '../engine/index.js';
import { DEFAULT_STATIC_DIR } from '../server/config.js';
import { startServer } from '../server/start.js';
import { newsInputs } from './lib/news-corpus.js';
import { BENCH_QUERIES } from './lib/queries.js';

/** The one-word queries of the benchmark list (its first 30), the set bench:search has always measured. */
const QUERIES: readonly string[] = BENCH_QUERIES.slice(0, 30);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function row(name: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const f = (x: number) => x.toFixed(2).padStart(8);
  return `${name.padEnd(42)}${String(s.length).padStart(7)}${f(percentile(s, 50))}${f(percentile(s, 95))}${f(percentile(s, 99))}${f(mean)}`;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { requests: { type: 'string', default: '1500' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error('Usage: npm run bench:search -- PATH... [--requests N]   (e.g. ../shared/corpus data/articles)');
    process.exit(2);
  }
  const requests = Number(values.requests);
  const inputs = newsInputs(positionals);
  const dataDir = mkdtempSync(join(tmpdir(), 'izde-bench-'));
  const server = await startServer({
    engine: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles' },
    server: { port: 0, host: '127.0.0.1', logLevel: 'silent', rateLimitPerMinute: 0, staticDir: DEFAULT_STATIC_DIR },
    logger: pino({ level: 'silent' }),
    indexIfEmpty: inputs,
  });
  const stop = async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const admin = server.gateway.admin;
    const documents = await server.gateway.documentCount();
    // Plain Meilisearch: the same clean articles, default settings (facets made filterable so it computes them too).
    const docs = await admin.index(server.gateway.indexName).getDocuments({
      fields: ['key', 'id', 'title', 'body', 'date', 'year', 'lang', 'source', 'org'],
      limit: 100_000,
    });
    await waitForTask(admin, await admin.createIndex('plain', { primaryKey: 'key' }), 'create the plain index');
    const plain = admin.index('plain');
    await waitForTask(
      admin,
      await plain.updateSettings({
        filterableAttributes: ['year', 'org', 'lang', 'source'],
        pagination: { maxTotalHits: 100_000 },
      }),
      'configure the plain index',
    );
    await waitForTask(admin, await plain.addDocuments(docs.results), 'fill the plain index');
    const key = (await server.gateway.searchClient()).config.apiKey;
    const meiliSearch = (q: string) =>
      fetch(`${server.gateway.url}/indexes/plain/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({
          q,
          limit: 20,
          facets: ['year', 'org', 'lang', 'source'],
          attributesToCrop: ['body'],
          cropLength: 40,
          attributesToHighlight: ['title', 'body'],
        }),
      }).then((r) => r.json());

    const perQuery = new Map<string, number[]>();
    const izde: number[] = [];
    const took: number[] = [];
    const cachedMs: number[] = [];
    const fresh = { headers: { 'cache-control': 'no-cache' } };
    const raw: number[] = [];
    const suggest: number[] = [];
    for (const q of QUERIES) {
      await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`).then((r) => r.json());
      await meiliSearch(q);
    }
    for (let i = 0; i < requests; i++) {
      const q = QUERIES[i % QUERIES.length] ?? '';
      let t = performance.now();
      const body = (await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`, fresh).then((r) =>
        r.json(),
      )) as { tookMs: number };
      izde.push(performance.now() - t);
      took.push(body.tookMs);
      perQuery.set(q, [...(perQuery.get(q) ?? []), body.tookMs]);
      t = performance.now();
      await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`).then((r) => r.json());
      cachedMs.push(performance.now() - t);
      t = performance.now();
      await meiliSearch(q);
      raw.push(performance.now() - t);
      t = performance.now();
      await fetch(`${server.url}/api/suggest?q=${encodeURIComponent(q.slice(0, 3))}`).then((r) => r.json());
      suggest.push(performance.now() - t);
    }
    const lock = readLock(dataPaths(dataDir).lock);
    console.log(
      `\nizde search latency — ${documents} articles, ${QUERIES.length} one-word queries, ${requests} requests each, sequential, keep-alive (${new Date().toISOString().slice(0, 10)})\n`,
    );
    console.log(
      `${'ms'.padEnd(42)}${'n'.padStart(7)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'mean'.padStart(8)}`,
    );
    console.log(row('izde /api/search, no cache (client)', izde));
    console.log(row('izde /api/search, no cache (server tookMs)', took));
    console.log(row('izde /api/search, result cache (client)', cachedMs));
    console.log(row('plain Meilisearch POST /search (client)', raw));
    console.log(row('izde GET /api/suggest (3-letter prefix)', suggest));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const slowest = [...perQuery]
      .map(([q, xs]) => [q, median(xs)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8);
    console.log(`\nslowest queries (server median ms): ${slowest.map(([q, ms]) => `${q} ${ms}`).join(', ')}`);
    console.log(
      `\nmemory: izde process RSS ${rssMb(process.pid).toFixed(0)} MB (includes this benchmark), Meilisearch RSS ${lock?.pid ? rssMb(lock.pid).toFixed(0) : '?'} MB`,
    );
  } finally {
    await stop();
  }
}

await main();
