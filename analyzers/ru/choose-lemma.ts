/**
 * Picks one index key (a lemma) from the morphological readings of a word, without context.
 *
 * A reading weighs its corpus probability P(tag|word), or 1 when the corpus has no figures for the word; a lemma
 * weighs its best reading (with figures) or the sum of its readings (without); the heaviest lemma wins.
 * Adjustments make the key serve search (and agree with UD's lemmas) better than az's first reading:
 * - an adverb, predicative or conjunction reading («страшно», «зимой», «видно») yields to an adjective or noun
 *   reading of the same spelling unless the corpus strongly prefers it («потом» stays an adverb);
 * - a short-adjective reading yields to a verb form of the same spelling («стоял» is «стоять», not «стоялый»);
 * - a noun made from an adjective or participle («новое», «прошедшее») is keyed like that adjective;
 * - a plurale tantum yields to a noun with a singular that shares the form («выборы» → «выбор»), so that all
 *   forms of the pair get one key (otherwise «выборы» went one way and «выборов» the other);
 * - without corpus figures, a form that is its own citation form («море», «поле») wins over the rare lexemes it
 *   also inflects into (a surname's does not: «губернаторов» is the genitive plural), an indeclinable lexeme counts once, not once per case, and a first name (found only
 *   because input is lowercase) yields to a common word («астану» is «Астана», not «Астан»);
 * - a surname-shaped word is not the plural of a first name («Ахметов» is not «Ахмет» genitive plural).
 */
import type { RuReading } from './morph.js';
import { surnameBase } from './unknown-key.js';

/** Readings az draws from the dictionary itself (not guessed from a suffix). */
const DICTIONARY_SOURCES: ReadonlySet<string> = new Set([
  'Dictionary',
  'PrefixKnown',
  'HyphenParticle',
  'HyphenAdverb',
  'HyphenWords',
]);

/** Parts of speech that yield to a content reading of the same spelling. */
const YIELDING_POS: ReadonlySet<string> = new Set(['ADVB', 'PRED', 'CONJ']);
const CONTENT_POS: ReadonlySet<string> = new Set(['NOUN', 'ADJF', 'ADJS', 'COMP', 'PRTF', 'PRTS']);
const SHORT_ADJECTIVE_POS: ReadonlySet<string> = new Set(['ADJS', 'COMP']);
const VERB_POS: ReadonlySet<string> = new Set(['VERB', 'INFN', 'PRTS', 'PRTF', 'GRND']);
/** Personal names: found only because input is lowercase, so a name's citation form is no evidence. */
const PERSONAL: readonly string[] = ['Name', 'Surn', 'Patr'];
const ADJECTIVAL_POS: ReadonlySet<string> = new Set(['ADJF', 'PRTF']);

export interface ChooseOptions {
  /** Weight factor of an ADVB/PRED/CONJ reading when a content reading exists. */
  yieldFactor: number;
  /** Weight factor of a short-adjective reading when a verb form reads the same spelling. */
  shortAdjectiveFactor: number;
  /** Weight factor of a reading whose form is its own citation form (no corpus figures). */
  citationFactor: number;
  /** Key adjective-like nouns by their adjective. */
  mergeSubstantivized: boolean;
  /** Weight factor of a plurale-tantum reading when a noun with a singular reads the same form («выборы»). */
  pluraleTantumFactor: number;
  /** Weight factor of a first-name reading when another lexeme reads the word too (no corpus figures). */
  firstNameFactor: number;
}

/** Tuned on UD Russian-Taiga dev only (see docs/analyzers.md). */
export const defaultChooseOptions: ChooseOptions = {
  yieldFactor: 0.1,
  shortAdjectiveFactor: 0.3,
  citationFactor: 2,
  mergeSubstantivized: true,
  firstNameFactor: 0.5,
  pluraleTantumFactor: 0.2,
};

/** The stem of an adjectival lemma without its two-letter ending («новое», «новый» → «нов»). */
const adjectiveStem = (lemma: string): string => (lemma.length > 4 ? lemma.slice(0, -2) : lemma);

const isPluralName = (r: RuReading): boolean => r.grammemes.has('Name') && r.grammemes.has('plur');

/**
 * The lemma to index `word` by, or null when no reading comes from the dictionary (the caller falls back to
 * a stemmer). `word` is the normalized form the readings were made for.
 */
export function chooseLemma(
  word: string,
  readings: readonly RuReading[],
  options: ChooseOptions = defaultChooseOptions,
): string | null {
  const surnameShaped = surnameBase(word) === word;
  const known = readings.filter((r) => DICTIONARY_SOURCES.has(r.source) && !(surnameShaped && isPluralName(r)));
  if (known.length === 0) return null;

  const inCorpus = known.some((r) => r.corpusP !== null && r.corpusP > 0);
  // Without corpus figures an adverb yields only to the word it is made from: a short adjective («отлично» →
  // «отличный») or a noun's instrumental («днем» → «день»), not to a rare noun that shares the spelling
  // («более» is not «бола»).
  const yieldsTo = (r: RuReading): boolean =>
    inCorpus ? CONTENT_POS.has(r.pos) : SHORT_ADJECTIVE_POS.has(r.pos) || (r.pos === 'NOUN' && r.grammemes.has('ablt'));
  const canYield = known.some(yieldsTo);
  const hasCountNoun = known.some((r) => r.pos === 'NOUN' && !r.grammemes.has('Pltm'));
  const severalLemmas = known.some((r) => r.lemma !== known[0]?.lemma);
  const hasVerbForm = known.some((r) => VERB_POS.has(r.pos));
  const adjectival = known.filter((r) => ADJECTIVAL_POS.has(r.pos));
  const indeclinableCount = new Map<string, number>();
  for (const r of known) {
    if (r.grammemes.has('Fixd')) indeclinableCount.set(r.lemma, (indeclinableCount.get(r.lemma) ?? 0) + 1);
  }

  const totals = new Map<string, number>();
  for (const r of known) {
    let weight = inCorpus ? (r.corpusP ?? 0) : 1;
    if (YIELDING_POS.has(r.pos) && canYield) weight *= options.yieldFactor;
    if (r.pos === 'ADJS' && hasVerbForm) weight *= options.shortAdjectiveFactor;
    if (r.grammemes.has('Pltm') && hasCountNoun) weight *= options.pluraleTantumFactor;
    if (!inCorpus) {
      const fixed = r.grammemes.has('Fixd');
      if (r.grammemes.has('Name') && severalLemmas) weight *= options.firstNameFactor;
      if (fixed) weight /= indeclinableCount.get(r.lemma) ?? 1;
      else if (r.samePosLemma === word && !PERSONAL.some((g) => r.grammemes.has(g))) weight *= options.citationFactor;
    }
    let key = r.lemma;
    if (options.mergeSubstantivized && r.pos === 'NOUN') {
      const stem = adjectiveStem(r.lemma);
      const adjective = adjectival.find((a) => adjectiveStem(a.samePosLemma) === stem);
      if (adjective) key = adjective.lemma;
    }
    // Corpus figures for rare words are spread thin over case-syncretic readings («главой»: four readings of
    // «главый» at 1/7 each against «глава» at 2/7), so there a lemma counts its best reading; without figures
    // every reading weighs 1 and the sum favours the lexeme the form belongs to most («море»).
    const previous = totals.get(key) ?? 0;
    totals.set(key, inCorpus ? Math.max(previous, weight) : previous + weight);
  }

  let best: string | null = null;
  let bestWeight = -1;
  for (const [lemma, weight] of totals) if (weight > bestWeight) [best, bestWeight] = [lemma, weight];
  return best;
}
