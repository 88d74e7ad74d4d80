/**
 * What analyzing each article once saves the indexer:
 *   npm run bench:analyze-once -- [--records N] [--rounds R] CORPUS_DIR
 * Generates N contract records (default 10,000) from the shared corpus as bench:scale does, then turns them into
 * izde's documents the indexer's way — extraction, whose analysis the document builder reuses
 * (`toDocument(article, meta, article.analysis)`) — and the way it was before issue 11, where the document builder
 * analyzed the article a second time (`toDocument(article, meta)` still does). Both runs take turns, R rounds each
 * after an untimed warm-up round (the word cache warm, at the indexer's size), and the medians are printed: CPU
 * seconds of this process, articles per CPU second, and whether both made the same documents. Before issue 11
 * extraction also ran its own entity and language passes, so the second analysis is the least the old path cost.
 */
import { parseArgs } from 'node:util';
import { setWordCacheSize } from '../analyzers/index.js';
import { toDocument } from '../indexer/document.js';
import { extractItem } from '../indexer/extract-item.js';
import { recordItem } from '../indexer/read.js';
import { checkCorpusDir, loadSentencePools, recordFactory } from './lib/scale-corpus.js';
import { printTable } from './lib/table.js';

const USAGE = 'Usage: npm run bench:analyze-once -- [--records N] [--rounds R] CORPUS_DIR';
/** The word cache the indexer CLI keeps (indexer/cli.ts, INDEXER_WORD_CACHE). */
const INDEXER_WORD_CACHE = 120_000;
const ORIGIN = 'bench-records.jsonl';

type Way = 'once' | 'twice';

/** The documents of all lines, made one way; returns their JSON (to compare the two ways) and the CPU seconds. */
function makeDocuments(lines: readonly string[], way: Way): { json: string[]; cpu: number } {
  const json: string[] = [];
  const before = process.cpuUsage();
  for (const [i, line] of lines.entries()) {
    const item = recordItem(JSON.parse(line), `line ${i + 1}`, ORIGIN, line.length);
    if (item.kind === 'problem') throw new Error(`${item.problem.where}: ${item.problem.reason}`);
    const article = extractItem(item);
    const meta = { origin: ORIGIN, hash: item.hash };
    const doc = way === 'once' ? toDocument(article, meta, article.analysis) : toDocument(article, meta);
    json.push(JSON.stringify(doc));
  }
  const used = process.cpuUsage(before);
  return { json, cpu: (used.user + used.system) / 1e6 };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

function main(): number {
  const { values, positionals } = parseArgs({
    options: { records: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' } },
    allowPositionals: true,
  });
  const corpus = positionals[0];
  const n = Number(values.records);
  const rounds = Number(values.rounds);
  if (!corpus || !Number.isInteger(n) || n < 1 || !Number.isInteger(rounds) || rounds < 1) {
    console.error(USAGE);
    return 2;
  }
  checkCorpusDir(corpus);
  setWordCacheSize(INDEXER_WORD_CACHE);
  const make = recordFactory(loadSentencePools(corpus));
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify(make(i + 1)));
  const mb = lines.reduce((sum, l) => sum + Buffer.byteLength(l), 0) / 1e6;
  console.error(`${n} records (${mb.toFixed(1)} MB of JSONL); warm-up round…`);
  makeDocuments(lines, 'once');
  const cpu: Record<Way, number[]> = { once: [], twice: [] };
  let same = true;
  for (let r = 0; r < rounds; r++) {
    // Alternating, so a machine that gets busier or quieter weighs on both ways alike.
    const order: Way[] = r % 2 === 0 ? ['twice', 'once'] : ['once', 'twice'];
    const made: Partial<Record<Way, string[]>> = {};
    for (const way of order) {
      const run = makeDocuments(lines, way);
      cpu[way].push(run.cpu);
      made[way] = run.json;
      console.error(`round ${r + 1}: ${way} ${run.cpu.toFixed(1)} CPU s`);
    }
    same &&= made.once?.length === made.twice?.length && (made.once ?? []).every((d, i) => d === made.twice?.[i]);
  }
  const row = (name: string, way: Way): string[] => {
    const s = median(cpu[way]);
    return [name, s.toFixed(2), ((1000 * s) / n).toFixed(2), Math.round(n / s).toLocaleString('en')];
  };
  const once = median(cpu.once);
  const twice = median(cpu.twice);
  printTable(
    `Records to documents, ${n.toLocaleString('en')} generated records, median of ${rounds} rounds (CPU of one process)`,
    ['way', 'CPU s', 'ms per article', 'articles per CPU s'],
    [row('analyzed twice (extraction, then the document)', 'twice'), row('analyzed once (the indexer)', 'once')],
  );
  console.log(
    `\nsaved: ${(twice - once).toFixed(2)} CPU s (${((100 * (twice - once)) / twice).toFixed(0)} %, ` +
      `${(twice / once).toFixed(2)}× the articles per CPU second); the same documents both ways: ${same ? 'yes' : 'NO'}`,
  );
  return same ? 0 : 1;
}

process.exitCode = main();
