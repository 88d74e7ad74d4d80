/**
 * Development bench of the Kazakh stemmer, on tuning data only (plus the aggregate score of the KTB test file,
 * never its words).
 *
 *   npx tsx bench/kk-stem-dev.ts [CORPUS_DIR=../shared/corpus] [--errors N] [--words w1,w2,...]
 *
 * Prints: pairwise conflation (bench/lib/pairwise.ts) on the KTB train sample and, as an aggregate, on the KTB
 * test file; pairwise against the first segment of the Apertium segmentation corpus (silver); conflation of the
 * three Apertium paradigms; form→lemma conflation on eval-ref.1000; the fold invariant rate; speed.
 * --errors N lists the N largest over- and under-merges on the tuning sets (segmentation corpus, KTB train, the verb
 * and noun readings of eval-ref). The KTB rows keep one-token forms as bench/analyzers.ts does, so test aggregates match it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fold, stemKk, stemKkFolded } from '../analyzers/index.js';
import { readConllu } from './lib/conllu.js';
import { distinctForms, type FormLemma, pairwise } from './lib/pairwise.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus =
  args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]?.startsWith('--'))) ?? '../shared/corpus';
const showErrors = Number(flag('--errors') ?? 0);
const probe = flag('--words');

const NPA = new Set(['NOUN', 'PROPN', 'ADJ']);
const NPAV = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB']);
const VERB = new Set(['VERB']);
const NOUN = new Set(['NOUN']);
const LETTERS = /^[\p{L}-]+$/u;
/** One-token forms as bench/analyzers.ts keeps them (no hyphen, ё as е), so the KTB rows match the official ones. */
const WORD_TOKEN = /^[\p{L}\p{M}]+$/u;
const norm = (s: string): string => s.toLowerCase().replaceAll('ё', 'е');

const pct = (x: number): string => (100 * x).toFixed(1);
const fmt = (s: { forms: number; recall: number; precision: number; f1: number }): string =>
  `forms ${String(s.forms).padStart(5)}  R ${pct(s.recall)}  P ${pct(s.precision)}  F1 ${pct(s.f1)}`;

function conlluForms(path: string, upos: ReadonlySet<string>): FormLemma[] {
  const words = readConllu(path).filter((w) => upos.has(w.upos) && WORD_TOKEN.test(w.form));
  return distinctForms(words.map((w) => ({ form: norm(w.form), lemma: norm(w.lemma) })));
}

/** The value of `k` in `map`, made and stored first when missing. */
function entryOf<K, V>(map: Map<K, V>, k: K, make: () => V): V {
  let v = map.get(k);
  if (v === undefined) {
    v = make();
    map.set(k, v);
  }
  return v;
}

/** Largest key groups that mix lemmas (over-merges) and lemmas split over keys (under-merges). */
function errors(forms: readonly FormLemma[], key: (w: string) => string, n: number, label: string): void {
  const byKey = new Map<string, FormLemma[]>();
  const byLemma = new Map<string, Map<string, string[]>>();
  for (const f of forms) {
    const k = key(f.form);
    entryOf(byKey, k, () => []).push(f);
    entryOf(
      entryOf(byLemma, f.lemma, () => new Map<string, string[]>()),
      k,
      () => [],
    ).push(f.form);
  }
  const over = [...byKey.entries()]
    .map(([k, fs]) => {
      const lemmas = new Map<string, number>();
      for (const f of fs) lemmas.set(f.lemma, (lemmas.get(f.lemma) ?? 0) + 1);
      const sizes = [...lemmas.values()];
      const total = (fs.length * (fs.length - 1)) / 2;
      const good = sizes.reduce((a, s) => a + (s * (s - 1)) / 2, 0);
      return { k, bad: total - good, lemmas };
    })
    .filter((x) => x.bad > 0)
    .sort((a, b) => b.bad - a.bad);
  console.log(`\n  ${label}: over-merges (bad pairs, key: lemma×forms)`);
  for (const o of over.slice(0, n))
    console.log(`    ${o.bad}\t${o.k}: ${[...o.lemmas.entries()].map(([l, c]) => `${l}×${c}`).join(' ')}`);
  const under = [...byLemma.entries()]
    .map(([l, m]) => {
      const sizes = [...m.values()].map((x) => x.length);
      const total = sizes.reduce((a, b) => a + b, 0);
      const missed = (total * (total - 1)) / 2 - sizes.reduce((a, s) => a + (s * (s - 1)) / 2, 0);
      return { l, missed, m };
    })
    .filter((x) => x.missed > 0)
    .sort((a, b) => b.missed - a.missed);
  console.log(`  ${label}: under-merges (missed pairs, lemma: key[forms])`);
  for (const u of under.slice(0, n))
    console.log(
      `    ${u.missed}\t${u.l}: ${[...u.m.entries()].map(([k, fs]) => `${k}[${fs.slice(0, 4).join(',')}${fs.length > 4 ? ',…' : ''}]`).join(' ')}`,
    );
}

