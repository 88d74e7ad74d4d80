import { LRUCache } from 'lru-cache';
import {
  analyzeQuery,
  cyrillicToLatin,
  detectLatinAlphabet,
  fold,
  gazetteer,
  KAZAKH_MARK,
  type LatinAlphabet,
  latinSpelled,
  normalize,
  RUSSIAN_MARK,
  titleModifier,
  wordScript,
} from '../../analyzers/index.js';
import type { Gateway } from '../../engine/index.js';
import { encodeKey, parseRawTermValue, parseTermValue, type TermValue, toEngineError } from '../../engine/index.js';
import { paradigmWords, withParadigm } from './typing.js';

export interface Suggestion {
  text: string;
  kind: 'term' | 'title' | 'org' | 'place' | 'person' | 'topic';
  /** The article, for title suggestions. */
  id?: string;
  /** The entity code, for organizations, places and persons (e.g. SCO). */
  code?: string;
}

export interface SuggestResponse {
  query: string;
  suggestions: Suggestion[];
}

/** Titles of articles matching a query whose last word is a prefix (the search service's planner does it). */
export type TitleLookup = (query: string, limit: number) => Promise<{ id: string; title: string }[]>;

export interface SuggesterOptions {
  gateway: Gateway;
  titles?: TitleLookup;
  /** Titles offered at most. */
  maxTitles?: number;
  /** Bytes of facet answers kept per index version (0: none); see `completions`. */
  completionCacheBytes?: number;
  /**
   * Whether the index holds articles analyzed before the key code (engine/key-code.ts keysCodedIn): their completions
   * are read in their own form too until `npm run reindex` has analyzed them again.
   */
  legacyKeys?: () => Promise<boolean>;
}

/** One answer of the `terms` facet search: its values and their counts. */
type FacetHits = readonly { value: string; count: number }[];

const facetHitsBytes = (hits: FacetHits) => hits.reduce((n, h) => n + 2 * h.value.length + 48, 64);

interface NameEntry {
  key: string;
  text: string;
  kind: Suggestion['kind'];
  code: string;
  latin: boolean;
}

/** A typed word completes to gazetteer names from this many letters on («Tru» → Trump, not «Tr»). */
const MIN_NAME_PREFIX = 3;

/**
 * The stem key a query of this name reads its last word with (its first reading), or null unless the name reads as
 * exactly `words` words (one for «Тоқаев», two for «Усть-Каменогорск»).
 */
function nameStem(name: string, words: number): string | null {
  const reading = analyzeQuery(name).readings[0];
  if (reading?.content.length !== words) return null;
  return reading.tokens[reading.content[words - 1] ?? -1]?.keys?.stem ?? null;
}

const HYPHENATED_TAIL = /[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{M}\p{N}]+)+$/u;

/**
 * The hyphenated compound a query's text ends with («Усть-Камено» of «жители Усть-Камено»), or null: a name of
 * several parts is completed as a whole, not by its last part alone (no word begins «камено»).
 */
export function hyphenatedTail(text: string): string | null {
  return HYPHENATED_TAIL.exec(text)?.[0] ?? null;
}

const hyphenParts = (s: string): string[] => s.split(/[-\u2010\u2011]/u);

/** Completions read for a paradigm word's count, as the search reads them (service.ts COMPLETIONS_READ). */
const PARADIGM_READ = 6;

/** Words read for a title compound's head per word suggested (Suggester.compoundCompletions). */
const COMPOUND_READ = 3;

/**
 * The title modifier a hyphenated compound being typed begins with («Премьер-мин», «vıtse-pr»), or null: two parts,
 * the first a modifier (analyzers/title-compounds.ts).
 */
function compoundModifier(compound: string, alphabet: LatinAlphabet): string | null {
  const parts = hyphenParts(compound);
  const first = parts[0];
  if (parts.length !== 2 || !first) return null;
  return titleModifier(wordScript(first) === 'latin' ? normalize(first, { latin: alphabet }) : normalize(first));
}

/**
 * The key of a typed word: normalized, Kazakh Latin read as Cyrillic, then folded and spelled as Latin cannot tell
 * apart (latinSpelled, as the archive's words are in `terms`: «бюдж» and «bıýdj» complete to бюджет and to «bıýdjet»).
 */
export function typedKey(word: string, latinAlphabet: LatinAlphabet): string {
  // Latin is transliterated inside normalize, before lowercasing can turn 2018's capital I into і.
  return latinSpelled(fold(wordScript(word) === 'latin' ? normalize(word, { latin: latinAlphabet }) : normalize(word)));
}

