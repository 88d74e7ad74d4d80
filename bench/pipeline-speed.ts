/**
 * Throughput of analyze() on mixed news text, single thread:
 *   npx tsx bench/pipeline-speed.ts ../shared/corpus   (or articles.jsonl / KazNERD IOB2 files)
 * Takes the shared corpus's Kazakh, Kazakh Latin and Russian news, interleaves the articles (KazNERD sentences
 * grouped ~20 per "article"), then reports MB/s (UTF-8 input) for the first pass (cold per-word caches) and for
 * later passes (warm), plus the module load time. Time is this process's CPU time (user + system), so the figure
 * is per core and holds on a busy machine; wall-clock MB/s is printed too. For quick iteration on the pipeline;
 * bench/analyzers.ts is the project's official benchmark.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { iob2Sentences, jsonlTexts, utf8Bytes } from './lib/news-text.js';

function inputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const f of [
        'kaznerd/IOB2_test2.txt',
        'kazinform-qz-latn/articles.jsonl',
        'bsnlp2021-ru/articles.jsonl',
        'wmt-ru-news/articles.jsonl',
      ]) {
        if (existsSync(join(p, f))) out.push(join(p, f));
      }
    } else out.push(p);
  }
  return out;
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  process.stderr.write('usage: npx tsx bench/pipeline-speed.ts PATH...\n');
  process.exit(2);
}
const groups = inputs(paths).map((f) => {
  if (!f.endsWith('.jsonl')) {
    const sentences = iob2Sentences(f);
    const arts: string[] = [];
    for (let i = 0; i < sentences.length; i += 20) arts.push(sentences.slice(i, i + 20).join(' '));
    return arts;
  }
  return jsonlTexts(f);
});
// interleave sources so the caches see mixed text, as an indexer would
const texts: string[] = [];
for (let i = 0; groups.some((g) => i < g.length); i++) for (const g of groups) if (i < g.length) texts.push(g[i] ?? '');
const mb = utf8Bytes(texts) / 1e6;

/** CPU seconds and wall seconds of fn. */
function timed(fn: () => void): { cpu: number; wall: number } {
  const c = process.cpuUsage();
  const w = performance.now();
  fn();
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1e6, wall: (performance.now() - w) / 1000 };
}

let analyze: (text: string) => unknown[] = () => [];
const load = timed(() => undefined);
{
  const c = process.cpuUsage();
  const w = performance.now();
  analyze = (await import('../analyzers/index.js')).analyze;
  const d = process.cpuUsage(c);
  load.cpu = (d.user + d.system) / 1e6;
  load.wall = (performance.now() - w) / 1000;
}
let tokens = 0;
const cold = timed(() => {
  for (const t of texts) tokens += analyze(t).length;
});
const passes = 2;
const warm = timed(() => {
  for (let p = 0; p < passes; p++) for (const x of texts) analyze(x);
});
const rate = (m: number, s: number) => `${(m / s).toFixed(2)}`;
console.log(
  `input ${mb.toFixed(2)} MB in ${texts.length} texts, ${tokens} tokens; load ${(load.cpu * 1000).toFixed(0)} ms CPU\n` +
    `cold: ${rate(mb, cold.cpu)} MB/s per CPU-second (${rate(mb, cold.wall)} MB/s wall)\n` +
    `warm: ${rate(mb * passes, warm.cpu)} MB/s per CPU-second (${rate(mb * passes, warm.wall)} MB/s wall)`,
);
