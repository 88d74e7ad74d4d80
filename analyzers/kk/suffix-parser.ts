/**
 * Right-to-left parser of Kazakh suffix chains over the morpheme graph of data/suffixes.json (plural + possessive
 * + case, participle + case, …). For a word it lists every point where a chain the grammar allows can begin,
 * with what the chain asks of the stem before it: the class of the stem's last letter, a vowel series, and for a
 * few noun-like verb endings that the stem look like a verb. The stemmer picks among these.
 */
import { readFileSync } from 'node:fs';
import { CLASS_GROUPS, Cls, type Harmony } from './phonology.js';

type Forms = string | [string | null, string | null];
/** What the stem must be: 'bare'/'always' look like a verb (listed root or verb-forming ending) when the chain is
 *  this allomorph alone / starts with it; 'root' (a chain starting with it) be a listed root or its passive;
 *  'listed' be a listed root itself (-дық: abstract nouns in -дық follow adjectives that look like a passive or a
 *  causative, жеңіл-дік, тығыз-дық); 'poss1sg' be a noun of poss1sg-stems.txt (бала-м, not ада-м). */
type Evidence = 'bare' | 'always' | 'root' | 'listed' | 'poss1sg';

interface AllomorphSpec {
  forms: Forms;
  /** Class names of phonology.ts (or a group such as RJU). */
  after: string[];
  /** Classes the letter before must not have (у и are vowel letters, but a stem in -у or -и takes -ы/-і, not -сы:
   *  тау-ы, сәби-і, so вирус-ы, офис-і). I is not checked in the folded grammar, where и is also і. */
  notAfter?: string[];
  fixFront?: boolean;
  evidence?: Evidence;
  /** false: left out of the folded grammar, where its form meets another chain (-сың → -сын). */
  folded?: boolean;
}

interface MorphemeSpec {
  allomorphs: AllomorphSpec[];
  next: string[];
  /** false: a chain may not end with this morpheme (the aorist -а- needs its person ending). */
  final?: boolean;
}

export interface SuffixGrammar {
  entry: { noun: string[]; verb: string[] };
  morphemes: Record<string, MorphemeSpec>;
}

/** One written form of a morpheme, ready for matching. */
interface Allomorph {
  readonly form: string;
  /** The vowel series this form belongs to, or null when it does not tell (-н, -мен, -у). */
  readonly series: Harmony | null;
  /** Class bits the letter before it must have one of, and bits it must have none of. */
  readonly after: number;
  readonly notAfter: number;
  readonly fixFront: boolean;
  readonly evidence: Evidence | null;
}

interface Morpheme {
  readonly name: string;
  readonly allomorphs: readonly Allomorph[];
  /** Morphemes that may stand right before this one. */
  readonly prev: Morpheme[];
  readonly final: boolean;
  /** A chain may start with this morpheme right after a noun stem or a verb stem. */
  readonly entry: 'noun' | 'verb' | null;
}

export interface CompiledGrammar {
  /** Morphemes that may end a word, by the last letter of each allomorph. */
  readonly finals: ReadonlyMap<string, ReadonlyArray<readonly [Morpheme, Allomorph]>>;
}

/** A place where a chain allowed by the grammar starts, and what the chain asks of the stem before it. */
export interface SuffixParse {
  /** The stem is word.slice(0, stemEnd). */
  readonly stemEnd: number;
  /** Class bits (phonology Cls) the stem's last letter must have one of, and must have none of. */
  readonly after: number;
  readonly notAfter: number;
  /** Vowel series the stem must allow, or null. */
  readonly series: Harmony | null;
  /** The chain starts with a verbal suffix: the stem is a verb stem. */
  readonly verbal: boolean;
  /** The stem must look like a verb (the chain is also a noun ending: мемлекет-ін / бол-атын). */
  readonly needsVerbEvidence: boolean;
  /** The stem must be a listed verb root or its passive, and the word itself no listed root (шығар is no шық-ар). */
  readonly needsRoot: boolean;
  /** needsRoot, and only a listed root itself will do. */
  readonly needsListedRoot: boolean;
  /** The stem must be a noun of the possessive 1sg list (балам → бала). */
  readonly needsPoss1sgStem: boolean;
  /** Name and written form of the chain's first morpheme (for the -ыс/-сы choice and for tests). */
  readonly firstMorpheme: string;
  readonly firstForm: string;
}

