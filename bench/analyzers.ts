/**
 * Analyzer benchmark: stemmer conflation quality against gold lemmas and paradigms, and throughput.
 *
 *   npm run bench:analyzers -- PATH...      (e.g. ../shared/corpus; files are found by name under the paths)
 *
 * Parts, each skipped with a note when its files are missing (exit 0 when at least one part ran, else 1):
 *  1. UD Kazakh-KTB test — pairwise conflation of stemKk vs a 4-letter truncation and a naive suffix list, for NOUN,
 *     VERB, NOUN+PROPN+ADJ and all four;
 *  2. UD Russian GSD test + Taiga test — pairwise conflation of stemRu vs Snowball, natural, the light stemmer,
 *     az's first reading and a 4-letter truncation;
 *     plus the same methods on single words of the BSNLP 2021 Russian named-entity lemmas (names in news);
 *  3. Apertium paradigm tables (Kazakh) — distinct keys per paradigm and the share of forms with the majority key;
 *  4. throughput (MB/s of UTF-8 input, single thread) of analyze() and of stemRu/stemKk alone, cold and warm.
 *
 * Word forms are normalized like index input (NFC, stress accents removed, lowercase, ё→е) and kept only when
 * they are one word token (letters and marks; the tokenizer splits hyphenated compounds and drops digits).
 */
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import natural from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import snowball from 'snowball-stemmers';
import type { Stemmer } from '../analyzers/index.js';
import { lightStemRu, ruDictionaryLoad, ruReadings, stemRu } from '../analyzers/index.js';
import { type ConlluWord, readConllu } from './lib/conllu.js';
import { findFile, listFiles } from './lib/find-files.js';
import { naiveKazakhStem } from './lib/kk-naive.js';
import { distinctForms, type FormLemma, pairwise } from './lib/pairwise.js';
import { fixed, printTable } from './lib/table.js';
import { measureInChild, type ThroughputResult, type ThroughputSpec } from './lib/throughput.js';

const KK_NOMINAL = ['NOUN', 'PROPN', 'ADJ'];
const KK_WITH_VERB = [...KK_NOMINAL, 'VERB'];
/** Russian content words: the open classes that carry a query (adverbs and auxiliaries left out). */
const RU_CONTENT = ['NOUN', 'PROPN', 'ADJ', 'VERB'];

const STRESS = /[\u0300\u0301]/gu;
const WORD_TOKEN = /^[\p{L}\p{M}]+$/u;

/** Index-style normalization of a gold form or lemma. */
export const normalizeForm = (s: string): string =>
  s.normalize('NFD').replace(STRESS, '').normalize('NFC').toLowerCase().replaceAll('ё', 'е');

/** Distinct normalized one-token forms of the given parts of speech, each with its gold lemma. */
function goldForms(words: readonly ConlluWord[], upos: readonly string[]): FormLemma[] {
  const kept = words
    .filter((w) => upos.includes(w.upos))
    .map((w) => ({ form: normalizeForm(w.form), lemma: normalizeForm(w.lemma) }))
    .filter((w) => WORD_TOKEN.test(w.form));
  return distinctForms(kept);
}

const truncate4: Stemmer = (w) => [...w].slice(0, 4).join('');
const identity: Stemmer = (w) => w;
const snowballRu = snowball.newStemmer('russian');

const scoreRow = (name: string, forms: readonly FormLemma[], key: Stemmer): string[] => {
  const s = pairwise(forms, key);
  return [name, String(s.forms), fixed(s.recall), fixed(s.precision), fixed(s.f1)];
};

/**
 * stemKk, loaded at run time: the Kazakh stemmer is another engineer's module, and one that fails to load should
 * cost its rows, not the whole benchmark.
 */
async function loadStemKk(): Promise<Stemmer | undefined> {
  try {
    return (await import('../analyzers/index.js')).stemKk;
  } catch (err) {
    note(
      `analyzers/kk/stem.ts failed to load, Kazakh "ours" rows left out: ${err instanceof Error ? err.message : String(err)}`,
    );
    return undefined;
  }
}

/** Kazakh methods: ours (when it loads) and the baselines. */
function kazakhMethods(stemKk: Stemmer | undefined): Array<[string, Stemmer]> {
  return [
    ...(stemKk ? [['ours (stemKk)', stemKk] as [string, Stemmer]] : []),
    ['naive suffix list', naiveKazakhStem],
    ['4-letter truncation', truncate4],
    ['none (surface form)', identity],
  ];
}

function kazakhUd(files: readonly string[], stemKk: Stemmer | undefined): boolean {
  const path = findFile(files, 'kk_ktb-ud-test.conllu');
  if (!path) return skip('UD Kazakh-KTB', 'kk_ktb-ud-test.conllu');
  const words = readConllu(path);
  const methods = kazakhMethods(stemKk);
  for (const [label, upos] of [
    ['NOUN', ['NOUN']],
    ['VERB', ['VERB']],
    ['NOUN+PROPN+ADJ', KK_NOMINAL],
    ['NOUN+PROPN+ADJ+VERB', KK_WITH_VERB],
  ] as const) {
    const forms = goldForms(words, upos);
    printTable(
      `UD Kazakh-KTB test, ${label}: pairwise conflation over distinct forms (${path})`,
      ['method', 'forms', 'recall', 'precision', 'F1'],
      methods.map(([name, key]) => scoreRow(name, forms, key)),
    );
  }
  return true;
}

