/**
 * Throughput of one analysis function over one corpus, measured in a fresh process so that "cold" really
 * means empty caches and load time is the module's own: the parent spawns throughput-child.ts with a JSON spec
 * and reads one JSON line back.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { iob2Sentences, jsonlTexts, utf8Bytes } from './news-text.js';

export type ThroughputTarget = 'analyze' | 'stemRu' | 'stemKk';

export interface ThroughputSpec {
  target: ThroughputTarget;
  corpus: string;
  /** KazNERD IOB2 files or articles.jsonl files. */
  files: string[];
}

export interface ThroughputResult {
  target: ThroughputTarget;
  corpus: string;
  /** UTF-8 input per pass: the texts for `analyze`, the words (one per token) for a stemmer alone. */
  megabytes: number;
  /** Importing the module under test in a fresh process (for stemRu: includes the dictionary). */
  loadMs: number;
  /** Resident set and heap growth over that import. */
  loadRssMb: number;
  loadHeapMb: number;
  coldMbPerS: number;
  warmMbPerS: number;
}

export interface ThroughputSkip {
  skipped: string;
}

const WORD = /[\p{L}\p{M}]+/gu;
const normalizeWord = (w: string): string => w.normalize('NFC').toLowerCase().replaceAll('ё', 'е');

function readTexts(files: readonly string[]): string[] {
  return files.flatMap((f) => (f.endsWith('.jsonl') ? jsonlTexts(f) : iob2Sentences(f)));
}

const MB = 1e6;

/** Runs in the child: load, one cold pass, then warm passes for at least a second. */
export async function measureInThisProcess(spec: ThroughputSpec): Promise<ThroughputResult | ThroughputSkip> {
  const texts = readTexts(spec.files);
  const words = spec.target === 'analyze' ? [] : texts.flatMap((t) => (t.match(WORD) ?? []).map(normalizeWord));
  const megabytes = (spec.target === 'analyze' ? utf8Bytes(texts) : utf8Bytes(words)) / MB;

  const before = process.memoryUsage();
  const started = performance.now();
  let pass: () => number;
  if (spec.target === 'analyze') {
    // Written by another engineer and possibly absent or a placeholder: found at run time, not type-checked here.
    const path = '../../analyzers/index.js';
    let mod: unknown;
    try {
      mod = await import(path);
    } catch (err) {
      return {
        skipped: `analyzers/analyze.ts could not be loaded (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
      };
    }
    const analyze = (mod as { analyze?: unknown }).analyze;
    if (typeof analyze !== 'function') return { skipped: 'analyzers/analyze.ts exports no analyze()' };
    const run = analyze as (text: string) => unknown[];
    pass = () => texts.reduce((n, t) => n + run(t).length, 0);
  } else {
    const stem =
      spec.target === 'stemRu'
        ? (await import('../../analyzers/index.js')).stemRu
        : (await import('../../analyzers/index.js')).stemKk;
    pass = () => words.reduce((n, w) => n + stem(w).length, 0);
  }
  const loadMs = performance.now() - started;
  const after = process.memoryUsage();

  const timed = (): number => {
    const t = performance.now();
    pass();
    return performance.now() - t;
  };
  const coldMs = timed();
  let warmMs = 0;
  let warmPasses = 0;
  while (warmPasses < 1 || (warmMs < 1000 && warmPasses < 10)) {
    warmMs += timed();
    warmPasses++;
  }
  return {
    target: spec.target,
    corpus: spec.corpus,
    megabytes,
    loadMs,
    loadRssMb: (after.rss - before.rss) / MB,
    loadHeapMb: (after.heapUsed - before.heapUsed) / MB,
    coldMbPerS: megabytes / (coldMs / 1000),
    warmMbPerS: (megabytes * warmPasses) / (warmMs / 1000),
  };
}

const CHILD = fileURLToPath(new URL('./throughput-child.ts', import.meta.url));

/** Runs the measurement in a fresh child process (same Node flags, so tsx is active there too). */
export function measureInChild(spec: ThroughputSpec): ThroughputResult | ThroughputSkip {
  const child = spawnSync(process.execPath, [...process.execArgv, CHILD, JSON.stringify(spec)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as ThroughputResult | ThroughputSkip;
  } catch {
    const why = (child.stderr || child.stdout).trim().split('\n').slice(-3).join(' | ');
    return { skipped: `child exited with ${child.status ?? child.signal}: ${why}` };
  }
}
