import type { IndexedToken } from '../analyzers/index.js';
import {
  ANALYZER_VERSION,
  type ArticleAnalysis,
  analyzeArticle,
  entityToken,
  fold,
  joinedByHyphen,
  latinSpelled,
  salientKey,
  sentenceStarts,
  type TextAnalysis,
} from '../analyzers/index.js';
import {
  type ArticleDocument,
  documentKey,
  encodeKey,
  hasTier,
  LEAD_PASSAGES,
  type Origin,
  PASSAGES,
  type PassageField,
  passageField,
  type Tier,
  termValue,
} from '../engine/index.js';
import type { Article } from './types.js';

const TIERS: readonly Tier[] = ['exact', 'stem', 'fold'];

/** Where a document comes from, for sync: its file (or `api`) and the hash of its input. */
export interface DocumentSource {
  origin: Origin;
  hash: string;
}

/**
 * A unit holds at most this many content words: a long sentence (a list of twenty countries) is cut into clauses of
 * this length, so that its first and last words do not count as near. 14 keeps about nine sentences in ten whole on
 * development text (KazNERD valid: 94%, UD Russian Taiga dev: 89%).
 */
export const UNIT_WORDS = 14;

/**
 * The units a body is searched in: its sentences (a paragraph break always ends one), a long sentence cut every
 * UNIT_WORDS content words. Returns the offsets where units start (the first is 0), given the body's tokens.
 */
export function passageUnits(body: string, tokens: readonly Pick<IndexedToken, 'start' | 'end' | 'keys'>[]): number[] {
  const sentences = sentenceStarts(body);
  const out = [0];
  let next = 1; // the next sentence start not yet passed
  let words = 0;
  let previousEnd = -1;
  for (const t of tokens) {
    // A hyphenated compound is one word: no cut between its parts (премьер-министр keys as one, title-compounds.ts).
    const joined = t.start - previousEnd === 1 && joinedByHyphen(body.slice(previousEnd, t.start));
    previousEnd = t.end;
    let started = false;
    while (next < sentences.length && (sentences[next] ?? Number.POSITIVE_INFINITY) <= t.start) {
      next++;
      started = true;
    }
    if (started) {
      out.push(sentences[next - 1] ?? t.start);
      words = 0;
    }
    if (!t.keys) continue;
    if (words >= UNIT_WORDS && !joined) {
      out.push(t.start);
      words = 0;
    }
    words++;
  }
  return [...new Set(out)];
}

/**
 * The passage of each unit: the sentences take passages 0 … PASSAGES-1 in order, one each, or in runs of consecutive
 * sentences when there are more (a long article's sentences share passages two or three at a time).
 */
export function passageOfUnits(units: number): number[] {
  return Array.from({ length: units }, (_, i) => (units <= PASSAGES ? i : Math.floor((i * PASSAGES) / units)));
}

/** Where each unit of a body starts, the passage it goes to, and where the lead ends. */
export interface PassageLayout {
  starts: number[];
  passageOf: number[];
  leadEnd: number;
}

export function passageLayout(body: TextAnalysis): PassageLayout {
  const starts = passageUnits(body.text, body.tokens);
  const passageOf = passageOfUnits(starts.length);
  const firstAfterLead = passageOf.findIndex((p) => p >= LEAD_PASSAGES);
  const leadEnd = firstAfterLead < 0 ? body.text.length : (starts[firstAfterLead] ?? body.text.length);
  return { starts, passageOf, leadEnd };
}

/** Token keys of one field of one tier, in order, with synthetic tokens (entities, name skeletons) in every tier. */
type Lanes = Record<Tier, string[]>;
const emptyLanes = (): Lanes => ({ exact: [], stem: [], fold: [] });

/**
 * Writes a text's tokens into lanes (one lane per tier), choosing the lanes of each token by `laneOf` (the body's
 * passages). Stopwords are left out (so Meilisearch cannot match «НАТО» as «на то»), and after each entity mention
 * its language-independent token is added to every tier, so «ШЫҰ», «ШОС» and «SCO» meet.
 */
