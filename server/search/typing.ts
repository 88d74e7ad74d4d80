import {
  analyzeQuery,
  fold,
  isRussianName,
  KAZAKH_MARK,
  kazakhKey,
  nameSkeleton,
  normalize,
  nounForms,
  type QueryAnalysis,
  RUSSIAN_MARK,
  wordScript,
} from '../../analyzers/index.js';
import {
  foldedStem,
  type MatchKeys,
  MIN_TYPED_SKELETON,
  markOf,
  mergeKeys,
  type PlannedQuery,
  planCompletion,
  type QueryPlan,
} from './plan.js';
import type { Completion } from './suggest.js';

/**
 * Search while typing. A query whose last word may be unfinished (no space after it) completes that word to the words
 * the archive holds — the most frequent first (Suggester.completions: the forms of titles and leads, grouped by stem)
 * — and searches those words, so that the first screen after «Тоқ» is about Тоқаев, not about the prefix or about
 * the rare word «тоқ». A word that already is the archive's most frequent completion of itself is searched as a
 * whole word (with all the planner's tiers): typing the whole of «президент» searches президент. A Kazakh word typed
 * into an ending no title or lead holds completes by its paradigm (paradigmWords): «министрл» is министр-лер too.
 */
export interface TypingOptions {
  /** Completions searched, best first (each one engine query). */
  completions: number;
  /** Weight of the first completion's query; each next one gets COMPLETION_STEP times the one before. */
  weight: number;
}

export const DEFAULT_TYPING: TypingOptions = { completions: 2, weight: 1 };

/**
 * The weight ratio between consecutive completions. A single-word query's ranking score lies between about 0.55 (a body mention far down) and 1 (the
 * title), so with half the weight every hit of a less frequent completion ranks below every hit of a more frequent one.
 */
const COMPLETION_STEP = 0.5;

/**
 * The typed word is the word the user means, not a prefix of another, when the archive holds it (as a whole word
 * of the same stem) at least this share as often as its most frequent completion.
 */
const OWN_SHARE = 0.5;

const LATIN = /\p{Script=Latin}/u;
const KAZAKH_LETTER = /[әғқңөұүһі]/iu;

/** A Russian completion that is a name whose skeleton begins with the typed Latin word's: «Merk» → Меркель. */
function sameName(typed: string, completion: Completion): boolean {
  const typedSkeleton = nameSkeleton(normalize(typed), MIN_TYPED_SKELETON);
  const skeleton = nameSkeleton(completion.form);
  return typedSkeleton !== null && skeleton?.startsWith(typedSkeleton) === true && isRussianName(completion.form);
}

/**
 * Whether a completion can be the word typed, by its language: Latin letters are Kazakh Latin or a foreign word,
 * never Russian, except a name, which crosses scripts by its skeleton; a Kazakh letter makes the word Kazakh.
 */
function sameLanguage(typed: string, completion: Completion): boolean {
  const mark = markOf(completion.stem);
  if (LATIN.test(typed)) return mark !== RUSSIAN_MARK || sameName(typed, completion);
  if (KAZAKH_LETTER.test(typed)) return mark !== RUSSIAN_MARK;
  return true;
}

/** A word typed in capitals (two letters or more) is an abbreviation being typed: «НАТ» is НАТО, not нәтиже. */
const CAPITALS = /^\p{Lu}{2,}$/u;
/** Abbreviations, numbers and foreign words have keys without a language mark. */
const unmarked = (c: Completion): boolean => markOf(c.stem) === '';

/**
 * Completions are found by the folded word (а for ә, к for қ: Kazakh typed without its letters), but a word whose
 * letters begin as typed is the likelier one: «нат» is НАТО before нәтиже. It comes first when the archive holds it
 * at least this share as often as the best completion that matches only folded — so «казак» stays қазақ, not the
 * rare Russian казак.
 */
const EXACT_SHARE = 0.5;

/** Completions whose letters begin as a Cyrillic word was typed, first when frequent enough (EXACT_SHARE). */
function exactFirst(typed: string, usable: Completion[]): Completion[] {
  const top = usable[0];
  if (!top || wordScript(typed) !== 'cyrillic') return usable;
  const letters = normalize(typed);
  // Names keep their capitals; a paradigm's forms begin as typed though the form standing for it does not.
  const exact = (c: Completion) => c.paradigm === true || normalize(c.form).startsWith(letters);
  if (exact(top)) return usable;
  const best = usable.find(exact);
  if (!best || best.count < top.count * EXACT_SHARE) return usable;
  return [...usable.filter(exact), ...usable.filter((c) => !exact(c))];
}

/**
 * The completions a typed word can be, by its letters: of its language, abbreviations first when it is in capitals,
 * words that begin with its very letters before those that match only folded.
 */
function preferred(typed: string, completions: readonly Completion[]): Completion[] {
  const usable = exactFirst(
    typed,
    completions.filter((c) => sameLanguage(typed, c)),
  );
  if (!CAPITALS.test(typed)) return usable;
  const abbreviations = usable.filter(unmarked);
  return abbreviations.length > 0 ? abbreviations : usable;
}

