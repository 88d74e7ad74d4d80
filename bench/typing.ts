/**
 * Keystroke → settled results, on the real page in Chromium against a real izde server: types queries at human speed
 * and measures, inside the page, from each query's last keystroke to the frame its results are drawn in (the page has
 * settled: the answer on screen is the one for the box's text and nothing is in flight). A benchmark, not a test.
 *
 *   npm run bench:typing -- PATH...                 index these files/folders into a temporary engine first
 *                                                   (a folder holding SOURCES.md is the shared corpus: its news sets)
 *   npm run bench:typing -- --records N CORPUS_DIR  N generated articles (bench/lib/scale-corpus.ts: contract records
 *                                                   of the shared corpus's real sentences), indexed by izde's indexer
 *   npm run bench:typing -- --meili-db PATH         an embedded engine's data folder, already filled
 *   MEILI_URL=… [MEILI_MASTER_KEY=…] npm run bench:typing   an external Meilisearch, already filled
 *   options: --delay MS (110, per key) --rounds N (1) --index NAME (INDEX_NAME or articles)
 *            --data DIR  keep the engine's data (and the generated records) in DIR, and reuse them when DIR already
 *                        holds them: the 100k index is built once (without it, a temporary folder, removed)
 *
 * Printed beside the figures, measured in the same run: the same typing with the page's old fixed 130 ms debounce
 * (simulated: each search request held 130 ms), and the API's own round trip for the same final queries
 * (`Cache-Control: no-cache`), i.e. the floor the page could reach, with the server's tookMs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { chromium, type Page } from 'playwright-core';
import { ensureChromium, LAUNCH_ARGS } from '../e2e/chromium.js';
import type { EngineConfig } from '../engine/index.js';
import { DEFAULT_STATIC_DIR } from '../server/config.js';
import { type RunningServer, startServer } from '../server/start.js';
import { buildWeb } from '../web/build.js';
import { newsInputs } from './lib/news-corpus.js';
import { ensureScaleIndex } from './lib/scale-index.js';

/** Queries a reader of Kazakh and Russian news types: both scripts of Kazakh, Russian, names, one and two words. */
const QUERIES = [
  'Қазақстан',
  'Тоқаев',
  'министрлері',
  'Ресей',
  'Өзбекстан',
  'сайлау',
  'ШЫҰ саммиті',
  'Qazaqstan',
  'Ózbekstan',
  'казакстан',
  'президент',
  'выборы',
  'санкции',
  'Евросоюз',
  'Брюссель',
  'нефть',
  'вакцинация',
  'коронавирус',
  'Трамп',
  'Путин',
  'Украина',
  'ШОС',
  'саммит ШОС',
  'НАТО',
  'ООН',
  'Brexit',
  'COVID',
  'газопровод',
  'Астана',
  'Алматы',
  'министр иностранных дел',
  'сыртқы істер',
  'ынтымақтастық',
  'Қытай',
  'инвестиции',
  'ЕАЭС',
  'экономика',
  'Европа',
  'парламент',
  'Германия',
];

interface PageLog {
  inputs: { t: number; value: string }[];
  shows: { t: number; frame: number; shown: string }[];
}

declare global {
  interface Window {
    /** What instrument() records in the page. */
    __typing: PageLog;
  }
}

/** Installed before the page's own script: input events (their timestamps) and each answer drawn, with its frame. */
function instrument(): void {
  const w = window;
  w.__typing = { inputs: [], shows: [] };
  document.addEventListener(
    'input',
    (e) => {
      const box = e.target as HTMLInputElement;
      if (box.id === 'q') w.__typing.inputs.push({ t: e.timeStamp, value: box.value });
    },
    true,
  );
  document.addEventListener('DOMContentLoaded', () => {
    const results = document.getElementById('results');
    if (!results) return;
    new MutationObserver(() => {
      const shown = results.dataset.shown ?? '';
      const settled = results.dataset.want === shown && results.getAttribute('aria-busy') === 'false';
      if (!settled) return;
      const last = w.__typing.shows[w.__typing.shows.length - 1];
      if (last?.shown === shown) return;
      const entry = { t: performance.now(), frame: Number.NaN, shown };
      w.__typing.shows.push(entry);
      // The frame it is drawn in: requestAnimationFrame runs just before that frame's paint.
      requestAnimationFrame((frame) => {
        entry.frame = frame;
      });
    }).observe(results, { attributes: true, attributeFilter: ['data-shown', 'data-want', 'aria-busy'] });
  });
}

const settled = (page: Page) =>
  page.waitForFunction(
    () => {
      const r = document.getElementById('results');
      return !!r && r.dataset.want === r.dataset.shown && r.getAttribute('aria-busy') === 'false';
    },
    undefined,
    { timeout: 20_000 },
  );

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
}
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–').padStart(7);
const row = (name: string, xs: readonly number[]) =>
  `${name.padEnd(58)}${String(xs.length).padStart(5)}${fmt(percentile(xs, 50))}${fmt(percentile(xs, 95))}${fmt(Math.max(...xs))}`;

