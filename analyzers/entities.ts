/**
 * Named entities (organizations, places, persons) from a gazetteer (data/gazetteer.json), matched THROUGH THE
 * ANALYZERS: every name is analyzed once at load time and compared with the text's tokens by their `fold` key
 * (stopwords by their `norm`), so inflected forms count («ШЫҰ-ға», «Достастыққа», «Шанхайской организации
 * сотрудничества», «Shanhaı yntymaqtastyq uıymy»). Used on documents and on queries, so it stays general.
 *
 * Rules:
 * - a name's first word must be capitalized in the text («қарағанда», "compared to", is not «Қарағанды»), and
 *   an abbreviation of the gazetteer (ТМД, ШОС, UN) must be written in capitals; queries typed in lowercase
 *   relax both with `anyCase`;
 * - punctuation between the words of a name must be the name's own («Орталық Азия + Ресей» needs the «+»;
 *   hyphens, quotes and spaces are free), so a list «Орталық Азия, Ресей» is not the format;
 * - `ambiguous` forms (ЕС, ЕО, ОТГ, «Достастық», «Содружество») match only in capitals (abbreviations) or
 *   capitalized (words), and are reported with `ambiguous: true`; organizationsOf() counts them only when the
 *   same text has supporting context (an unambiguous mention of the same code or one of its `context` phrases);
 * - where names overlap, the longest match at the earliest token wins.
 */

import { analyze } from './analyze.js';
import gazetteerJson from './data/gazetteer.json' with { type: 'json' };
import { fold, looseFold } from './kk/fold.js';
import type { AnalyzedToken } from './types.js';

/** A topic is a named thing of the news that is neither (a disease: COVID-19). */
export type EntityKind = 'org' | 'place' | 'person' | 'topic';
export type UiLang = 'kk' | 'ru' | 'en';

export interface GazetteerEntry {
  code: string;
  kind: EntityKind;
  label: Record<UiLang, string>;
  names: { kk: string[]; 'kk-Latn': string[]; ru: string[]; en: string[] };
  ambiguous?: string[];
  context?: string[];
  /** Relational adjectives and demonyms formed from the name (российский, ресейлік, Chinese): common words, so
   *  matched in any letter case; they count as mentions of the entity. */
  derived?: string[];
  /**
   * The organization or country this entry is an institution of (the European Parliament of the EU, the Kremlin of
   * Russia). The rule (P1b), the same for every entry: an institution is its own entity and never stands for its
   * parent — its names are not the parent's, its mentions are not the parent's; a name that contains the parent's
   * name (Совет Безопасности ООН) mentions the parent too; and a mention of an institution supports an ambiguous
   * form of its parent (ЕС beside Европарламент), as the parent's context phrases do.
   */
  partOf?: string;
  /** Names of several words match only capitalized (Белый дом, Ақ үй: in lowercase a white house is a house). */
  capitalized?: boolean;
  /** Every name matches in any letter case: a name that prose writes in lower case (Russian «от ковида»). */
  anyCase?: boolean;
}

export interface EntityMention {
  code: string;
  kind: EntityKind;
  /** UTF-16 offsets into the analyzed text: from the first token's start to the last token's end. */
  start: number;
  end: number;
  /** Indices into the token array. */
  firstToken: number;
  lastToken: number;
  /** Matched by a short or generic form that needs supporting context (see organizationsOf). */
  ambiguous: boolean;
}

export interface FindOptions {
  /** Accept abbreviations and ambiguous forms in any letter case (for user queries typed in lowercase). */
  anyCase?: boolean;
}

export const gazetteer: readonly GazetteerEntry[] = (gazetteerJson as { entries: GazetteerEntry[] }).entries;

const byCode = new Map(gazetteer.map((e) => [e.code, e]));

/** The display name of a code in the reader's interface language (the code itself when unknown). */
export function labelOf(code: string, uiLang: UiLang): string {
  const e = byCode.get(code);
  return e ? e.label[uiLang] : code;
}

export function entryOf(code: string): GazetteerEntry | undefined {
  return byCode.get(code);
}