function writeLanes(analysis: TextAnalysis, laneOf: (offset: number) => Lanes): void {
  const after = new Map<number, string[]>();
  for (const m of analysis.mentions) {
    const list = after.get(m.lastToken) ?? [];
    list.push(entityToken(m.code));
    after.set(m.lastToken, list);
  }
  analysis.tokens.forEach((t, i) => {
    const lanes = laneOf(t.start);
    const k = t.keys;
    if (k) {
      lanes.exact.push(k.exact);
      lanes.stem.push(k.stem);
      lanes.fold.push(k.fold);
      if (k.name) for (const tier of TIERS) lanes[tier].push(k.name);
    }
    for (const e of after.get(i) ?? []) for (const tier of TIERS) lanes[tier].push(e);
  });
}

/** A field's keys as the engine holds them: in the key code (engine/key-code.ts), one byte a Russian letter. */
const coded = (keys: readonly string[]): string => keys.map(encodeKey).join(' ');

const sameKeys = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * The title's term fields and the body's passage fields. A passage whose fold keys are its stem keys (Russian text,
 * Kazakh without Kazakh letters) gets no fold field: a fold query finds those keys in the stem field, whole and in
 * one field (passages are never searched by name), so the field would only cost the engine: 14 % of its indexing
 * CPU and 15 % of its disk on the scale benchmark's articles (docs/performance.md). The title keeps all its fields:
 * the title query names them.
 */
export function termFields(
  analysis: ArticleAnalysis,
  { starts, passageOf }: PassageLayout = passageLayout(analysis.body),
): Pick<ArticleDocument, 'title_x' | 'title_s' | 'title_f'> & Partial<Record<PassageField, string>> {
  const title = emptyLanes();
  writeLanes(analysis.title, () => title);
  const passages = Array.from({ length: PASSAGES }, emptyLanes);
  let unit = 0;
  writeLanes(analysis.body, (offset) => {
    while (unit + 1 < starts.length && (starts[unit + 1] ?? Number.POSITIVE_INFINITY) <= offset) unit++;
    return passages[passageOf[unit] ?? 0] ?? (passages[0] as Lanes);
  });
  const out: Pick<ArticleDocument, 'title_x' | 'title_s' | 'title_f'> & Partial<Record<PassageField, string>> = {
    title_x: coded(title.exact),
    title_s: coded(title.stem),
    title_f: coded(title.fold),
  };
  passages.forEach((lanes, p) => {
    for (const tier of TIERS) {
      if (!hasTier(p, tier) || lanes[tier].length === 0) continue;
      if (tier === 'fold' && sameKeys(lanes.fold, lanes.stem)) continue;
      out[passageField(p, tier)] = coded(lanes[tier]);
    }
  });
  return out;
}

/** Shorter words are not offered as completions. */
const MIN_TERM_LETTERS = 2;

/**
 * The vocabulary of an article's title and lead, for completions while typing: one value per distinct word form,
 * `fold(form) form stem` (written short, engine/term-value.ts). Meilisearch's facet search matches a typed prefix
 * against the start of a value and counts the articles holding it, so «каз», «қаз» and «Qaz» (read as Cyrillic, then
 * folded) complete to the forms the archive holds, the most frequent first, and the stem groups the forms of one word.
 * The fold is spelled as Latin cannot tell apart (latinSpelled), as the typed key is (server/search/suggest.ts
 * typedKey): «бюдж» completes to бюджет and to the «bıýdjet» of a Kazakh Latin text.
 */