/** Reads and checks the grammar file. */
export function loadGrammar(url: URL = new URL('./data/suffixes.json', import.meta.url)): SuffixGrammar {
  return checkGrammar(JSON.parse(readFileSync(url, 'utf8')));
}

const EVIDENCE: readonly string[] = ['bare', 'always', 'root', 'listed', 'poss1sg'];
const knownClasses = (cs: unknown): boolean =>
  Array.isArray(cs) && cs.every((c) => typeof c === 'string' && CLASS_GROUPS[c] !== undefined);

/** Checks one allomorph of morpheme `name`; throws on the first fault. */
function checkAllomorph(name: string, a: AllomorphSpec): void {
  const forms = typeof a.forms === 'string' ? [a.forms] : a.forms;
  const badForm = (f: unknown): boolean => f !== null && (typeof f !== 'string' || f === '');
  if (!Array.isArray(forms) || forms.length < 1 || forms.length > 2 || forms.some(badForm) || forms.every((f) => !f))
    throw new Error(`suffixes.json: ${name} has bad forms ${JSON.stringify(a.forms)}`);
  if (a.evidence !== undefined && !EVIDENCE.includes(a.evidence))
    throw new Error(`suffixes.json: ${name} has bad evidence`);
  if (a.folded !== undefined && typeof a.folded !== 'boolean') throw new Error(`suffixes.json: ${name} has bad folded`);
  if (!knownClasses(a.after) || a.after.length === 0)
    throw new Error(`suffixes.json: ${name} has bad classes ${JSON.stringify(a.after)}`);
  if (a.notAfter !== undefined && !knownClasses(a.notAfter))
    throw new Error(`suffixes.json: ${name} has bad notAfter ${JSON.stringify(a.notAfter)}`);
}

/** Checks a parsed grammar (it is data, so a typo must fail loudly at load, not stem silently). */
export function checkGrammar(raw: unknown): SuffixGrammar {
  if (typeof raw !== 'object' || raw === null) throw new Error('suffixes.json: not an object');
  const g = raw as SuffixGrammar;
  if (typeof g.morphemes !== 'object' || g.morphemes === null) throw new Error('suffixes.json: no morphemes');
  const names = new Set(Object.keys(g.morphemes));
  const refs = [...(g.entry?.noun ?? []), ...(g.entry?.verb ?? [])];
  for (const [name, m] of Object.entries(g.morphemes)) {
    refs.push(...m.next);
    if (!Array.isArray(m.allomorphs) || m.allomorphs.length === 0)
      throw new Error(`suffixes.json: ${name} has no allomorphs`);
    for (const a of m.allomorphs) checkAllomorph(name, a);
  }
  for (const r of refs) if (!names.has(r)) throw new Error(`suffixes.json: unknown morpheme ${r}`);
  const both = g.entry.noun.filter((n) => g.entry.verb.includes(n));
  if (both.length > 0) throw new Error(`suffixes.json: ${both.join(', ')} in both entries`);
  return g;
}

/** The written forms of an allomorph with the vowel series each belongs to. */
function seriesForms(forms: Forms): Array<{ form: string; series: Harmony | null }> {
  if (typeof forms === 'string') return [{ form: forms, series: null }];
  const [back, front] = forms;
  if (back !== null && back === front) return [{ form: back, series: null }];
  const out: Array<{ form: string; series: Harmony | null }> = [];
  if (back !== null) out.push({ form: back, series: 'back' });
  if (front !== null) out.push({ form: front, series: 'front' });
  return out;
}

/**
 * Builds the parser tables. For the folded alphabet pass `fold` as `foldForm`: it rewrites every suffix form, and
 * allomorphs marked `folded: false` are left out.
 */