/** Punctuation that matters between two words of a name (hyphens, dashes, quotes and spaces do not). */
const gapSignature = (gap: string): string => gap.replace(/[\s\p{Pd}«»"“”„'’‘`.]/gu, '');

/** gapSignature of the text between each pair of consecutive tokens of `text`. */
function gapsBetween(text: string, toks: readonly { start: number; end: number }[]): string[] {
  const gaps: string[] = [];
  let prevEnd: number | null = null;
  for (const t of toks) {
    if (prevEnd !== null) gaps.push(gapSignature(text.slice(prevEnd, t.start)));
    prevEnd = t.end;
  }
  return gaps;
}

/** All capitals; Kazakh Latin digraphs count as one capital letter («ShYU» is ШЫҰ in capitals). */
const isCaps = (s: string): boolean => {
  const t = s.replace(/([SCZ])h/gu, '$1H');
  return /\p{L}/u.test(t) && t === t.toUpperCase() && t !== t.toLowerCase();
};
const isCapitalized = (s: string): boolean => /^\p{Lu}/u.test(s);

interface PatternToken {
  key: string;
  /** The name writes this word in capitals (an abbreviation): the text must too. */
  caps: boolean;
  /**
   * The text word must begin with this (the name's word, folded, less at most two final letters for a stem
   * alternation: Достастық/Достастығы, Германия/Германии): a stemmer that cuts a name short («Байден» → «бай»,
   * «Biden» → «би») must not let «Би-би-си» or «бай» count as the name.
   */
  prefix: string;
}

/** A word's letters as names are compared by: folded, in the loose spelling of looseFold. */
const foldedLetters = (t: AnalyzedToken): string => looseFold(fold(t.norm));

/** Cut on the word's own letters first (the loose spelling can be longer: я is иа), then loosened. */
const prefixOf = (t: AnalyzedToken): string => {
  const f = fold(t.norm);
  return looseFold(f.slice(0, f.length - Math.min(2, Math.max(0, f.length - 3))));
};

interface Pattern {
  code: string;
  kind: EntityKind;
  tokens: PatternToken[];
  /** gapSignature of the text between consecutive words of the name. */
  gaps: string[];
  ambiguous: boolean;
  /** Context phrases only (never reported as mentions). */
  contextOnly: boolean;
  /** Matched in any letter case: derived words (российский), and names of several words («европейского
   *  союза»), which their length makes specific enough. A one-word name must be capitalized. */
  anyCase: boolean;
}

/** The key a token is compared by: the folded stem, or for a stopword its folded form, both in the loose spelling
 *  of looseFold (so Kazakh Latin typed without its special letters meets the real one: «Uiymy», «turaly»). */
const STOP = '\u0000';
const keyOf = (t: AnalyzedToken): string => (t.fold === null ? `${STOP}${foldedLetters(t)}` : looseFold(t.fold));

const MIN_ABBR_LEN = 2;

/** Every analysis of a name under Kazakh and Russian rules (a paragraph's language decides which keys the text
 *  gets): a Cyrillic name as Kazakh and as Russian, a Latin one as Kazakh Latin (transliterated: «EAEO» in a
 *  Kazakh Latin text is «еаео») and as a foreign word. */
function analysesOf(name: string): AnalyzedToken[][] {
  return [analyze(name), analyze(name, { lang: 'kk' }), analyze(name, { lang: 'ru' })];
}

/**
 * Russian possessive adjectives of a person's surname (путинский, трамповский, эрдогановской Турции, лукашенковский):
 * a surname in -ов/-ев/-ин/-ын takes -ский, one in -о -вский, one in a hushing consonant or ц -евский, any other
 * consonant -овский. Formed from the one-word Russian names of the entry (the surname as written alone).
 */
export function surnameAdjectives(e: GazetteerEntry): string[] {
  if (e.kind !== 'person') return [];
  const out: string[] = [];
  for (const name of e.names.ru) {
    const s = name.toLowerCase();
    if (/\s/u.test(s) || !/^[а-яё-]+$/u.test(s)) continue;
    if (/(ов|ев|ёв|ин|ын)$/u.test(s)) out.push(`${s}ский`);
    else if (s.endsWith('о')) out.push(`${s}вский`);
    else if (/[жшчщц]$/u.test(s)) out.push(`${s}евский`);
    else if (/[бвгдзклмнпрстфх]$/u.test(s)) out.push(`${s}овский`);
  }
  return out;
}

function compile(): Map<string, Pattern[]> {
  const index = new Map<string, Pattern[]>();
  const seen = new Set<string>();
  const add = (e: GazetteerEntry, name: string, ambiguous: boolean, contextOnly: boolean, derived = false) => {
    for (const toks of analysesOf(name)) {
      if (toks.length === 0) continue;
      const tokens = toks.map((t) => ({
        key: keyOf(t),
        caps: t.surface.length >= MIN_ABBR_LEN && isCaps(t.surface) && toks.length <= 3,
        prefix: prefixOf(t),
      }));
      const gaps = gapsBetween(name, toks);
      const severalWords = !e.capitalized && tokens.length >= 2 && !tokens.some((t) => t.caps);
      const anyCase = derived || (!ambiguous && (e.anyCase === true || severalWords));
      const id = `${e.code}|${ambiguous}|${contextOnly}|${anyCase}|${tokens.map((t) => `${t.key}${t.caps ? '!' : ''}>${t.prefix}`).join(' ')}|${gaps.join(' ')}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const p: Pattern = { code: e.code, kind: e.kind, tokens, gaps, ambiguous, contextOnly, anyCase };
      const first = tokens[0]?.key ?? '';
      const list = index.get(first) ?? [];
      list.push(p);
      index.set(first, list);
    }
  };
  for (const e of gazetteer) {
    for (const names of Object.values(e.names)) for (const n of names) add(e, n, false, false);
    for (const n of e.ambiguous ?? []) add(e, n, true, false);
    for (const n of [...(e.derived ?? []), ...surnameAdjectives(e)]) add(e, n, false, false, true);
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

function compileContext(): Map<string, Map<string, Pattern[]>> {
  const out = new Map<string, Map<string, Pattern[]>>();
  for (const e of gazetteer) {
    if (!e.context?.length) continue;
    const index = new Map<string, Pattern[]>();
    for (const phrase of e.context) {
      for (const toks of analysesOf(phrase)) {
        if (toks.length === 0) continue;
        const p: Pattern = {
          code: e.code,
          kind: e.kind,
          tokens: toks.map((t) => ({ key: keyOf(t), caps: false, prefix: prefixOf(t) })),
          gaps: gapsBetween(phrase, toks),
          ambiguous: false,
          contextOnly: true,
          anyCase: true,
        };
        const first = p.tokens[0]?.key ?? '';
        const list = index.get(first) ?? [];
        list.push(p);
        index.set(first, list);
      }
    }
    out.set(e.code, index);
  }
  return out;
}

let compiled: Map<string, Pattern[]> | null = null;
let compiledContext: Map<string, Map<string, Pattern[]>> | null = null;
/** Compiled on first use (analyze() must be loaded; the data is read once). */
const patterns = () => (compiled ??= compile());
const contextPatterns = () => (compiledContext ??= compileContext());

/** The token where `p` ends when it matches at token `i`, or -1. */
function matchAt(
  tokens: readonly AnalyzedToken[],
  text: string | null,
  i: number,
  p: Pattern,
  anyCase: boolean,
): number {
  if (i + p.tokens.length > tokens.length) return -1;
  let prev: AnalyzedToken | undefined;
  for (const [k, pt] of p.tokens.entries()) {
    const t = tokens[i + k];
    if (!t) return -1; // not reached: the length is checked above
    // A stopword of the name (туралы, и, of) is met by its letters, whatever the text token is («turaly» typed
    // without special letters reads as тұралы, no stopword).
    const key = pt.key.startsWith(STOP) ? `${STOP}${foldedLetters(t)}` : keyOf(t);
    if (key !== pt.key || !foldedLetters(t).startsWith(pt.prefix)) return -1;
    if (!anyCase && !p.anyCase) {
      if (pt.caps && !isCaps(t.surface)) return -1;
      // Names are proper nouns: «қарағанда» (compared to) is not «Қарағанды».
      if (k === 0 && !p.contextOnly && !isCapitalized(t.surface)) return -1;
    }
    if (k > 0) {
      // Without the text, a name whose words are joined by punctuation («+») cannot be confirmed.
      if (text === null) {
        if (p.gaps[k - 1] !== '') return -1;
      } else if (prev && gapSignature(text.slice(prev.end, t.start)) !== p.gaps[k - 1]) return -1;
    }
    prev = t;
  }
  return i + p.tokens.length - 1;
}

/** Recovers the analyzed text's gaps from the tokens' surfaces when possible (tokens carry offsets only). */
interface TextSource {
  text?: string;
}

/**
 * Entity mentions in analyzed tokens, in text order. Pass the analyzed text in `opts.text` so the punctuation
 * between a name's words can be checked: without it, names joined by punctuation («Орталық Азия + Ресей»)
 * are not matched and a comma between two words of a name goes unseen.
 */
export function findEntities(tokens: readonly AnalyzedToken[], opts: FindOptions & TextSource = {}): EntityMention[] {
  const text = opts.text ?? null;
  const anyCase = opts.anyCase ?? false;
  const out: EntityMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const best = bestMatchAt(tokens, text, i, anyCase, null);
    if (!best) {
      i++;
      continue;
    }
    out.push(mentionOf(tokens, i, best));
    // An institution named with its organization's name (Совет Безопасности ООН, БҰҰ Бас Ассамблеясы) mentions the
    // organization too; its own mention comes first, so a query reads the whole name as the institution.
    const parent = entryOf(best.p.code)?.partOf;
    if (parent !== undefined) {
      for (let j = i; j <= best.last; j++) {
        const inner = bestMatchAt(tokens, text, j, anyCase, parent);
        if (inner && inner.last <= best.last) {
          out.push(mentionOf(tokens, j, inner));
          break;
        }
      }
    }
    out.push(...placesInside(tokens, text, i, best, anyCase));
    i = best.last + 1;
  }
  return out;
}

/**
 * The places an organization's name holds (relevance policy P1b: a name that contains a place's name mentions it):
 * Шанхайская организация сотрудничества mentions Шанхай. After the organization's own mention, so a query still reads
 * the whole name as the organization.
 */
function placesInside(
  tokens: readonly AnalyzedToken[],
  text: string | null,
  first: number,
  outer: { p: Pattern; last: number },
  anyCase: boolean,
): EntityMention[] {
  // An organization's name only: a person's name is no place («Нұрсұлтан» Назарбаев), nor a place's part of it.
  if (outer.p.kind !== 'org') return [];
  const out: EntityMention[] = [];
  for (let j = first; j <= outer.last; ) {
    const inner = bestMatchAt(tokens, text, j, anyCase, null, 'place');
    if (inner && inner.last <= outer.last && inner.p.code !== outer.p.code) {
      out.push(mentionOf(tokens, j, inner));
      j = inner.last + 1;
    } else j++;
  }
  return out;
}

/** The longest name at token `i` (of the entry `only`, or of the kind `kind`, when given), or null. */
function bestMatchAt(
  tokens: readonly AnalyzedToken[],
  text: string | null,
  i: number,
  anyCase: boolean,
  only: string | null,
  kind: EntityMention['kind'] | null = null,
): { p: Pattern; last: number } | null {
  let best: { p: Pattern; last: number } | null = null;
  for (const p of patterns().get(keyOf(tokens[i] as AnalyzedToken)) ?? []) {
    if (only !== null && p.code !== only) continue;
    if (kind !== null && p.kind !== kind) continue;
    const last = matchAt(tokens, text, i, p, anyCase);
    if (last < 0) continue;
    // Longest first; at equal length an unambiguous form beats an ambiguous one.
    if (!best || last > best.last || (last === best.last && best.p.ambiguous && !p.ambiguous)) best = { p, last };
  }
  return best;
}

function mentionOf(tokens: readonly AnalyzedToken[], i: number, m: { p: Pattern; last: number }): EntityMention {
  return {
    code: m.p.code,
    kind: m.p.kind,
    start: (tokens[i] as AnalyzedToken).start,
    end: (tokens[m.last] as AnalyzedToken).end,
    firstToken: i,
    lastToken: m.last,
    ambiguous: m.p.ambiguous,
  };
}

function hasContext(tokens: readonly AnalyzedToken[], code: string, text: string | null): boolean {
  const index = contextPatterns().get(code);
  if (!index) return false;
  for (const [i, token] of tokens.entries()) {
    for (const p of index.get(keyOf(token)) ?? []) if (matchAt(tokens, text, i, p, true) >= 0) return true;
  }
  return false;
}

/**
 * Organization codes of a text (sorted, unique): every unambiguous mention, and an ambiguous one only when the
 * text supports it (another mention of the same code, a mention of one of its institutions, or one of the entry's
 * context phrases).
 */
export function organizationsOf(
  tokens: readonly AnalyzedToken[],
  opts: FindOptions & TextSource & { mentions?: readonly EntityMention[] } = {},
): string[] {
  const mentions = (opts.mentions ?? findEntities(tokens, opts)).filter((m) => m.kind === 'org');
  const sure = new Set(mentions.filter((m) => !m.ambiguous).map((m) => m.code));
  const out = new Set(sure);
  const institutionsOf = new Set(mentions.flatMap((m) => entryOf(m.code)?.partOf ?? []));
  for (const m of mentions) {
    if (!m.ambiguous || out.has(m.code)) continue;
    if (institutionsOf.has(m.code) || hasContext(tokens, m.code, opts.text ?? null)) out.add(m.code);
  }
  return [...out].sort();
}