/** stemRu and the Russian candidates and baselines it was chosen over. */
function russianMethods(): Array<[string, Stemmer]> {
  const azFirst: Stemmer = (w) => ruReadings(w)[0]?.lemma ?? w;
  return [
    ['ours (stemRu)', stemRu],
    ['az first reading', azFirst],
    ['Snowball', (w) => snowballRu.stem(w)],
    ['natural PorterStemmerRu', (w) => natural.stem(w)],
    ['light (Savoy)', lightStemRu],
    ['4-letter truncation', truncate4],
    ['none (surface form)', identity],
  ];
}

function russianUd(files: readonly string[]): boolean {
  const gsd = findFile(files, 'ru_gsd-ud-test.conllu');
  const taiga = findFile(files, 'ru_taiga-ud-test.conllu');
  if (!gsd && !taiga) return skip('UD Russian', 'ru_gsd-ud-test.conllu and ru_taiga-ud-test.conllu');
  if (!gsd) note('UD Russian: ru_gsd-ud-test.conllu not found; Taiga only');
  if (!taiga) note('UD Russian: ru_taiga-ud-test.conllu not found; GSD only');
  const sets: Array<[string, ConlluWord[]]> = [];
  if (gsd) sets.push(['GSD', readConllu(gsd)]);
  if (taiga) sets.push(['Taiga', readConllu(taiga)]);
  const combined = goldForms(
    sets.flatMap(([, w]) => w),
    RU_CONTENT,
  );
  const perSet = sets.map(([name, w]) => [name, goldForms(w, RU_CONTENT)] as const);
  const methods = russianMethods();
  printTable(
    `UD Russian ${sets.map(([n]) => n).join('+')} test, ${RU_CONTENT.join('+')}: pairwise conflation over distinct forms`,
    ['method', 'forms', 'recall', 'precision', 'F1', ...perSet.map(([n]) => `F1 ${n}`)],
    methods.map(([name, key]) => [
      ...scoreRow(name, combined, key),
      ...perSet.map(([, forms]) => fixed(pairwise(forms, key).f1)),
    ]),
  );
  console.log(
    `Russian dictionary (az, OpenCorpora): loaded in ${ruDictionaryLoad.ms.toFixed(0)} ms, ` +
      `heap +${(ruDictionaryLoad.heapBytes / 1e6).toFixed(1)} MB, array buffers +${(ruDictionaryLoad.arrayBufferBytes / 1e6).toFixed(1)} MB`,
  );
  return true;
}

/**
 * Word-level (form, lemma) pairs of the BSNLP annotated files (`surface<TAB>lemma<TAB>TYPE<TAB>ID`): a multi-word
 * name is split into words when surface and lemma have as many words («Линасом Линкявичюсом» → two pairs).
 */
function bsnlpPairs(paths: readonly string[]): FormLemma[] {
  const out: FormLemma[] = [];
  const words = (s: string): string[] =>
    s
      .replace(/["«»„“”]/gu, ' ')
      .split(/[\s-]+/u)
      .filter(Boolean);
  for (const path of paths) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 4) continue;
      const forms = words(cols[0] ?? '');
      const lemmas = words(cols[1] ?? '');
      if (forms.length !== lemmas.length) continue;
      for (const [i, form] of forms.entries())
        out.push({ form: normalizeForm(form), lemma: normalizeForm(lemmas[i] ?? '') });
    }
  }
  return distinctForms(out.filter((p) => WORD_TOKEN.test(p.form) && /\p{Script=Cyrillic}/u.test(p.form)));
}

function russianNames(files: readonly string[]): boolean {
  const marker = `${sep}bsnlp2021-ru${sep}annotated${sep}`;
  const paths = files.filter((f) => f.includes(marker));
  if (paths.length === 0) return skip('BSNLP Russian names', 'bsnlp2021-ru/annotated/*');
  const forms = bsnlpPairs(paths);
  printTable(
    `BSNLP 2021 Russian named entities (${paths.length} annotated files), single Cyrillic words of names: pairwise conflation`,
    ['method', 'forms', 'recall', 'precision', 'F1'],
    russianMethods().map(([name, key]) => scoreRow(name, forms, key)),
  );
  return true;
}

/** First token of an Apertium form ("мектептің бе", "мектептің-ақ" → "мектептің"): clitics are own tokens. */
const apertiumForm = (line: string): string => normalizeForm(line.slice(0, line.indexOf(':')).split(/[\s-]/u)[0] ?? '');

