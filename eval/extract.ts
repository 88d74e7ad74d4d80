// Accuracy of extraction (title, date, year, source, language, organizations).
//   npm run eval:extract -- ../shared/corpus data/articles      (paths in any order)
// A path is recognized by its content: a folder of seed pages (ids listed in eval/seeds-expected.json), a corpus
// root holding kazinform-qz-latn/ and/or bsnlp2021-ru/, or one of those data sets directly.
//
// Comparison rules:
// - title: equal after normalization (NFC, lowercase, ё→е, quotes dropped, dashes unified, spaces collapsed,
//   final . ! ? … : dropped);
// - date: the same calendar day (YYYY-MM-DD) as the gold date; "found" = an explicit date was extracted;
// - year: the same year, whether the date was explicit or the year inferred;
// - source: the same facet value (gold URLs/domains reduced to their registrable domain);
// - lang: the same BCP 47 tag; orgs: the same set of codes (seeds only: the corpora carry no gold orgs).
// Rates are "correct / compared", with coverage ("found / compared") where the extractor may abstain.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeFile, extractFromRecord, extractFromText } from '../indexer/extract/index.js';
import { registrableDomain } from '../indexer/extract/source.js';
import type { Article } from '../indexer/types.js';

interface SeedExpected {
  title: string;
  date: string | null;
  year: number | null;
  lang: string;
  source: string | null;
  orgs: string[];
  absent: string[];
}

const normTitle = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»“”„"'’‘`]/gu, '')
    .replace(/[‐-―−]/gu, '-')
    .replace(/\s+/gu, ' ')
    .replace(/[\s.!?…:]+$/u, '')
    .trim();

/** Counts for one field: compared, found (extractor gave a value), correct. */
class Tally {
  compared = 0;
  found = 0;
  correct = 0;
  /** Correct among the found ones (a null that should be null is correct but not found). */
  foundCorrect = 0;
  add(found: boolean, correct: boolean): void {
    this.compared++;
    if (found) this.found++;
    if (correct) this.correct++;
    if (found && correct) this.foundCorrect++;
  }
  get acc(): string {
    return this.compared
      ? `${((100 * this.correct) / this.compared).toFixed(1)}% (${this.correct}/${this.compared})`
      : '—';
  }
  get cov(): string {
    return this.compared ? `${((100 * this.found) / this.compared).toFixed(1)}%` : '—';
  }
  /** Accuracy among the cases where the extractor gave a value. */
  get precision(): string {
    return this.found
      ? `${((100 * this.foundCorrect) / this.found).toFixed(1)}% (${this.foundCorrect}/${this.found})`
      : '—';
  }
}

interface Report {
  name: string;
  docs: number;
  ms: number;
  fields: Record<string, Tally>;
  notes: string[];
}

const newReport = (name: string, fields: string[]): Report => ({
  name,
  docs: 0,
  ms: 0,
  fields: Object.fromEntries(fields.map((f) => [f, new Tally()])),
  notes: [],
});

/** The report's tally of one field (made on first use, after the fields named up front). */
function tally(r: Report, field: string): Tally {
  let t = r.fields[field];
  if (!t) {
    t = new Tally();
    r.fields[field] = t;
  }
  return t;
}

// ---- seeds ---------------------------------------------------------------------------------------------------
function evalSeeds(dir: string, expected: Record<string, SeedExpected>): Report {
  const r = newReport(`seeds (${dir})`, [
    'title',
    'date',
    'year',
    'year (inferred only)',
    'source',
    'lang',
    'orgs',
    'furniture gone',
  ]);
  for (const [id, e] of Object.entries(expected)) {
    const path = join(dir, `${id}.txt`);
    if (!existsSync(path)) continue;
    const t0 = performance.now();
    const a = extractFromText(decodeFile(readFileSync(path), path), { id });
    r.ms += performance.now() - t0;
    r.docs++;
    tally(r, 'title').add(true, normTitle(a.title) === normTitle(e.title));
    tally(r, 'date').add(a.date !== null, (a.date?.slice(0, 10) ?? null) === (e.date?.slice(0, 10) ?? null));
    tally(r, 'year').add(a.year !== null, a.year === e.year);
    if (a.dateSource === 'inferred') tally(r, 'year (inferred only)').add(true, a.year === e.year);
    tally(r, 'source').add(a.source !== null, a.source === e.source);
    tally(r, 'lang').add(true, a.lang === e.lang);
    tally(r, 'orgs').add(true, JSON.stringify(a.orgs) === JSON.stringify([...e.orgs].sort()));
    const left = e.absent.filter((w) => a.body.includes(w));
    tally(r, 'furniture gone').add(true, left.length === 0);
    const wrong = [
      normTitle(a.title) !== normTitle(e.title) && `title «${a.title}»`,
      (a.date?.slice(0, 10) ?? null) !== (e.date?.slice(0, 10) ?? null) && `date ${a.date}`,
      a.year !== e.year && `year ${a.year}`,
      a.source !== e.source && `source ${a.source}`,
      a.lang !== e.lang && `lang ${a.lang}`,
      JSON.stringify(a.orgs) !== JSON.stringify([...e.orgs].sort()) && `orgs ${a.orgs.join(',')}`,
      left.length > 0 && `furniture left: ${left.join(', ')}`,
    ].filter(Boolean);
    if (wrong.length) r.notes.push(`${id}: ${wrong.join('; ')}`);
  }
  return r;
}

