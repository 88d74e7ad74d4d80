/**
 * The relevance evaluation: izde against plain Meilisearch on the same articles, with hand-written judgments.
 *
 *   npm run eval:relevance -- [--category NAME]... [--query ID|TEXT]... [--json FILE] [--list N] [--queries FILE] PATH...
 *
 * PATH: a folder with SOURCES.md is the shared corpus (its three news sets' articles.jsonl); anything else is indexed
 * as given (e.g. data/articles, the five raw seeds). One run starts a real izde server on a temporary data folder,
 * indexes the paths with izde's own indexer, copies the clean articles into a second index with Meilisearch's default
 * settings, sends every query to both (all pages), and prints mean recall, precision and F1 per category, the goals,
 * and izde's failures. Exit code 0 when it ran: it is a measurement, not a test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Meilisearch } from 'meilisearch';
import { pino } from 'pino';
import { ANALYZER_VERSION } from '../analyzers/index.js';
import { newsInputs } from '../bench/lib/news-corpus.js';
import { dataPaths } from '../engine/index.js';
import { runIndexer, summaryLine } from '../indexer/run.js';
import { DEFAULT_STATIC_DIR } from '../server/config.js';
import { type RunningServer, startServer } from '../server/start.js';
import { gradedRelevance } from './lib/grades.js';
import { izdeSearchAll, izdeTopIds } from './lib/izde-search.js';
import { loadJudgedArticles } from './lib/judged-text.js';
import { compilePattern, DEFAULT_QUERY_SET, loadQuerySet, selectQueries } from './lib/judgments.js';
import { scoreQuery } from './lib/metrics.js';
import { createPlainIndex, plainSearchAll } from './lib/plain-index.js';
import { ndcgAt, precisionAt, SCREEN, typedPrefixes } from './lib/ranking.js';
import {
  goalLines,
  printFailures,
  printOrderFailures,
  printSummary,
  type QueryResult,
  summarize,
  type TypedResult,
} from './lib/report.js';
import { startWatchdog } from './lib/watchdog.js';

const USAGE =
  'usage: npm run eval:relevance -- [--category NAME]... [--query ID|TEXT]... [--json FILE] [--list N] [--queries FILE] [--data DIR] PATH...';
const INDEX = 'articles';
const PLAIN_INDEX = 'articles_plain';

function parse() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        category: { type: 'string', multiple: true, default: [] },
        query: { type: 'string', multiple: true, default: [] },
        json: { type: 'string' },
        list: { type: 'string', default: '8' },
        queries: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const list = Number(values.list);
    if (values.help || positionals.length === 0 || !Number.isInteger(list) || list < 0) throw new Error(USAGE);
    return { ...values, list, paths: positionals };
  } catch (err) {
    console.error((err as Error).message === USAGE ? USAGE : `${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/** Everything this run started, so that normal ends, errors and Ctrl-C all take it down. */
class Resources {
  tempDir: string | undefined;
  server: RunningServer | undefined;
  private closing: Promise<void> | undefined;
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.server?.close(); // stops the embedded Meilisearch it started
      } finally {
        if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
      }
    })();
    return this.closing;
  }
}

/**
 * The articles of a kept data folder (`--data`), when both indexes are there and every izde document was made by the
 * current analyzer version; null when the folder must be indexed again. The caller keeps the inputs the same.
 */
async function keptIndex(admin: Meilisearch): Promise<string[] | null> {
  try {
    const izde = admin.index(INDEX);
    const all = await izde.search('', { limit: 0 });
    const current = await izde.search('', { limit: 0, filter: `av = ${JSON.stringify(ANALYZER_VERSION)}` });
    const total = all.estimatedTotalHits ?? 0;
    if (total === 0 || current.estimatedTotalHits !== total) return null;
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await admin.index(PLAIN_INDEX).getDocuments<{ id: string }>({ fields: ['id'], limit: 1000, offset });
      for (const doc of page.results) ids.push(String(doc.id));
      if (page.results.length < 1000) break;
    }
    return ids.length === total ? ids : null;
  } catch {
    return null; // no index yet
  }
}