const parsesOf = flag('--parses');
if (parsesOf) {
  const { compileGrammar, loadGrammar, parseSuffixes, KK_ALPHABET, FOLDED_ALPHABET } = await import(
    '../analyzers/index.js'
  );
  for (const [w, cg, alphabet] of parsesOf
    .split(',')
    .flatMap((w) => [
      [w, compileGrammar(loadGrammar()), KK_ALPHABET] as const,
      [fold(w), compileGrammar(loadGrammar(), fold), FOLDED_ALPHABET] as const,
    ])) {
    for (const p of parseSuffixes(cg, w, 2, alphabet.classBefore, [])) {
      const stem = w.slice(0, p.stemEnd);
      const ok =
        (alphabet.classOfEnd(stem) & p.after) !== 0 &&
        (alphabet.classOfEnd(stem) & p.notAfter) === 0 &&
        (p.series === null || alphabet.harmonyAllows(stem, p.series));
      console.log(
        `${alphabet.name}\t${stem}|${w.slice(p.stemEnd)}\t${p.firstMorpheme}:${p.firstForm}\t${p.verbal ? 'verb' : 'noun'}${p.needsVerbEvidence ? '+evidence' : ''}\t${ok ? 'fits' : '-'}`,
      );
    }
  }
  process.exit(0);
}

if (probe) {
  for (const w of probe.split(',')) console.log(`${w}\t${stemKk(w)}\t${fold(w)}\t${stemKkFolded(fold(w))}`);
  process.exit(0);
}

// 1. KTB: train words may be looked at; test only as an aggregate score.
const ktb = join(corpus, 'ud-kk-ktb');
const KTB_SETS = [
  ['NOUN                ', NOUN],
  ['VERB                ', VERB],
  ['NOUN+PROPN+ADJ      ', NPA],
  ['NOUN+PROPN+ADJ+VERB ', NPAV],
] as const;
console.log('KTB train (tuning)');
const trainPath = join(ktb, 'kk_ktb-ud-train.conllu');
for (const [label, set] of KTB_SETS) console.log(`  ${label} ${fmt(pairwise(conlluForms(trainPath, set), stemKk))}`);
const trainNpav = conlluForms(trainPath, NPAV);
console.log('KTB test (aggregate only)');
const testPath = join(ktb, 'kk_ktb-ud-test.conllu');
for (const [label, set] of KTB_SETS) {
  const forms = conlluForms(testPath, set);
  console.log(
    `  ${label} ${fmt(pairwise(forms, stemKk))}   folded: ${fmt(pairwise(forms, (w) => stemKkFolded(fold(w))))}`,
  );
  const trunc = pairwise(forms, (w) => w.slice(0, 4));
  console.log(`  ${' '.repeat(label.length)} 4-letter truncation F1 ${pct(trunc.f1)}`);
}

// 2. Segmentation corpus: first segment ≈ stem (silver).
const seg = new Map<string, string>();
for (const line of readFileSync(join(corpus, 'apertium-kaz', 'segmentation-corpus.tsv'), 'utf8').split('\n')) {
  const segmented = line.split('\t')[1];
  if (!segmented) continue;
  for (const tok of segmented.split(' ')) {
    const t = tok.toLowerCase();
    if (!LETTERS.test(t.replaceAll('·', ''))) continue;
    const word = t.replaceAll('·', '');
    if (word.length < 2 || !seg.has(word)) seg.set(word, t.split('·')[0] ?? word);
  }
}
const segForms = [...seg.entries()].map(([form, lemma]) => ({ form, lemma }));
console.log(`\nSegmentation corpus (silver: first segment), ${segForms.length} distinct words`);
console.log(`  pairwise             ${fmt(pairwise(segForms, stemKk))}`);
const segStem = segForms.filter((f) => f.form !== f.lemma);
const sameAsStem = segStem.filter((f) => stemKk(f.form) === stemKk(f.lemma)).length;
console.log(
  `  inflected words keyed like their first segment: ${pct(sameAsStem / segStem.length)}% of ${segStem.length}`,
);
let foldOk = 0;
const foldBad: string[] = [];
for (const { form } of segForms) {
  if (stemKkFolded(fold(form)) === fold(stemKk(form))) foldOk++;
  else if (foldBad.length < 40) foldBad.push(`${form}:${fold(stemKk(form))}≠${stemKkFolded(fold(form))}`);
}
console.log(`  fold invariant stemKkFolded(fold(w)) === fold(stemKk(w)): ${pct(foldOk / segForms.length)}%`);

