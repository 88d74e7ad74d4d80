/**
 * Russian morphological readings from `az` (pymorphy2-style analysis on the OpenCorpora dictionaries).
 *
 * az loads its dictionaries asynchronously; this module awaits them at load time (top-level await), so
 * `ruReadings` is synchronous for every importer. Load time and memory are measured once and exported.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Az from 'az';

/** One reading of a word form. */
export interface RuReading {
  /** Initial form across parts of speech (participle/gerund → infinitive, short adjective → full), lowercase, ё→е. */
  lemma: string;
  /** Initial form within the part of speech (participle → nominative participle), lowercase, ё→е. */
  samePosLemma: string;
  /** OpenCorpora part of speech: NOUN ADJF ADJS COMP VERB INFN PRTF PRTS GRND NUMR ADVB NPRO PRED PREP CONJ PRCL INTJ, or '' */
  pos: string;
  /** Every grammeme of the tag (part of speech included), e.g. NOUN inan masc Geox sing loct. */
  grammemes: ReadonlySet<string>;
  /**
   * P(tag | word) from OpenCorpora's disambiguated corpus: a number when the corpus saw this word (0 for a reading
   * it never saw, as pymorphy2 does), null when it has no figures for the word or the reading is a guess.
   */
  corpusP: number | null;
  /** az's raw score (guesses: suffix statistics; dictionary: corpusP or 1, times 0.3 for a fixed stutter). */
  score: number;
  /** Which az analyser produced it: 'Dictionary' for dictionary words, 'SuffixKnown' etc. for guesses. */
  source: string;
}

const require = createRequire(import.meta.url);
const dictsDir = join(dirname(require.resolve('az/package.json')), 'dicts');

/**
 * az builds every tag twice, with OpenCorpora's Latin grammemes and with their Russian names (`tag.ext`, which only
 * its debug printers read), each an object of its own hidden class, then deep-freezes them: the Russian copies were
 * 8 MB of the 27 MB the analyzers' data take on the heap. Their file is read as empty tags, which share one class.
 */
const EXT_TAGS = '/gramtab-opencorpora-ext.json';
const load = Az.load;
Az.load = (url, responseType, callback) =>
  load(url, responseType, (err, data) =>
    callback(err, url.endsWith(EXT_TAGS) && Array.isArray(data) ? data.map(() => '') : data),
  );

const heapBefore = process.memoryUsage();
const started = performance.now();
await new Promise<void>((resolve, reject) => {
  Az.Morph.init(dictsDir, (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()));
});

/** How long the dictionary took to load and roughly how much memory it holds (measured at module load). */
export const ruDictionaryLoad = {
  ms: performance.now() - started,
  heapBytes: process.memoryUsage().heapUsed - heapBefore.heapUsed,
  arrayBufferBytes: process.memoryUsage().arrayBuffers - heapBefore.arrayBuffers,
} as const;

// Lowercase input: capitalised grammemes (Name, Surn, Geox) must still be found; our scores are raw so that a
// reading the corpus never saw (score 1) can be told from one it did (score < 1).
const config: Az.MorphConfig = { ignoreCase: true, normalizeScore: false };

/** az's score factor for a word read with repeated letters («нееет»). */
const STUTTER = 0.3;

const clean = (s: string): string => s.toLowerCase().replaceAll('ё', 'е');

/** All readings az gives for a normalized word (lowercase, ё→е), best first by az's own order. */
export function ruReadings(word: string): RuReading[] {
  const all = Az.Morph(word, config).filter((p) => p.typosCnt === 0);
  // Readings with repeated letters squeezed out («меняя» → «меня») only count when nothing reads the word as is.
  const exact = all.filter((p) => p.stutterCnt === 0);
  const parses = exact.length > 0 ? exact : all;
  // With raw scores a dictionary reading scores P(tag|word)·stutter, or exactly stutter when the corpus lacks it.
  const ratio = (p: Az.MorphParse): number => p.score / (p.stutterCnt > 0 ? STUTTER : 1);
  const inCorpus = parses.some((p) => p.parser === 'Dictionary' && ratio(p) < 1 - 1e-9);
  const out: RuReading[] = [];
  for (const p of parses) {
    const r = ratio(p);
    // The dictionary files ordinals under their cardinal («первый» under «один», «второй» under «два»): an
    // ordinal is keyed by its own masculine nominative instead.
    const ordinal = p.tag.Anum === true ? p.inflect(['Anum']) : false;
    const norm = ordinal || p.normalize();
    const normSamePos = ordinal || p.normalize(true);
    const grammemes = new Set(p.tag.toString().split(/[ ,]/u).filter(Boolean));
    out.push({
      lemma: clean(norm ? norm.toString() : p.toString()),
      samePosLemma: clean(normSamePos ? normSamePos.toString() : p.toString()),
      pos: p.tag.POS ?? '',
      grammemes,
      corpusP: p.parser === 'Dictionary' && inCorpus ? (r < 1 - 1e-9 ? r : 0) : null,
      score: p.score,
      source: p.parser,
    });
  }
  return out;
}

/**
 * How every form of the dictionary words whose initial form is `lemma` (lowercase, ё→е) begins: its first three
 * letters. The starts a word keyed by that lemma can have: nearly always the lemma's own; a paradigm with another
 * stem adds others (год: лет; день: дня; человек: люди; идти: шёл).
 */
export function ruFormStarts(lemma: string): Set<string> {
  const out = new Set<string>([lemma.slice(0, 3)]);
  for (const p of Az.Morph(lemma, config)) {
    if (p.parser !== 'Dictionary' || p.typosCnt > 0 || p.stutterCnt > 0 || p.formCnt === undefined) continue;
    const initial = p.normalize();
    if (!initial || clean(initial.toString()) !== lemma) continue;
    for (let i = 0; i < p.formCnt; i++) {
      const form = p.inflect(i);
      if (form) out.add(clean(form.toString()).slice(0, 3));
    }
  }
  return out;
}