const qOf = (apiQuery: string) => new URLSearchParams(apiQuery).get('q');

interface TypingRun {
  settleMs: number[];
  perKey: number[];
  toRequest: number[];
  inRequest: number[];
  toDrawn: number[];
  keys: number;
  answeredKeys: number;
  first: { query: string; ms: number } | undefined;
  /** Each query's last key → drawn, to name the slow ones. */
  byQuery: { query: string; ms: number }[];
}

/** The page's old fixed debounce, for the baseline run. */
const OLD_DEBOUNCE_MS = 130;

/** Types every query into the box (after clearing it) and measures from the page's own records. */
async function typeAll(page: Page, queries: readonly string[], delay: number): Promise<TypingRun> {
  const settleMs: number[] = [];
  const perKey: number[] = [];
  // Where the last key's time goes: key → request sent, request → response, response → results drawn.
  const toRequest: number[] = [];
  const inRequest: number[] = [];
  const toDrawn: number[] = [];
  let keys = 0;
  let answeredKeys = 0;
  let first: { query: string; ms: number } | undefined;
  const byQuery: { query: string; ms: number }[] = [];
  for (const query of queries) {
    const box = page.locator('#q');
    await box.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await settled(page);
    await page.evaluate(() => {
      window.__typing.inputs = [];
      window.__typing.shows = [];
      performance.clearResourceTimings();
    });
    await page.keyboard.type(query, { delay });
    await settled(page);
    await page.waitForTimeout(40); // the frame's requestAnimationFrame
    const log = await page.evaluate(() => window.__typing);
    const last = log.inputs[log.inputs.length - 1];
    if (!last || last.value !== query) throw new Error(`typed «${query}» but the box says «${last?.value}»`);
    const shown = log.shows.find((s) => s.t >= last.t && qOf(s.shown) === query);
    if (!shown) throw new Error(`no answer for «${query}» was drawn`);
    const ms = (Number.isFinite(shown.frame) ? shown.frame : shown.t) - last.t;
    settleMs.push(ms);
    first ??= { query, ms };
    byQuery.push({ query, ms });
    const timing = await page.evaluate((api) => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(`/api/search?${api}`)) as
        | PerformanceResourceTiming
        | undefined;
      return entry ? { start: entry.startTime, end: entry.responseEnd } : null;
    }, shown.shown);
    if (timing) {
      toRequest.push(timing.start - last.t);
      inRequest.push(timing.end - timing.start);
      toDrawn.push((Number.isFinite(shown.frame) ? shown.frame : shown.t) - timing.end);
    }
    // Each keystroke: did its own results reach the screen, and how fast (before a later key replaced them)?
    log.inputs.forEach((input) => {
      keys++;
      const own = log.shows.find((s) => s.t >= input.t && qOf(s.shown) === input.value);
      if (!own) return;
      answeredKeys++;
      perKey.push((Number.isFinite(own.frame) ? own.frame : own.t) - input.t);
    });
  }
  return { settleMs, perKey, toRequest, inRequest, toDrawn, keys, answeredKeys, first, byQuery };
}