const words = (s: string) => s.split(/[^\p{L}\p{M}\p{N}'’]+/u).filter(Boolean);

/** A completion the archive holds: a word form, the stem it belongs to, and how many articles hold it. */
export interface Completion {
  form: string;
  stem: string;
  count: number;
  /** A word whose forms the letters begin by its paradigm, though no title or lead form does (typing.ts paradigmWords). */
  paradigm?: boolean;
}

/** How a facet value is looked for and read: in the key code, or as written before it. */
interface ValueForm {
  query: (prefix: string) => string;
  parse: (value: string) => TermValue | null;
}

const CODED: ValueForm = { query: encodeKey, parse: parseTermValue };
const RAW: ValueForm = { query: (prefix) => prefix, parse: parseRawTermValue };

/**
 * Completions for the search box, all from the live index (facet answers are kept only under the index version they
 * were read at, in a cache bounded by bytes), so every addition, replacement and deletion — by this process or any
 * other — is seen at once, and nothing grows with the archive in this process's memory:
 * - words: the facet search of `terms` (the word forms of titles and leads) with the typed word folded, so «каз»,
 *   «Қаз» and «Qaz» complete alike; the forms of one word are grouped by stem and the most frequent form stands for
 *   them; answers come back in the script typed;
 * - organizations, places and persons of the gazetteer (a small list, kept in memory);
 * - titles of the articles the typed words find, the last word as a prefix.
 */
export class Suggester {
  private readonly names: NameEntry[];
  private readonly maxTitles: number;
  /** Stem keys of the names completed so far (analyzed once each). */
  private readonly nameStems = new Map<string, string | null>();
  private readonly facetAnswers: LRUCache<string, FacetHits> | undefined;

  constructor(private readonly options: SuggesterOptions) {
    this.names = buildNames();
    this.maxTitles = options.maxTitles ?? 3;
    const bytes = options.completionCacheBytes ?? 2 * 1024 * 1024;
    this.facetAnswers = bytes > 0 ? new LRUCache({ maxSize: bytes, sizeCalculation: facetHitsBytes }) : undefined;
  }

  /**
   * The most frequent words starting with the typed prefix (folded), grouped by stem, best first. `version` is the
   * index's version (server/http/index-version.ts) when the caller read it: the facet answer is then kept under it, so
   * readers typing the same letters cost the engine one facet search per prefix until the index next changes, and any
   * change — by any process — is seen at once, as a new version.
   */
  async completions(prefix: string, limit: number, version: string | null = null): Promise<Completion[]> {
    if (!prefix) return [];
    const forms = (await this.options.legacyKeys?.()) ? [CODED, RAW] : [CODED];
    const answers = await Promise.all(forms.map((form) => this.facetAnswer(form.query(prefix), version)));
    const groups = new Map<string, { best: Completion; total: number }>();
    forms.forEach((form, i) => {
      const query = form.query(prefix);
      for (const h of answers[i] ?? []) {
        // Facet search forgives a typo; a completion must really start with what was typed.
        const term = h.value.startsWith(query) ? form.parse(h.value) : null;
        if (!term) continue;
        const c = { form: term.form, stem: term.stem, count: h.count };
        const g = groups.get(c.stem);
        if (!g) groups.set(c.stem, { best: c, total: c.count });
        else {
          g.total += c.count;
          if (c.count > g.best.count) g.best = c;
        }
      }
    });
    return [...groups.values()]
      .sort((a, b) => b.total - a.total)
      .slice(0, limit)
      .map((g) => ({ ...g.best, count: g.total }));
  }

  /** The facet search of a value prefix, kept under the index version it was read at. */
  private async facetAnswer(query: string, version: string | null): Promise<FacetHits> {
    const cacheKey = version === null ? undefined : `${version}\u0000${query}`;
    let hits = cacheKey === undefined ? undefined : this.facetAnswers?.get(cacheKey);
    if (!hits) {
      hits = await this.facetSearch(query);
      if (cacheKey !== undefined) this.facetAnswers?.set(cacheKey, hits);
    }
    return hits;
  }

  private async facetSearch(prefix: string): Promise<FacetHits> {
    const client = await this.options.gateway.searchClient();
    try {
      const res = await client
        .index(this.options.gateway.indexName)
        .searchForFacetValues({ facetName: 'terms', facetQuery: prefix });
      return res.facetHits;
    } catch (err) {
      throw toEngineError(err);
    }
  }

  /**
   * The completions of a word as typed: its typed key (Kazakh Latin read as Cyrillic, folded) and, for a Latin word,
   * the word itself too (a foreign word: «Euro» → «euronews»), merged by stem, the most frequent first.
   */
  async completionsOfTyped(
    word: string,
    alphabet: LatinAlphabet,
    limit: number,
    version: string | null = null,
    compound: string | null = null,
  ): Promise<Completion[]> {
    // A hyphenated name being typed («Усть-Камено»): the names it begins come first, the archive's words of its last
    // part («камено…») know nothing of the part before.
    const whole = compound ? this.nameCompletions(compound, alphabet) : [];
    if (whole.length > 0) return whole.slice(0, limit);
    const keys = new Set([typedKey(word, alphabet)]);
    if (wordScript(word) === 'latin') keys.add(word.normalize('NFC').toLowerCase());
    const lists = await Promise.all([...keys].map((k) => this.completions(k, limit, version)));
    const byStem = new Map<string, Completion>();
    for (const c of lists.flat()) {
      const seen = byStem.get(c.stem);
      if (!seen || c.count > seen.count) byStem.set(c.stem, c);
    }
    const found = [...byStem.values()].sort((a, b) => b.count - a.count);
    // Names after the archive's words: they count when the archive's titles and leads hold no word the typed letters
    // begin, because it writes the name otherwise (Trum… → Trump, written Трамп and Tramp; Ердоғ… → Ердоған).
    for (const name of this.nameCompletions(word, alphabet)) if (!byStem.has(name.stem)) found.push(name);
    return found.slice(0, limit);
  }

  /**
   * Hyphenated gazetteer names in the script typed that begin with a compound typed up to its hyphen or a letter past
   * it («Усть-», «Нур-С»): the tokenizer keeps no word of the part being typed, so the name is all there is to go on.
   */
  hyphenatedNamesBeginning(typed: string, alphabet: LatinAlphabet): string[] {
    if ([...typed].length < MIN_NAME_PREFIX || hyphenParts(typed).length < 2) return [];
    const key = typedKey(typed, alphabet);
    const latin = wordScript(typed) === 'latin';
    const names = this.names.filter(
      (n) => n.latin === latin && n.key.startsWith(key) && !/\s/u.test(n.text) && hyphenParts(n.text).length > 1,
    );
    return [...new Set(names.map((n) => n.text))];
  }

  /**
   * Gazetteer names without spaces in the script typed that the typed word (or hyphenated compound) begins, with as
   * many hyphenated parts, as completions counted 0: the completion is the name's last part, as the last word typed.
   */
  private nameCompletions(typed: string, alphabet: LatinAlphabet): Completion[] {
    if ([...typed].length < MIN_NAME_PREFIX) return [];
    const key = typedKey(typed, alphabet);
    const latin = wordScript(typed) === 'latin';
    const parts = hyphenParts(typed).length;
    const out: Completion[] = [];
    for (const n of this.names) {
      if (n.latin !== latin || !n.key.startsWith(key) || /\s/u.test(n.text)) continue;
      const nameParts = hyphenParts(n.text);
      if (parts > 1 && nameParts.length !== parts) continue;
      const cacheKey = `${parts}\u0000${n.text}`;
      if (!this.nameStems.has(cacheKey)) this.nameStems.set(cacheKey, nameStem(n.text, parts));
      const stem = this.nameStems.get(cacheKey);
      const form = parts > 1 ? (nameParts[parts - 1] ?? n.text) : n.text;
      if (stem && !out.some((c) => c.stem === stem)) out.push({ form, stem, count: 0 });
    }
    return out;
  }

  /**
   * The words that complete a title compound's head being typed («Премьер-мин…»), the most frequent compound first:
   * the titles and leads keep no compound among their words (its head keys as the compound, indexer/document.ts
   * termsOf), so each word the head's letters begin is tried as the compound and kept when articles hold it —
   * премьер-министра and премьер-министрі, not «Премьер-минувшую». Their counts are the articles holding the compound.
   * With keys of before the key code in the index (legacyKeys) the words are kept as they are.
   */
  private async compoundCompletions(modifier: string, read: Completion[], limit: number): Promise<Completion[]> {
    if (await this.options.legacyKeys?.()) return read.slice(0, limit);
    const byCompound = new Map<string, Completion>();
    for (const c of read) {
      const readings = analyzeQuery(`${modifier}-${c.form}`).readings;
      const label = c.stem.startsWith(KAZAKH_MARK) ? 'kk' : c.stem.startsWith(RUSSIAN_MARK) ? 'ru' : null;
      const reading = readings.find((r) => r.label === label) ?? readings[0];
      const head = reading?.tokens[reading.content[reading.content.length - 1] ?? -1];
      const stem = head?.modifier === undefined ? undefined : head.keys?.stem;
      if (stem && !byCompound.has(stem)) byCompound.set(stem, c);
    }
    if (byCompound.size === 0) return [];
    const client = await this.options.gateway.searchClient();
    const indexUid = this.options.gateway.indexName;
    try {
      const { results } = await client.multiSearch({
        queries: [...byCompound.keys()].map((stem) => ({
          indexUid,
          // The stem key keeps the query in its tier (no attributesToSearchOn: a passage field no article has is refused).
          q: `"${encodeKey(stem)}"`,
          limit: 0,
        })),
      });
      return [...byCompound.values()]
        .map((c, i) => ({ ...c, count: results[i]?.estimatedTotalHits ?? 0 }))
        .filter((c) => c.count > 0)
        .sort((a, b) => b.count - a.count)
        .slice(0, limit);
    } catch (err) {
      throw toEngineError(err);
    }
  }

  /**
   * The Kazakh words the last word typed goes into the endings of (typing.ts paradigmWords) that the titles and leads
   * hold, as the paradigm's form the letters begin («министрл» → министрлер), counted as the titles and leads hold the
   * word: what the search shows while typing, offered too.
   */
  private async paradigmCompletions(
    query: string,
    alphabet: LatinAlphabet,
    version: string | null,
  ): Promise<Completion[]> {
    const words = paradigmWords(analyzeQuery(query));
    const lists = await Promise.all(
      words.map((w) => this.completions(typedKey(w.typed, alphabet), PARADIGM_READ, version)),
    );
    return words.map((w, i) => ({
      form: w.form,
      stem: w.stem,
      count: lists[i]?.find((c) => c.stem === w.stem)?.count ?? 0,
    }));
  }

  async suggest(query: string, limit: number, version: string | null = null): Promise<SuggestResponse> {
    const typed = words(query);
    const last = typed[typed.length - 1];
    if (!last) return { query, suggestions: [] };
    const latin = wordScript(last) === 'latin';
    const alphabet = detectLatinAlphabet(query);
    const prefix = typedKey(last, alphabet);
    const head = query.slice(0, query.lastIndexOf(last));
    const out: Suggestion[] = [];
    const seen = new Set<string>();
    const push = (s: Suggestion) => {
      const k = s.text.toLowerCase();
      if (out.length >= limit || seen.has(k)) return;
      seen.add(k);
      out.push(s);
    };
    const compound = hyphenatedTail(query);
    const modifier = compound === null ? null : compoundModifier(compound, alphabet);
    const [read, titles] = await Promise.all([
      // A title compound's head is looked for among more words: most of those the letters begin are other words.
      this.completions(prefix, modifier ? limit * COMPOUND_READ : limit, version),
      this.options.titles ? this.options.titles(query, this.maxTitles) : Promise.resolve([]),
    ]);
    const completions = modifier
      ? await this.compoundCompletions(modifier, read, limit)
      : withParadigm(read, await this.paradigmCompletions(query, alphabet, version));

    // Organizations, places, persons: a name starts with the typed word, or with the hyphenated name typed.
    let compoundNamed = false;
    if (typed.length === 1 || compound === query.trim()) {
      const nameKey = compound ? typedKey(compound, alphabet) : prefix;
      for (const n of this.names) {
        if (n.latin === latin && n.key.startsWith(nameKey)) {
          push({ text: n.text, kind: n.kind, code: n.code });
          compoundNamed ||= compound !== null;
        }
        if (out.length >= Math.ceil(limit / 3)) break;
      }
    }
    // A hyphenated name being typed is no place for the archive's words of its last part («Усть-Кампании»).
    for (const c of compoundNamed ? [] : completions) {
      const word = latin ? cyrillicToLatin(c.form, alphabet.startsWith('2021') ? '2021' : '2018') : c.form;
      push({ text: `${head}${caseAsTyped(word, last)}`, kind: 'term' });
    }
    for (const t of titles) push({ text: t.title, kind: 'title', id: t.id });
    return { query, suggestions: out };
  }
}

/**
 * A completion (stored in lower case) written as the word was typed: in capitals after two or more capitals («СШ» →
 * США, «НАТ» → НАТО), capitalized after a capital («Тоқ» → Тоқаев, «Брюс» → Брюсселя), as it is otherwise.
 */
export function caseAsTyped(word: string, typed: string): string {
  if (/^\p{Lu}{2,}$/u.test(typed)) return word.toUpperCase();
  if (/^\p{Lu}/u.test(typed)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Every name of every gazetteer entry, keyed by the folded form a user could type. */
function buildNames(): NameEntry[] {
  const out: NameEntry[] = [];
  for (const e of gazetteer) {
    for (const [lang, names] of Object.entries(e.names)) {
      for (const name of names ?? []) {
        const latin = lang === 'en' || lang === 'kk-Latn';
        out.push({ key: typedKey(name, detectLatinAlphabet(name)), text: name, kind: e.kind, code: e.code, latin });
      }
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.text.length - b.text.length));
}