async function main(): Promise<void> {
  const args = parse();
  const started = Date.now();
  const log = (message: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
  const set = loadQuerySet(args.queries ?? DEFAULT_QUERY_SET);
  const queries = selectQueries(set.queries, { categories: args.category, queries: args.query });
  if (queries.length === 0) {
    console.error('No query matches --category/--query.');
    process.exit(2);
  }
  const inputs = newsInputs(args.paths);
  const judged = await loadJudgedArticles(inputs, {
    furniture: set.recordFurniture.patterns.map((p) => compilePattern(p, false)),
  });
  const known = new Map(judged.map((a) => [a.id, { title: a.title, lang: a.lang }] as const));
  log(
    `corpus: ${judged.length} articles judged from ${inputs.join(', ')}; ${queries.length} of ${set.queries.length} queries`,
  );

  const resources = new Resources();
  const interrupt = (signal: string) => {
    console.error(`\n${signal}: stopping the engine and removing temporary files…`);
    void resources.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => interrupt('SIGINT'));
  process.once('SIGTERM', () => interrupt('SIGTERM'));

  try {
    resources.tempDir = mkdtempSync(join(tmpdir(), 'izde-relevance-'));
    // `--data DIR` keeps the engine's data for the next run (the watchdog then removes only the empty temp folder).
    const dataDir = args.data ?? join(resources.tempDir, 'meilisearch');
    startWatchdog({ dir: resources.tempDir, lockPath: dataPaths(dataDir).lock });
    log(args.data ? `starting izde on ${args.data}` : 'starting izde on a temporary data folder');
    resources.server = await startServer({
      engine: { url: undefined, masterKey: undefined, dataDir, indexName: INDEX },
      server: { port: 0, host: '127.0.0.1', logLevel: 'silent', rateLimitPerMinute: 0, staticDir: DEFAULT_STATIC_DIR },
      logger: pino({ level: 'silent' }),
    });
    const { gateway, url } = resources.server;
    const kept = args.data ? await keptIndex(gateway.admin) : null;
    let indexedCount: number;
    let indexedIds: string[];
    if (kept) {
      indexedCount = kept.length;
      indexedIds = kept;
      log(`izde and plain Meilisearch: ${kept.length} articles kept in ${args.data} (analyzer ${ANALYZER_VERSION})`);
    } else {
      const indexed = await runIndexer(gateway, { paths: inputs, reset: true });
      indexedCount = indexed.indexed;
      log(`izde: ${summaryLine(indexed)}`); // the indexer itself reported each skipped file or record
      await gateway.admin.deleteIndexIfExists(PLAIN_INDEX);
      indexedIds = await createPlainIndex(gateway.admin, INDEX, PLAIN_INDEX);
      log(`plain Meilisearch: ${indexedIds.length} articles copied from izde's index (default settings)`);
    }
    const inIndex = new Set(indexedIds);
    const notIndexed = judged.filter((a) => !inIndex.has(a.id)).map((a) => a.id);
    if (notIndexed.length) {
      // Both systems search izde's articles: a judged article izde did not index is missed by both.
      log(
        `warning: ${notIndexed.length} judged articles are not in izde's index (they count as missed where relevant): ${notIndexed.slice(0, 5).join(', ')}${notIndexed.length > 5 ? ', …' : ''}`,
      );
    }

    const maxHits = Math.max(indexedIds.length, judged.length);
    const results: QueryResult[] = [];
    for (const query of queries) {
      const grades = gradedRelevance(query, set, judged);
      const relevant = new Set(grades.keys());
      const t0 = performance.now();
      const izde = await izdeSearchAll(url, query.q, maxHits);
      const izdeMs = Math.round(performance.now() - t0);
      const t1 = performance.now();
      const plain = await plainSearchAll(gateway.admin, PLAIN_INDEX, query.q, maxHits);
      const plainMs = Math.round(performance.now() - t1);
      for (const [id, title] of [...izde.titles, ...plain.titles])
        if (!known.has(id)) known.set(id, { title, lang: null });
      // As you type: the first screen for each unfinished form of a one-word query, judged by the whole word.
      const typed: TypedResult[] = [];
      for (const { fraction, prefix } of typedPrefixes(query.q)) {
        const izdeTop = await izdeTopIds(url, prefix, SCREEN);
        for (const [id, title] of izdeTop.titles) if (!known.has(id)) known.set(id, { title, lang: null });
        const plainTop = await plainSearchAll(gateway.admin, PLAIN_INDEX, prefix, SCREEN);
        typed.push({
          fraction,
          prefix,
          izde: precisionAt(izdeTop.ids, relevant),
          plain: precisionAt(plainTop.ids, relevant),
          izdeWrong: izdeTop.ids.filter((id) => !relevant.has(id)),
        });
      }
      const count = (g: number) => [...grades.values()].filter((x) => x === g).length;
      results.push({
        query,
        relevant: relevant.size,
        grades: { 1: count(1), 2: count(2), 3: count(3) },
        izde: {
          ...scoreQuery(izde.ids, relevant),
          p10: precisionAt(izde.ids, relevant),
          ndcg10: ndcgAt(izde.ids, grades),
          topWrong: izde.ids.slice(0, SCREEN).filter((id) => !relevant.has(id)),
          hits: izde.ids.length,
          ms: izdeMs,
          ...(izde.correction ? { correction: izde.correction } : {}),
          ...(izde.partial ? { partial: true } : {}),
        },
        plain: {
          ...scoreQuery(plain.ids, relevant),
          p10: precisionAt(plain.ids, relevant),
          ndcg10: ndcgAt(plain.ids, grades),
          hits: plain.ids.length,
          ms: plainMs,
        },
        typed,
      });
    }

    const izdeSeconds = results.reduce((n, r) => n + r.izde.ms, 0) / 1000;
    const plainSeconds = results.reduce((n, r) => n + r.plain.ms, 0) / 1000;
    log(`queries done: izde took ${izdeSeconds.toFixed(1)} s in all, plain Meilisearch ${plainSeconds.toFixed(1)} s`);
    const rows = summarize(results);
    printSummary(rows);
    console.log('\nGoals (izde):');
    for (const line of goalLines(rows, results)) console.log(`  ${line}`);
    const describe = (id: string) => known.get(id) ?? { title: '', lang: null };
    printFailures(results, describe, args.list);
    printOrderFailures(results, describe, args.list);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\n${results.length} queries on ${judged.length} articles in ${seconds} s (${new Date().toISOString().slice(0, 10)}).`,
    );

    if (args.json) {
      const out = {
        date: new Date().toISOString(),
        inputs,
        articles: judged.length,
        indexed: indexedCount,
        summary: rows,
        queries: results.map((r) => ({
          id: r.query.id,
          category: r.query.category,
          q: r.query.q,
          ...(r.query.meaning ? { meaning: r.query.meaning } : {}),
          relevant: r.relevant,
          grades: r.grades,
          izde: r.izde,
          typed: r.typed,
          plain: {
            recall: r.plain.recall,
            precision: r.plain.precision,
            f1: r.plain.f1,
            p10: r.plain.p10,
            ndcg10: r.plain.ndcg10,
            hits: r.plain.hits,
            ms: r.plain.ms,
            missed: r.plain.missed,
            wrong: r.plain.wrong,
          },
        })),
      };
      writeFileSync(args.json, `${JSON.stringify(out, null, 2)}\n`);
      console.error(`Per-query results written to ${args.json}`);
    }
  } finally {
    await resources.close();
  }
}

main().catch((err: unknown) => {
  console.error(`eval:relevance failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
