/**
 * Accuracy of detectLang (analyzers/lang/detect.ts):
 *   npm run eval:langid -- ../shared/corpus          the measurement (KazNERD, BSNLP, WMT, Kazinform Latin)
 *   npm run eval:langid -- --dev ../shared/corpus    the tuning sets (Apertium segmentation corpus, UD Taiga
 *                                                    dev, UD KTB train) that the signals were tuned on
 * Units: whole articles, paragraphs (lines with a letter), sentences, and distinct single words (letters only,
 * 2+ of them, in the set's script: Cyrillic for kk and ru, Latin for kk-Latn). KazNERD is also scored folded (қ→к, …): Kazakh typed with Russian letters. Paths may be the
 * corpus folder or the files themselves; a missing set is skipped with a note.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LangTag } from '../analyzers/index.js';
import { detectLang, fold, normalize } from '../analyzers/index.js';
import { iob2Sentences, jsonlTexts } from '../bench/lib/news-text.js';

interface Row {
  set: string;
  unit: string;
  n: number;
  correct: number;
  wrong: Map<string, number>;
}

function score(set: string, unit: string, items: readonly string[], expected: LangTag): Row {
  const row: Row = { set, unit, n: 0, correct: 0, wrong: new Map() };
  for (const item of items) {
    const got = detectLang(item);
    row.n++;
    if (got === expected) row.correct++;
    else row.wrong.set(got, (row.wrong.get(got) ?? 0) + 1);
  }
  return row;
}

const HAS_LETTER = /\p{L}/u;
const WORD = /[\p{L}\p{M}]+/gu;

function paragraphs(texts: readonly string[]): string[] {
  return texts.flatMap((t) =>
    t
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => HAS_LETTER.test(p)),
  );
}

/**
 * Distinct words (as written, first occurrence) of 2+ letters in the set's own script: a Latin word inside a
 * Russian article (a name, an English word) is not a Russian word, so it is not scored against ru.
 */
function words(texts: readonly string[], script: 'Cyrillic' | 'Latin'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const inScript = script === 'Cyrillic' ? /^[\p{Script=Cyrillic}\p{M}]+$/u : /^[\p{Script=Latin}\p{M}]+$/u;
  for (const t of texts) {
    for (const m of t.matchAll(WORD)) {
      const w = m[0];
      if (!inScript.test(w)) continue;
      const key = normalize(w);
      if ([...key].length < 2 || seen.has(key)) continue;
      seen.add(key);
      out.push(w);
    }
  }
  return out;
}

/** Raw sentences of the Apertium segmentation corpus (first column). */
function apertiumSentences(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[0] ?? '')
    .filter((l) => HAS_LETTER.test(l));
}

/** `# text = …` lines of a CoNLL-U file. */
function conlluSentences(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('# text = '))
    .map((l) => l.slice('# text = '.length));
}

function find(paths: readonly string[], rel: string): string | undefined {
  for (const p of paths) {
    if (existsSync(p) && statSync(p).isDirectory() && existsSync(join(p, rel))) return join(p, rel);
    if (existsSync(p) && statSync(p).isFile() && p.endsWith(rel)) return p;
  }
  return undefined;
}

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const paths = args.filter((a) => a !== '--dev');
if (paths.length === 0) {
  process.stderr.write(
    'usage: npm run eval:langid -- [--dev] PATH...   (PATH: the shared corpus folder or its files)\n',
  );
  process.exit(2);
}

const rows: Row[] = [];
const notes: string[] = [];
const foldText = (t: string) => t.replace(/[\p{L}\p{M}]+/gu, (w) => fold(normalize(w)));

if (dev) {
  const seg = find(paths, 'apertium-kaz/segmentation-corpus.tsv');
  if (seg) {
    const s = apertiumSentences(seg);
    rows.push(score('Apertium segmentation (kk, dev)', 'sentence', s, 'kk'));
    rows.push(score('Apertium segmentation folded (kk, dev)', 'sentence', s.map(foldText), 'kk'));
    rows.push(score('Apertium segmentation (kk, dev)', 'word', words(s, 'Cyrillic'), 'kk'));
  } else notes.push('apertium-kaz/segmentation-corpus.tsv not found');
  const ktb = find(paths, 'ud-kk-ktb/kk_ktb-ud-train.conllu');
  if (ktb) rows.push(score('UD KTB train (kk, dev)', 'sentence', conlluSentences(ktb), 'kk'));
  const taiga = find(paths, 'ud-ru-taiga/ru_taiga-ud-dev.conllu');
  if (taiga) {
    const s = conlluSentences(taiga);
    rows.push(score('UD Taiga dev (ru, dev)', 'sentence', s, 'ru'));
    rows.push(score('UD Taiga dev (ru, dev)', 'word', words(s, 'Cyrillic'), 'ru'));
  } else notes.push('ud-ru-taiga/ru_taiga-ud-dev.conllu not found');
} else {
  const nerd = ['kaznerd/IOB2_test2.txt', 'kaznerd/IOB2_valid2.txt']
    .map((r) => find(paths, r))
    .filter((p) => p !== undefined);
  if (nerd.length > 0) {
    const s = nerd.flatMap((p) => iob2Sentences(p));
    rows.push(score('KazNERD (kk)', 'sentence', s, 'kk'));
    rows.push(score('KazNERD folded to Russian letters (kk)', 'sentence', s.map(foldText), 'kk'));
    const w = words(s, 'Cyrillic');
    rows.push(score('KazNERD (kk)', 'word', w, 'kk'));
    rows.push(
      score(
        'KazNERD (kk)',
        'word without ә ғ қ ң ө ұ ү һ і',
        w.filter((x) => !/[әғқңөұүһі]/iu.test(x)),
        'kk',
      ),
    );
  } else notes.push('kaznerd/IOB2_*.txt not found');
  for (const [set, rel, lang] of [
    ['BSNLP 2021 (ru)', 'bsnlp2021-ru/articles.jsonl', 'ru'],
    ['WMT news (ru)', 'wmt-ru-news/articles.jsonl', 'ru'],
    ['Kazinform Latin 2018 (kk-Latn)', 'kazinform-qz-latn/articles.jsonl', 'kk-Latn'],
  ] as const) {
    const file = find(paths, rel);
    if (!file) {
      notes.push(`${rel} not found`);
      continue;
    }
    const texts = jsonlTexts(file).filter((t) => HAS_LETTER.test(t));
    rows.push(score(set, 'article', texts, lang));
    rows.push(score(set, 'paragraph', paragraphs(texts), lang));
    rows.push(score(set, 'word', words(texts, lang === 'kk-Latn' ? 'Latin' : 'Cyrillic'), lang));
  }
}

const pct = (r: Row) => (r.n === 0 ? '–' : ((100 * r.correct) / r.n).toFixed(2));
const wrong = (r: Row) =>
  [...r.wrong]
    .sort((a, b) => b[1] - a[1])
    .map(([l, c]) => `${l} ${c}`)
    .join(', ') || '–';
console.log(
  `Language identification (${dev ? 'tuning sets' : 'measurement sets'}): ${paths.map((p) => basename(p)).join(' ')}`,
);
console.log('');
console.log('| set | unit | n | accuracy % | detected instead |');
console.log('| --- | --- | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.set} | ${r.unit} | ${r.n} | ${pct(r)} | ${wrong(r)} |`);
for (const n of notes) console.log(`note: ${n}`);
process.exitCode = rows.length > 0 ? 0 : 2;