export function compileGrammar(g: SuffixGrammar, foldForm?: (s: string) => string): CompiledGrammar {
  const mapForm = foldForm ?? ((s: string) => s);
  const bits = (names: readonly string[]): number => names.reduce((acc, n) => acc | (CLASS_GROUPS[n] ?? 0), 0);
  const morphemes = new Map<string, Morpheme>();
  for (const [name, spec] of Object.entries(g.morphemes)) {
    const allomorphs: Allomorph[] = [];
    for (const a of spec.allomorphs) {
      if (foldForm && a.folded === false) continue;
      for (const { form, series } of seriesForms(a.forms))
        allomorphs.push({
          form: mapForm(form),
          series,
          after: bits(a.after),
          // Folded «и» is also і (кісі-сі, тілші-сі), so the и of notAfter is only checked in real Kazakh.
          notAfter: bits(a.notAfter ?? []) & (foldForm ? ~Cls.I : ~0),
          fixFront: a.fixFront === true,
          evidence: a.evidence ?? null,
        });
    }
    const entry = g.entry.noun.includes(name) ? 'noun' : g.entry.verb.includes(name) ? 'verb' : null;
    morphemes.set(name, { name, allomorphs, prev: [], final: spec.final !== false, entry });
  }
  for (const [name, spec] of Object.entries(g.morphemes))
    for (const n of spec.next) morphemes.get(n)?.prev.push(morphemes.get(name) as Morpheme);
  const finals = new Map<string, Array<readonly [Morpheme, Allomorph]>>();
  for (const m of morphemes.values()) {
    if (!m.final) continue;
    for (const a of m.allomorphs) {
      const last = a.form[a.form.length - 1] ?? '';
      const list = finals.get(last) ?? [];
      list.push([m, a]);
      finals.set(last, list);
    }
  }
  return { finals };
}

/** Deepest chain considered (the longest real ones have six morphemes: -тер-іміз-дегі-лер-дің). */
const MAX_DEPTH = 9;

/** What one parse of one word needs, passed down the recursion instead of captured in a closure (speed). */
interface ParseRun {
  word: string;
  minStem: number;
  classBefore: (word: string, i: number) => number;
  out: SuffixParse[];
}

/**
 * Appends to `out` every chain the grammar allows at the end of `word` that leaves at least `minStem` letters.
 * `classBefore(word, i)` gives the class bits of the letter before position i.
 */
export function parseSuffixes(
  cg: CompiledGrammar,
  word: string,
  minStem: number,
  classBefore: (word: string, i: number) => number,
  out: SuffixParse[],
): SuffixParse[] {
  const run: ParseRun = { word, minStem, classBefore, out };
  for (const [m, a] of cg.finals.get(word[word.length - 1] ?? '') ?? []) visit(run, m, a, word.length, 1, null, true);
  return out;
}

/**
 * Matches allomorph `a` of morpheme `m` ending at `end`; `series` is what the harmonic suffixes to its right ask
 * of it, `bare` whether it is the whole chain so far.
 */
function visit(
  run: ParseRun,
  m: Morpheme,
  a: Allomorph,
  end: number,
  depth: number,
  series: Harmony | null,
  bare: boolean,
): void {
  const start = end - a.form.length;
  if (start < run.minStem || !run.word.endsWith(a.form, end)) return;
  let left: Harmony | null = series;
  if (a.fixFront) {
    if (series === 'back') return; // what follows -нікі is front
    left = null;
  } else if (a.series !== null) {
    if (series !== null && series !== a.series) return;
    left = a.series;
  }
  if (m.entry !== null) {
    run.out.push({
      stemEnd: start,
      after: a.after,
      notAfter: a.notAfter,
      series: left,
      verbal: m.entry === 'verb',
      needsVerbEvidence: a.evidence === 'always' || (a.evidence === 'bare' && bare),
      needsRoot: a.evidence === 'root' || a.evidence === 'listed',
      needsListedRoot: a.evidence === 'listed',
      needsPoss1sgStem: a.evidence === 'poss1sg',
      firstMorpheme: m.name,
      firstForm: a.form,
    });
  }
  const before = run.classBefore(run.word, start);
  if (depth >= MAX_DEPTH || (before & a.after) === 0 || (before & a.notAfter) !== 0) return;
  for (const p of m.prev) for (const pa of p.allomorphs) visit(run, p, pa, start, depth + 1, left, false);
}
