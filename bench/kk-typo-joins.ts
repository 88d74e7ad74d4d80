/**
 * How many different Kazakh words one typo on the fold tier would join, for a range of typo thresholds: the
 * measurement behind the typo-tolerance setting (engine/settings.ts, mirrored by server/search/match.ts).
 *
 *   npx tsx bench/kk-typo-joins.ts [CORPUS_DIR=../shared/corpus] [--show N]
 *
 * Data: the Kazakh Cyrillic words of KazNERD (test2 + valid2; development data, not a scored set), keyed as the index
 * keys them on the fold tier (language mark «ъ» + stemKkFolded(fold(word))). The stemmer already gives the forms of a
 * word one key, so two distinct keys one typo apart are two words (or a word and a misspelling of it). For each
 * threshold (characters of the decomposed key, mark included, as Meilisearch counts them) it counts the key pairs one
 * typo joins, weighted by the rarer word's frequency, with the mark first (as now: the word's own first letter is then
 * not protected) and with the word's first letter protected (the mark at the end of the key).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold, stemKkFolded } from '../analyzers/index.js';
import { oneTypoApart } from '../server/search/match.js';
import { printTable } from './lib/table.js';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) : 0;
const corpus = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--show') ?? '../shared/corpus';

const freq = new Map<string, number>(); // key → occurrences
const words = new Map<string, Map<string, number>>(); // key → its words
for (const file of ['IOB2_test2.txt', 'IOB2_valid2.txt']) {
  for (const line of readFileSync(join(corpus, 'kaznerd', file), 'utf8').split('\n')) {
    const w = (line.split(' ')[0] ?? '').toLowerCase();
    if (!/^[а-яәғқңөұүһіё]{3,}$/u.test(w)) continue;
    const key = `ъ${stemKkFolded(fold(w))}`.normalize('NFD');
    freq.set(key, (freq.get(key) ?? 0) + 1);
    const m = words.get(key) ?? new Map<string, number>();
    m.set(w, (m.get(w) ?? 0) + 1);
    words.set(key, m);
  }
}
const len = (s: string) => [...s].length;
const byLength = new Map<number, string[]>();
for (const k of freq.keys()) byLength.set(len(k), [...(byLength.get(len(k)) ?? []), k]);

/** Every pair of keys one typo apart (the shorter or equal key first), with the rarer key's frequency. */
const pairs: { a: string; b: string; weight: number }[] = [];
for (const a of freq.keys()) {
  for (const b of [...(byLength.get(len(a)) ?? []), ...(byLength.get(len(a) + 1) ?? [])]) {
    if ((len(b) === len(a) && b <= a) || !oneTypoApart(a, b)) continue;
    pairs.push({ a, b, weight: Math.min(freq.get(a) ?? 0, freq.get(b) ?? 0) });
  }
}
const firstLetterKept = (p: { a: string; b: string }) => p.a[1] === p.b[1];

const rows: string[][] = [];
for (const threshold of [6, 8, 9, 10, 11, 12, 13, 14, 16, 18]) {
  // The query is either key: the pair is joined when the query key is long enough.
  const joined = pairs.filter((p) => len(p.b) >= threshold || len(p.a) >= threshold);
  const protectedFirst = joined.filter(firstLetterKept);
  const sum = (ps: typeof pairs) => ps.reduce((n, p) => n + p.weight, 0);
  rows.push([
    String(threshold),
    String(threshold - 1),
    String(joined.length),
    String(sum(joined)),
    String(protectedFirst.length),
    String(sum(protectedFirst)),
  ]);
}
console.log(`${freq.size} distinct fold keys of ${[...freq.values()].reduce((a, b) => a + b, 0)} Kazakh word tokens`);
printTable(
  'Key pairs one typo joins (weight: occurrences of the rarer key), by the oneTypo threshold in characters',
  ['oneTypo', 'letters', 'pairs', 'weight', 'pairs, 1st letter kept', 'weight, 1st letter kept'],
  rows,
);
if (show > 0) {
  const top = (k: string) =>
    [...(words.get(k) ?? new Map<string, number>())]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 2)
      .map(([w]) => w)
      .join(',');
  console.log(`\nThe ${show} heaviest pairs:`);
  for (const p of [...pairs].sort((x, y) => y.weight - x.weight).slice(0, show))
    console.log(`  ${p.weight}\t${p.a} [${top(p.a)}] ~ ${p.b} [${top(p.b)}]`);
}
