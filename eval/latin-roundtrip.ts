/**
 * Do a Kazakh Cyrillic text and the same text in Kazakh Latin meet in the index?
 *
 *   npm run eval:latin-roundtrip -- ../shared/corpus     (or the path of a KazNERD IOB2 file)
 *
 * KazNERD's Cyrillic sentences (tuning text, not a scored set) are written in the 2018 and the 2021 Latin alphabet
 * with izde's own `cyrillicTextToLatin`, and in 2021 as writers used to Turkish write it (ı for ы as well as for і),
 * and each is analyzed as Kazakh. Printed per writing:
 * - words of a Kazakh Latin paragraph read as foreign (`other`): sentences are joined 20 to a paragraph, as an
 *   article's would be, and the paragraph's language is detected as in indexing;
 * - words whose Latin form meets its Cyrillic form in neither the stem nor the fold tier (sentence by sentence,
 *   as Kazakh), with the most frequent of them.
 * A measurement (exit 0 when it ran), not a test: docs/analyzers.md has the figures.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, cyrillicTextToLatin, indexKeys } from '../analyzers/index.js';
import { iob2Sentences } from '../bench/lib/news-text.js';

const SENTENCES = 3000;
const PARAGRAPH = 20;
const SHOWN = 12;

function inputPath(arg: string | undefined): string {
  if (!arg) throw new Error('usage: npm run eval:latin-roundtrip -- CORPUS_DIR|KAZNERD_IOB2_FILE');
  const path = existsSync(arg) && statSync(arg).isDirectory() ? join(arg, 'kaznerd', 'IOB2_valid2.txt') : arg;
  if (!existsSync(path)) throw new Error(`no KazNERD file at ${path}`);
  return path;
}

/** How a Cyrillic text is written in Latin: an alphabet, or 2021 with the Turkish habit. */
const WRITINGS = {
  '2018 alphabet': (s: string) => cyrillicTextToLatin(s, '2018'),
  '2021 alphabet': (s: string) => cyrillicTextToLatin(s, '2021'),
  '2021 alphabet, ı for ы (the Turkish habit)': (s: string) =>
    cyrillicTextToLatin(s, '2021').replace(/y/gu, 'ı').replace(/Y/gu, 'I'),
} as const;
type Write = (cyrillic: string) => string;

function foreignShare(sentences: readonly string[], write: Write): { words: number; foreign: number } {
  let words = 0;
  let foreign = 0;
  for (let i = 0; i < sentences.length; i += PARAGRAPH) {
    const paragraph = sentences
      .slice(i, i + PARAGRAPH)
      .map(write)
      .join(' ');
    for (const t of analyze(paragraph)) {
      if (t.kind !== 'word') continue;
      words++;
      if (t.lang === 'other') foreign++;
    }
  }
  return { words, foreign };
}

function unmatched(sentences: readonly string[], write: Write) {
  let words = 0;
  const missed = new Map<string, number>();
  for (const s of sentences) {
    const cyrillic = analyze(s, { lang: 'kk' });
    const latin = analyze(write(s), { lang: 'kk' });
    if (cyrillic.length !== latin.length) continue;
    cyrillic.forEach((c, i) => {
      const l = latin[i];
      if (!l || c.kind !== 'word') return;
      const ck = indexKeys(c);
      const lk = indexKeys(l);
      if (!ck || !lk) return;
      words++;
      if (ck.stem === lk.stem || ck.fold === lk.fold) return;
      const key = `${c.norm} ≠ ${l.surface}`;
      missed.set(key, (missed.get(key) ?? 0) + 1);
    });
  }
  const count = [...missed.values()].reduce((a, b) => a + b, 0);
  const top = [...missed].sort((a, b) => b[1] - a[1]).slice(0, SHOWN);
  return { words, count, top };
}

function main(): void {
  const sentences = iob2Sentences(inputPath(process.argv[2])).slice(0, SENTENCES);
  console.log(`KazNERD: ${sentences.length} Cyrillic sentences written in Kazakh Latin by cyrillicTextToLatin`);
  for (const [writing, write] of Object.entries(WRITINGS)) {
    const f = foreignShare(sentences, write);
    const u = unmatched(sentences, write);
    const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(2)} %`;
    console.log(`\n${writing}`);
    console.log(
      `  words of a Kazakh Latin paragraph read as foreign: ${f.foreign} of ${f.words} (${pct(f.foreign, f.words)})`,
    );
    console.log(
      `  words meeting their Cyrillic in neither stem nor fold: ${u.count} of ${u.words} (${pct(u.count, u.words)})`,
    );
    console.log(`  most frequent: ${u.top.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  }
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