/** The completion a typed word is taken for first, by its letters (`preferred`), or undefined. */
export const bestCompletion = (typed: string, completions: readonly Completion[]): Completion | undefined =>
  preferred(typed, completions)[0];

/**
 * Completions for a word that found nothing at all: the typed word may end inside an inflection the archive's titles
 * and leads do not hold («Өзбекстанме…», «келіссөздерд…»). The word's completions with its last letters dropped, one
 * letter at a time, as long as it keeps MIN_BACKOFF_LETTERS: those of the longest prefix that has any, best first.
 */
export const BACKOFF_LETTERS = 3;
export const MIN_BACKOFF_LETTERS = 4;

export async function backoffCompletions(
  analysis: QueryAnalysis,
  completionsOf: (word: string) => Promise<Completion[]>,
  options: TypingOptions = DEFAULT_TYPING,
): Promise<Completion[]> {
  const last = analysis.tokens[analysis.tokens.length - 1];
  if (!analysis.partialLast || !last) return [];
  const letters = [...last.surface];
  for (let drop = 1; drop <= BACKOFF_LETTERS && letters.length - drop >= MIN_BACKOFF_LETTERS; drop++) {
    const found = preferred(last.surface, await completionsOf(letters.slice(0, -drop).join('')));
    if (found.length > 0) return found.slice(0, options.completions);
  }
  return [];
}

/** Whether the last word already ends a name (EU, Ресей, Орталық Азия): a finished word, searched as typed. */
function namesEntity(analysis: QueryAnalysis): boolean {
  return analysis.readings.some((r) => {
    const last = r.content[r.content.length - 1];
    return r.mentions.some((m) => m.lastToken === last);
  });
}

/** The stem and fold keys of the last content word in every reading: what it means as a whole word. */
function typedWordKeys(analysis: QueryAnalysis): Set<string> {
  const out = new Set<string>();
  for (const r of analysis.readings) {
    const i = r.content[r.content.length - 1];
    const keys = i === undefined ? null : r.tokens[i]?.keys;
    if (keys) out.add(keys.stem).add(keys.fold);
  }
  return out;
}

/**
 * The completions to search for a query, best first, or none when the query is searched as typed: its last word is
 * finished (a space after it, or it ends a name), the archive holds no completion of it in its language, or the typed
 * word is itself the word the archive holds most often (or nearly as often as its most frequent completion).
 */
export function completionsToSearch(
  analysis: QueryAnalysis,
  completions: readonly Completion[],
  options: TypingOptions = DEFAULT_TYPING,
): Completion[] {
  const last = analysis.tokens[analysis.tokens.length - 1];
  if (!analysis.partialLast || !last || namesEntity(analysis)) return [];
  const usable = preferred(last.surface, completions);
  const top = usable[0];
  if (!top) return [];
  const own = typedWordKeys(analysis);
  const isOwn = (c: Completion) => own.has(c.stem) || own.has(foldedStem(c.stem));
  if (usable.some((c) => isOwn(c) && c.count >= top.count * OWN_SHARE)) return [];
  return usable.slice(0, options.completions);
}

/**
 * A query whose last word both languages spell alike («саммит», «партия») is read first in the language whose titles
 * and leads hold the word more often (its completions that are the word itself, by stem): the archive's prior, where
 * language identification of one word can only guess. The analysis as it was when the other language is not rarer.
 */
export function frequentReadingFirst(analysis: QueryAnalysis, completions: readonly Completion[]): QueryAnalysis {
  const [first, second] = analysis.readings;
  if (!first || !second || analysis.readings.length !== 2) return analysis;
  const own = typedWordKeys(analysis);
  const count = (mark: string) =>
    completions
      .filter((c) => markOf(c.stem) === mark && (own.has(c.stem) || own.has(foldedStem(c.stem))))
      .reduce((n, c) => n + c.count, 0);
  const markOfReading = (label: string) => (label === 'kk' ? KAZAKH_MARK : label === 'ru' ? RUSSIAN_MARK : '');
  if (count(markOfReading(second.label)) <= count(markOfReading(first.label))) return analysis;
  return {
    ...analysis,
    readings: [
      { ...second, secondary: false },
      { ...first, secondary: true },
    ],
  };
}

/**
 * The typing plan: one query per completion (two for a foreign word: its name skeleton too), the most frequent first
 * and weighted so that its hits come first. The text as typed is not searched beside them: a typed word the archive
 * holds often enough is one of the completions, or the query is searched as typed (completionsToSearch). Null when
 * no completion could be planned.
 */
export function typingPlan(
  analysis: QueryAnalysis,
  completions: readonly Completion[],
  options: TypingOptions = DEFAULT_TYPING,
): QueryPlan | null {
  const queries: PlannedQuery[] = [];
  const keys: MatchKeys[] = [];
  let weight = options.weight;
  for (const c of completions) {
    const planned = planCompletion(analysis, c, weight);
    if (!planned) continue;
    queries.push(...planned.queries);
    keys.push(planned.keys);
    weight *= COMPLETION_STEP;
  }
  if (queries.length === 0) return null;
  return { text: analysis.text, tokens: analysis.tokens, queries, keys: mergeKeys(keys) };
}