const USAGE =
  'Usage: npm run bench:typing -- [--data DIR] PATH...  |  --records N [--data DIR] CORPUS_DIR  |  --meili-db PATH  |\n' +
  '       MEILI_URL=… (an index already filled)\n' +
  '  e.g. npm run bench:typing -- ../shared/corpus\n' +
  '       npm run bench:typing -- --records 100000 --data /tmp/izde-typing-100k ../shared/corpus';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      'meili-db': { type: 'string' },
      data: { type: 'string' },
      records: { type: 'string' },
      delay: { type: 'string', default: '110' },
      rounds: { type: 'string', default: '1' },
      index: { type: 'string' },
    },
    allowPositionals: true,
  });
  const delay = Number(values.delay);
  const rounds = Math.max(1, Number(values.rounds));
  const records = values.records === undefined ? undefined : Number(values.records);
  const meiliUrl = process.env.MEILI_URL?.trim() || undefined;
  const existingDb = values['meili-db'] ?? process.env.MEILI_DB_PATH?.trim();
  if (records !== undefined && (!Number.isInteger(records) || records < 1 || positionals.length !== 1)) {
    console.error(`--records takes a whole number and one CORPUS_DIR (the shared corpus).\n${USAGE}`);
    return 2;
  }
  if (positionals.length === 0 && !meiliUrl && !existingDb) {
    console.error(USAGE);
    return 2;
  }
  const tempDir = meiliUrl || existingDb || values.data ? null : mkdtempSync(join(tmpdir(), 'izde-typing-'));
  const dataDir = values.data ?? tempDir ?? tmpdir();
  let dataPath = existingDb ?? join(dataDir, 'meilisearch');
  let inputs: string[] = [];
  if (records !== undefined && !meiliUrl && !existingDb) {
    const corpus = positionals[0] ?? '';
    const scale = await ensureScaleIndex(dataDir, corpus, records, (line) => console.log(line));
    dataPath = scale.engineDir;
  } else if (positionals.length) {
    inputs = newsInputs(positionals);
  }
  const engine: EngineConfig = {
    url: meiliUrl,
    masterKey: process.env.MEILI_MASTER_KEY?.trim() || undefined,
    dataDir: dataPath,
    indexName: values.index ?? (process.env.INDEX_NAME?.trim() || 'articles'),
  };

  const executablePath = ensureChromium((m) => console.log(m));
  await buildWeb();
  let server: RunningServer | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const started = performance.now();
    server = await startServer({
      engine,
      server: { port: 0, host: '127.0.0.1', logLevel: 'silent', rateLimitPerMinute: 0, staticDir: DEFAULT_STATIC_DIR },
      logger: pino({ level: 'silent' }),
      ...(inputs.length ? { indexIfEmpty: inputs } : {}),
    });
    const documents = await server.gateway.documentCount();
    if (documents === 0) throw new Error('the index is empty: give PATH... to index, or an engine already filled');
    console.log(
      `bench:typing: ${documents} articles, server ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.addInitScript(instrument);
    await page.goto(`${server.url}/?ui=en`);
    await settled(page);

    const queries = Array.from({ length: rounds }, () => QUERIES).flat();
    const run = await typeAll(page, queries, delay);
    // The page as it was (a fixed 130 ms debounce), simulated on the same page and server: each search request is
    // held 130 ms before it goes out — the same wait between the last key and its request. Run second, with the
    // server's result cache bypassed; its highlight caches are warm by then, which only flatters the baseline.
    await page.route('**/api/search?*', async (route) => {
      await new Promise((r) => setTimeout(r, OLD_DEBOUNCE_MS));
      await route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }).catch(() => {});
    });
    const old = await typeAll(page, queries, delay);
    await page.unroute('**/api/search?*');

    // The floor: the API's round trip for the same final queries, from this process, no result cache.
    const apiMs: number[] = [];
    const tookMs: number[] = [];
    for (const query of queries) {
      const t = performance.now();
      const res = await fetch(
        `${server.url}/api/search?${new URLSearchParams({ q: query, sort: 'relevance', page: '1', limit: '20' })}`,
        {
          headers: { 'cache-control': 'no-cache' },
        },
      );
      const body = (await res.json()) as { tookMs: number };
      apiMs.push(performance.now() - t);
      tookMs.push(body.tookMs);
    }

    console.log(
      `\nkeystroke → settled results — ${documents} articles, ${queries.length} queries typed at ${delay} ms per key in Chromium (${new Date().toISOString().slice(0, 10)})\n`,
    );
    console.log(`${'ms'.padEnd(58)}${'n'.padStart(5)}${'p50'.padStart(7)}${'p95'.padStart(7)}${'max'.padStart(7)}`);
    console.log(row('last key → results drawn (the page)', run.settleMs));
    console.log(row('each key → its own results drawn (the page)', run.perKey));
    console.log(row('  of which: last key → its request sent', run.toRequest));
    console.log(row('  of which: the request (network and server)', run.inRequest));
    console.log(row('  of which: response → results drawn', run.toDrawn));
    console.log(row(`baseline: last key → drawn, ${OLD_DEBOUNCE_MS} ms debounce (simulated)`, old.settleMs));
    console.log(row('baseline: API round trip, same queries, no cache', apiMs));
    console.log(row('baseline: server tookMs, same queries, no cache', tookMs));
    console.log(`\nfirst query after the page loaded: «${run.first?.query}» ${run.first?.ms.toFixed(0)} ms`);
    const slowest = [...run.byQuery].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`slowest: ${slowest.map((s) => `«${s.query}» ${s.ms.toFixed(0)}`).join(', ')} ms`);
    console.log(
      `keystrokes whose own results were drawn: ${run.answeredKeys} of ${run.keys} (${((100 * run.answeredKeys) / Math.max(1, run.keys)).toFixed(0)}%); with the debounce: ${old.answeredKeys} of ${old.keys}`,
    );
    const median = percentile(run.settleMs, 50);
    const p95 = percentile(run.settleMs, 95);
    console.log(
      `goal: median ≤ 100 ms (${median <= 100 ? 'met' : 'missed'}), p95 ≤ 150 ms (${p95 <= 150 ? 'met' : 'missed'})`,
    );
    return 0;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench:typing failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