// 3. Paradigms: all forms of one word each; fewer keys is better. "in scope" leaves out the categories the
// stemmer does not conflate by design: possessive 1sg and informal 2nd person, informal 2nd-person copula,
// similative, passive and cooperative voice.
const OUT_OF_SCOPE = /<px1sg>|<px2sg>(?!<frm>)|<px2pl>(?!<frm>)|<cop><aor><p2>|<p2><sg>|<p2><pl>|<sim>|<pass>|<coop>/u;
console.log('\nApertium paradigms (single-token forms)');
const keyReport = (forms: ReadonlySet<string>): string => {
  const keys = new Map<string, number>();
  for (const f of forms) keys.set(stemKk(f), (keys.get(stemKk(f)) ?? 0) + 1);
  const sorted = [...keys.entries()].sort((a, b) => b[1] - a[1]);
  const top = sorted[0] ?? ['', 0];
  return `${forms.size} forms → ${keys.size} keys; «${top[0]}» holds ${pct(top[1] / forms.size)}%; next: ${sorted
    .slice(1, 5)
    .map(([k, c]) => `${k}×${c}`)
    .join(' ')}`;
};
for (const name of ['N1', 'A1', 'V-TV']) {
  const text = gunzipSync(readFileSync(join(corpus, 'apertium-kaz', `paradigm-${name}.txt.gz`))).toString('utf8');
  const forms = new Set<string>();
  const inScope = new Set<string>();
  for (const line of text.split('\n')) {
    const [form = '', analysis = ''] = line.split(':');
    if (!form || !/^\p{L}+$/u.test(form)) continue;
    forms.add(form.toLowerCase());
    // Clitic readings (+ма<qst>, +-ақ) are separate tokens in text; the copula (+е<cop>) is a suffix.
    const own = analysis.replace(/\+(?!е<cop>).*$/u, '');
    if (!OUT_OF_SCOPE.test(own)) inScope.add(form.toLowerCase());
  }
  console.log(`  ${name.padEnd(5)} all:      ${keyReport(forms)}`);
  console.log(`  ${' '.repeat(5)} in scope: ${keyReport(inScope)}`);
}

// 4. eval-ref: does a form share its key with one of its analyser lemmas?
const refLines = readFileSync(join(corpus, 'apertium-kaz', 'eval-ref.1000.txt'), 'utf8').split('\n');
let refN = 0;
let refOk = 0;
const refBad: string[] = [];
/** Forms with a verb reading and the lemma of the first one (Apertium's convention: passive and reciprocal are
 *  readings of the root, as in UD KTB). */
const refVerbs: FormLemma[] = [];
const refNouns: FormLemma[] = [];
for (const line of refLines) {
  const m = /^\^([^/]+)\/(.*)\$$/u.exec(line.trim());
  if (!m?.[1] || !m[2]) continue;
  const form = m[1].toLowerCase();
  if (!/^\p{L}+$/u.test(form)) continue;
  const verbReading = m[2].split('/').find((a) => /^[^<+]+<v>/u.test(a));
  if (verbReading) refVerbs.push({ form, lemma: (verbReading.split('<')[0] ?? '').toLowerCase() });
  const nounReading = m[2].split('/').find((a) => /^[^<+]+<n>/u.test(a));
  if (nounReading) refNouns.push({ form, lemma: (nounReading.split('<')[0] ?? '').toLowerCase() });
  const lemmas = new Set(m[2].split('/').map((a) => (a.split('<')[0] ?? '').toLowerCase()));
  if ([...lemmas].some((l) => l === '*' || l.includes(' ') || l === '')) continue;
  refN++;
  if ([...lemmas].some((l) => stemKk(l) === stemKk(form))) refOk++;
  else if (refBad.length < 30)
    refBad.push(`${form}→${stemKk(form)} (${[...lemmas].map((l) => `${l}→${stemKk(l)}`).join(', ')})`);
}
console.log(`\neval-ref.1000: form keyed like one of its lemmas: ${pct(refOk / refN)}% of ${refN}`);
const refVerbForms = distinctForms(refVerbs);
console.log(`  verb readings, pairwise  ${fmt(pairwise(refVerbForms, stemKk))}`);
const refNounForms = distinctForms(refNouns);
console.log(`  noun readings, pairwise  ${fmt(pairwise(refNounForms, stemKk))}`);

// 5. Speed.
const all = segForms.map((f) => f.form);
const t0 = performance.now();
let sink = 0;
for (let r = 0; r < 5; r++) for (const w of all) sink += stemKk(w).length;
const ms = performance.now() - t0;
console.log(
  `\nspeed: ${Math.round((5 * all.length) / (ms / 1000)).toLocaleString('en')} words/s (${sink > 0 ? 'ok' : ''})`,
);

if (showErrors > 0) {
  errors(segForms, stemKk, showErrors, 'segmentation corpus');
  errors(trainNpav, stemKk, showErrors, 'KTB train NOUN+PROPN+ADJ+VERB');
  errors(refVerbForms, stemKk, showErrors, 'eval-ref verb readings');
  errors(refNounForms, stemKk, showErrors, 'eval-ref noun readings');
  console.log('\n  fold invariant failures:', foldBad.join('  '));
  console.log(`\n  eval-ref misses:\n    ${refBad.join('\n    ')}`);
}