/** A stem that short is too many words' beginning. */
const MIN_PARADIGM_STEM = 4;

/** A Kazakh word's letters as keys spell them: folded, as a Kazakh Latin text reads back (index-keys.ts). */
const letterKey = (word: string): string => kazakhKey(fold(word));

/** The stem key the analyzer gives a Kazakh word form (its Kazakh reading's), or null. */
function kazakhStem(form: string): string | null {
  const reading = analyzeQuery(form).readings.find((r) => r.label === 'kk');
  const i = reading?.content[reading.content.length - 1];
  const stem = i === undefined ? undefined : reading?.tokens[i]?.keys?.stem;
  return stem && markOf(stem) === KAZAKH_MARK ? stem : null;
}

/** A Kazakh word the typed letters are a form of, by the paradigm of the letters they begin with. */
export interface ParadigmWord {
  /** The letters typed that stand for the word (its nominative as the paradigm reads it): «облыс». */
  typed: string;
  /** The shortest form of the paradigm the typed letters begin: «облыстарында». */
  form: string;
  /** The analyzer's stem key of that form. */
  stem: string;
}

/**
 * The Kazakh words the typed last word can be an unfinished form of, by the noun paradigm (analyzers/kk/noun-paradigm)
 * of each of its beginnings, shortest first (the nominative, not a longer beginning read as one): «министрл» is
 * министр-лер, «облыстарынд» облыс-тар-ы-нда; keyed by the
 * analyzer as the index keys them, and only words the letters go past the stem of. The typed word's own stem is one
 * when the analyzer reads it so («облыст» is облыс): counted, it tells completionsToSearch whether the word typed is
 * the one meant («облыст» is облыс, not the one title word it begins, облыстық). Not as verbs: a stem's part of speech is not known here, and a noun read as a verb takes forms it never has
 * (аймақ-тық). None for a finished word or one that cannot be Kazakh.
 */
export function paradigmWords(analysis: QueryAnalysis): ParadigmWord[] {
  const reading = analysis.readings.find((r) => r.label === 'kk');
  const i = reading?.content[reading.content.length - 1];
  const keys = i === undefined ? undefined : reading?.tokens[i]?.keys;
  if (!analysis.partialLast || !keys || markOf(keys.stem) !== KAZAKH_MARK) return [];
  const letters = letterKey(keys.exact);
  const chars = [...keys.exact];
  const out: ParadigmWord[] = [];
  for (let n = MIN_PARADIGM_STEM; n < chars.length; n++) {
    const typed = chars.slice(0, n).join('');
    const forms = nounForms({ word: typed }).filter((f) => letterKey(f).startsWith(letters));
    const form = forms.sort((a, b) => a.length - b.length)[0];
    const stem = form === undefined ? null : kazakhStem(form);
    if (!form || !stem || out.some((w) => w.stem === stem)) continue;
    // The form must be the word the letters stand for (the analyzer keys them alike: «құра-сы» is read as құр-),
    // a stem of MIN_PARADIGM_STEM letters or more, which the letters go past.
    const folded = foldedStem(stem);
    if (folded.length - KAZAKH_MARK.length < MIN_PARADIGM_STEM || kazakhStem(typed) !== stem) continue;
    if (`${KAZAKH_MARK}${letters}`.startsWith(folded) && letters.length + KAZAKH_MARK.length > folded.length)
      out.push({ typed, form, stem });
  }
  return out;
}

/**
 * The paradigm words of the typed last word (paradigmWords) as completions: counted as the archive's titles and
 * leads hold the word (the completions of the letters that stand for it), standing for it by its most frequent form
 * there; a word they do not hold counts 0, with the paradigm's form.
 */
export async function paradigmCompletions(
  analysis: QueryAnalysis,
  completionsOf: (word: string) => Promise<Completion[]>,
): Promise<Completion[]> {
  const words = paradigmWords(analysis);
  // Each one facet answer, cached: typed key by key, the letters were read a keystroke or more before.
  const lists = await Promise.all(words.map((w) => completionsOf(w.typed)));
  return words.map((w, i) => {
    const held = lists[i]?.find((c) => c.stem === w.stem);
    return { form: held?.form ?? w.form, stem: w.stem, count: held?.count ?? 0, paradigm: true };
  });
}

/** The paradigm's words other than the typed word's own stem (the whole-word plan searched that one already). */
export function othersThanTyped(analysis: QueryAnalysis, paradigm: readonly Completion[]): Completion[] {
  const own = typedWordKeys(analysis);
  return paradigm.filter((c) => !own.has(c.stem));
}

/**
 * The completions with the paradigm's words the titles and leads hold merged in, by count: «министрл» is министр (its
 * forms in the titles and leads, counted) before министрлік when министр is the more frequent.
 */
export function withParadigm(completions: readonly Completion[], paradigm: readonly Completion[]): Completion[] {
  const more = paradigm.filter((p) => p.count > 0 && !completions.some((c) => c.stem === p.stem));
  return more.length === 0 ? [...completions] : [...completions, ...more].sort((a, b) => b.count - a.count);
}