// ---- Kazinform (Kazakh Latin, raw page text with recorded title and datetime_raw) -------------------------------
/** The 2018 Latin month names Kazinform prints in datetime_raw («17:36, 30 Qańtar 2026»): an independent parser. */
const KAZINFORM_MONTHS = [
  'qańtar',
  'aqpan',
  'naýryz',
  'sáýir',
  'mamyr',
  'maýsym',
  'shilde',
  'tamyz',
  'qyrkúıek',
  'qazan',
  'qarasha',
  'jeltoqsan',
];
function kazinformDay(raw: string): string | null {
  const m = /(\d{1,2})\s+(\p{L}+)\s+(\d{4})/u.exec(raw);
  if (!m) return null;
  const mo = KAZINFORM_MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  return mo ? `${m[3]}-${String(mo).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : null;
}

function evalKazinform(file: string): Report {
  const r = newReport('Kazinform qz (kk-Latn, raw text only)', [
    'title',
    'date',
    'year',
    'year (inferred only)',
    'source',
    'lang',
  ]);
  let dateInText = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { url: string; title: string; datetime_raw: string; text: string };
    const day = kazinformDay(rec.datetime_raw);
    const t0 = performance.now();
    // Only the raw text goes in: title, date and source must come from it.
    const a: Article = extractFromRecord({ text: rec.text }, { id: rec.url });
    r.ms += performance.now() - t0;
    r.docs++;
    if (rec.text.includes(rec.datetime_raw.slice(0, 5))) dateInText++;
    tally(r, 'title').add(true, normTitle(a.title) === normTitle(rec.title));
    if (day) {
      tally(r, 'date').add(a.date !== null, a.date?.slice(0, 10) === day);
      tally(r, 'year').add(a.year !== null, a.year === Number(day.slice(0, 4)));
      if (a.dateSource === 'inferred') tally(r, 'year (inferred only)').add(true, a.year === Number(day.slice(0, 4)));
    }
    const gold = registrableDomain(new URL(rec.url).hostname);
    tally(r, 'source').add(a.source !== null, a.source === gold);
    tally(r, 'lang').add(true, a.lang === 'kk-Latn');
  }
  r.notes.push(
    `${dateInText} of ${r.docs} raw texts contain their date line; the others state no date (year can only be inferred).`,
  );
  return r;
}

// ---- BSNLP 2021 (Russian, 5 header lines then the body) ----------------------------------------------------------
/** Topics whose header date and URL are placeholders (see corpus/SOURCES.md). */
const BSNLP_PLACEHOLDER = new Set(['covid-19', 'us_election_2020']);
/** A header title that is a page's navigation or carries the site name is not a headline to compare with. */
const realTitle = (t: string): string | null => {
  const s = t.replace(/^\d{1,2}:\d{2}\s+/u, '').trim();
  if (!s || /::|\/\/|\s\|\s/u.test(s) || /[:\-–—]\s*[\p{L}\d-]+\.(?:ru|com|ua|by|kz|org|net)\s*$/iu.test(s))
    return null;
  return s;
};

function evalBsnlp(dir: string): Report {
  const r = newReport('BSNLP 2021 ru (body only)', [
    'title',
    'title (in body)',
    'date',
    'year',
    'year (inferred only)',
    'source',
    'lang',
  ]);
  for (const topic of readdirSync(dir).sort()) {
    const tdir = join(dir, topic);
    if (!statSync(tdir).isDirectory()) continue;
    for (const f of readdirSync(tdir).sort()) {
      const lines = readFileSync(join(tdir, f), 'utf8').split('\n');
      const [, , date = '', url = '', title = ''] = lines;
      const body = lines.slice(5).join('\n');
      if (!/\p{L}/u.test(body)) continue;
      const t0 = performance.now();
      const a = extractFromText(body, { id: `${topic}/${f}` });
      r.ms += performance.now() - t0;
      r.docs++;
      const gold = realTitle(title);
      if (gold) {
        const ok = normTitle(a.title) === normTitle(gold);
        tally(r, 'title').add(true, ok);
        const head = body
          .split('\n')
          .map((l) => normTitle(l))
          .filter(Boolean)
          .slice(0, 4);
        if (head.some((l) => l.includes(normTitle(gold)))) tally(r, 'title (in body)').add(true, ok);
      }
      const real = !BSNLP_PLACEHOLDER.has(topic) && /^\d{4}-\d{2}-\d{2}$/.test(date.trim());
      if (real) {
        tally(r, 'date').add(a.date !== null, a.date?.slice(0, 10) === date.trim());
        tally(r, 'year').add(a.year !== null, a.year === Number(date.slice(0, 4)));
        if (a.dateSource === 'inferred')
          tally(r, 'year (inferred only)').add(true, a.year === Number(date.slice(0, 4)));
      }
      if (!BSNLP_PLACEHOLDER.has(topic) && /^https?:\/\//.test(url.trim())) {
        const goldSource = registrableDomain(new URL(url.trim()).hostname);
        tally(r, 'source').add(a.source !== null, a.source === goldSource);
      }
      tally(r, 'lang').add(true, a.lang === 'ru');
    }
  }
  r.notes.push('title (in body): only documents whose header title appears in the first lines of the body.');
  return r;
}

// ---- output ---------------------------------------------------------------------------------------------------------
function print(reports: Report[]): void {
  console.log(
    '| data set | docs | field | accuracy (correct/compared) | coverage (found) | precision (correct/found) |',
  );
  console.log('| --- | ---: | --- | ---: | ---: | ---: |');
  for (const r of reports) {
    for (const [name, t] of Object.entries(r.fields)) {
      if (!t.compared) continue;
      console.log(`| ${r.name} | ${r.docs} | ${name} | ${t.acc} | ${t.cov} | ${t.precision} |`);
    }
  }
  console.log('');
  for (const r of reports) {
    console.log(
      `${r.name}: ${r.docs} documents in ${r.ms.toFixed(0)} ms (${(r.ms / Math.max(r.docs, 1)).toFixed(1)} ms/doc)`,
    );
    for (const n of r.notes) console.log(`  - ${n}`);
  }
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length === 0) {
    console.error(
      'usage: npm run eval:extract -- PATH... (a seed folder such as data/articles, the corpus root, or a data set)',
    );
    process.exit(2);
  }
  const expected = (
    JSON.parse(readFileSync(new URL('./seeds-expected.json', import.meta.url), 'utf8')) as {
      seeds: Record<string, SeedExpected>;
    }
  ).seeds;
  const reports: Report[] = [];
  for (const p of args) {
    if (!existsSync(p)) {
      console.error(`not found: ${p}`);
      process.exit(2);
    }
    const isDir = statSync(p).isDirectory();
    const kazFile = isDir
      ? [join(p, 'kazinform-qz-latn', 'qz_kazakh_latn.raw.jsonl'), join(p, 'qz_kazakh_latn.raw.jsonl')].find(existsSync)
      : basename(p) === 'qz_kazakh_latn.raw.jsonl'
        ? p
        : undefined;
    const bsnlpDir = isDir
      ? [join(p, 'bsnlp2021-ru', 'raw'), join(p, 'raw')].find((d) => existsSync(d) && existsSync(join(d, 'brexit')))
      : undefined;
    const seedDir = isDir && Object.keys(expected).some((id) => existsSync(join(p, `${id}.txt`))) ? p : undefined;
    if (!kazFile && !bsnlpDir && !seedDir) {
      console.error(`nothing to evaluate in ${p}`);
      process.exit(2);
    }
    if (seedDir) reports.push(evalSeeds(seedDir, expected));
    if (kazFile) reports.push(evalKazinform(kazFile));
    if (bsnlpDir) reports.push(evalBsnlp(bsnlpDir));
  }
  print(reports);
}

main();