function apertiumParadigms(files: readonly string[], stemKk: Stemmer | undefined): boolean {
  const names = ['N1', 'A1', 'V-TV'];
  const found = names
    .map((n) => [n, findFile(files, `paradigm-${n}.txt.gz`)] as const)
    .filter((x): x is readonly [string, string] => x[1] !== undefined);
  if (found.length === 0) return skip('Apertium paradigms', 'paradigm-N1/A1/V-TV.txt.gz');
  for (const n of names) if (!found.some(([m]) => m === n)) note(`Apertium: paradigm-${n}.txt.gz not found`);
  const paradigms = found.map(([name, path]) => {
    const lines = gunzipSync(readFileSync(path))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.includes(':'));
    const forms = [...new Set(lines.map(apertiumForm).filter((f) => WORD_TOKEN.test(f)))];
    return { name, forms };
  });
  const methods = kazakhMethods(stemKk);
  const rows = methods.map(([method, key]) => [
    method,
    ...paradigms.flatMap(({ forms }) => {
      const counts = new Map<string, number>();
      for (const f of forms) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
      const majority = Math.max(...counts.values());
      return [String(counts.size), fixed((100 * majority) / forms.length, 1)];
    }),
  ]);
  printTable(
    `Apertium Kazakh paradigms (${paradigms.map((p) => `${p.name}: ${p.forms.length} distinct one-token forms`).join(', ')}): ` +
      'distinct keys, % of forms with the majority key',
    ['method', ...paradigms.flatMap((p) => [`${p.name} keys`, `${p.name} maj%`])],
    rows,
  );
  return true;
}

function throughput(files: readonly string[]): boolean {
  const corpora: Array<[string, string[]]> = [
    ['kaznerd', ['kaznerd/IOB2_test2.txt', 'kaznerd/IOB2_valid2.txt']],
    ['bsnlp2021-ru', ['bsnlp2021-ru/articles.jsonl']],
    ['wmt-ru-news', ['wmt-ru-news/articles.jsonl']],
    ['kazinform-qz-latn', ['kazinform-qz-latn/articles.jsonl']],
  ];
  const located = new Map<string, string[]>();
  for (const [name, tails] of corpora) {
    const paths = tails.map((t) => findFile(files, t)).filter((p): p is string => p !== undefined);
    if (paths.length) located.set(name, paths);
    else note(`throughput: ${tails.join(', ')} not found; ${name} skipped`);
  }
  if (located.size === 0) return skip('throughput', 'the news text files');
  const ru = ['bsnlp2021-ru', 'wmt-ru-news'].flatMap((c) => located.get(c) ?? []);
  const specs: ThroughputSpec[] = [...located].map(([corpus, paths]) => ({ target: 'analyze', corpus, files: paths }));
  if (ru.length) specs.push({ target: 'stemRu', corpus: 'bsnlp2021-ru + wmt-ru-news words', files: ru });
  const kk = located.get('kaznerd');
  if (kk) specs.push({ target: 'stemKk', corpus: 'kaznerd words', files: kk });

  const rows: string[][] = [];
  for (const spec of specs) {
    const r = measureInChild(spec);
    if ('skipped' in r) {
      note(`throughput ${spec.target} on ${spec.corpus}: ${r.skipped}`);
      continue;
    }
    rows.push(throughputRow(r));
  }
  if (rows.length === 0) return false;
  printTable(
    'Throughput, single thread, MB of UTF-8 input per second (analyze: whole texts; stemmers: the words alone). ' +
      'Cold = first pass in a fresh process; warm = later passes.',
    ['function', 'corpus', 'MB', 'load ms', 'load RSS MB', 'cold MB/s', 'warm MB/s'],
    rows,
  );
  return true;
}

const throughputRow = (r: ThroughputResult): string[] => [
  r.target,
  r.corpus,
  fixed(r.megabytes, 2),
  fixed(r.loadMs, 0),
  fixed(r.loadRssMb, 1),
  fixed(r.coldMbPerS, 2),
  fixed(r.warmMbPerS, 2),
];

function skip(part: string, what: string): false {
  note(`${part}: ${what} not found under the given paths; part skipped`);
  return false;
}

function note(message: string): void {
  console.log(`note: ${message}`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help')) {
    console.log('usage: npm run bench:analyzers -- PATH...   (folders or files, e.g. ../shared/corpus)');
    return args.length === 0 ? 1 : 0;
  }
  const files = listFiles(args);
  console.log(
    `izde analyzer benchmark — ${new Date().toISOString()} — node ${process.version} — ${files.length} files under ${args.join(', ')}`,
  );
  const needKazakh =
    findFile(files, 'kk_ktb-ud-test.conllu') || files.some((f) => /paradigm-[\w-]+\.txt\.gz$/u.test(f));
  const stemKk = needKazakh ? await loadStemKk() : undefined;
  const ran = [
    kazakhUd(files, stemKk),
    russianUd(files),
    russianNames(files),
    apertiumParadigms(files, stemKk),
    throughput(files),
  ];
  return ran.some(Boolean) ? 0 : 1;
}

process.exitCode = await main();