export function termsOf(analysis: ArticleAnalysis, leadEnd: number): string[] {
  const out = new Set<string>();
  const add = (tokens: ArticleAnalysis['title']['tokens'], end: number) => {
    for (const t of tokens) {
      if (t.start >= end) break;
      // Abbreviations too: НАТО, ЛГБТ and ШОС are what people type.
      if (t.kind === 'number' || !t.keys || t.norm.length < MIN_TERM_LETTERS) continue;
      // The head of a title compound keys as the compound (премьерминистр): no word anyone types as such.
      if (t.modifier !== undefined) continue;
      out.add(termValue({ fold: latinSpelled(fold(t.norm)), form: t.norm, stem: t.keys.stem }));
    }
  };
  add(analysis.title.tokens, Number.POSITIVE_INFINITY);
  add(analysis.body.tokens, leadEnd);
  return [...out];
}

/** Keys of words mentioned twice or more kept at most, the most mentioned first: a long tail says little. */
export const SALIENT_MENTIONED = 32;

/**
 * The article's salient words, for ranking several mentions above one (Meilisearch counts no term frequency), as
 * salient keys (analyzers/index-keys.ts) of the fold keys, entity tokens and name tokens of its words (not numbers):
 * `sal_t` those in the title or the lead, in order; `sal_m` the others mentioned at least twice, the most mentioned
 * first. The planner searches these fields alone, with their own query (server/search/plan.ts).
 */
export function salientOf(analysis: ArticleAnalysis, leadEnd: number): Pick<ArticleDocument, 'sal_t' | 'sal_m'> {
  const seen = new Map<string, { count: number; top: boolean; first: number }>();
  let order = 0;
  const count = (key: string, top: boolean) => {
    const s = seen.get(key);
    if (s) {
      s.count++;
      s.top ||= top;
    } else seen.set(key, { count: 1, top, first: order++ });
  };
  const add = (text: TextAnalysis, topEnd: number) => {
    for (const t of text.tokens) {
      if (!t.keys || t.kind === 'number') continue;
      const top = t.start < topEnd;
      count(salientKey(t.keys.fold), top);
      if (t.keys.name) count(salientKey(t.keys.name), top);
    }
    for (const m of text.mentions) count(salientKey(entityToken(m.code)), m.start < topEnd);
  };
  add(analysis.title, Number.POSITIVE_INFINITY);
  add(analysis.body, leadEnd);
  const all = [...seen];
  return {
    sal_t: coded(all.filter(([, s]) => s.top).map(([key]) => key)),
    sal_m: coded(
      all
        .filter(([, s]) => !s.top && s.count >= 2)
        .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
        .slice(0, SALIENT_MENTIONED)
        .map(([key]) => key),
    ),
  };
}

/** Seconds since the epoch of the article's date, or of 1 January of its year: the recency sort key. */
export function sortTimestamp(date: string | null, year: number | null): number | null {
  const parsed = date ? Date.parse(date) : Number.NaN;
  if (!Number.isNaN(parsed)) return Math.floor(parsed / 1000);
  return year === null ? null : Math.floor(Date.UTC(year, 0, 1) / 1000);
}

/**
 * The Meilisearch document of an article: original text for display, analyzed term fields for matching. The
 * analysis is the one extraction made (an article is analyzed once); without one (re-indexing stored articles),
 * the article is analyzed here.
 */
export function toDocument(
  article: Article,
  source: DocumentSource,
  analysis: ArticleAnalysis = analyzeArticle(article.title, article.body),
): ArticleDocument {
  const layout = passageLayout(analysis.body);
  return {
    key: documentKey(article.id),
    id: article.id,
    title: article.title,
    body: article.body,
    date: article.date,
    year: article.year,
    ts: sortTimestamp(article.date, article.year),
    dateSource: article.dateSource,
    lang: article.lang,
    source: article.source,
    url: article.url,
    org: article.orgs,
    ...(article.persons ? { persons: article.persons } : {}),
    ...(article.places ? { places: article.places } : {}),
    origin: source.origin,
    hash: source.hash,
    av: ANALYZER_VERSION,
    terms: termsOf(analysis, layout.leadEnd),
    ...salientOf(analysis, layout.leadEnd),
    ...termFields(analysis, layout),
  };
}
