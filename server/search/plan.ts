import type { IndexKeys } from '../../analyzers/index.js';
import {
  analyzeQuery,
  entityToken,
  fold,
  KAZAKH_MARK,
  kazakhKey,
  nameSkeleton,
  nameToken,
  type QueryAnalysis,
  type QueryToken,
  type Reading,
  RUSSIAN_MARK,
  salientKey,
} from '../../analyzers/index.js';
import { encodeKey, INDEX_SETTINGS, SALIENT_FIELDS, TIER_FIELDS, type Tier, titleField } from '../../engine/index.js';
import { allowsTypo } from './match.js';

/**
 * The query planner: what the user typed → the Meilisearch queries of one federated search. Each query searches
 * one match tier (exact, stem, fold) or the entity tokens, and carries a weight so that exact matches rank above
 * stemmed ones and stemmed above folded ones. Words that could be Russian or Kazakh typed with Russian letters
 * (or English or Kazakh Latin) are read both ways, as two readings of the whole query.
 */
export interface PlannedQuery {
  name: string;
  q: string;
  fields: readonly string[];
  weight: number;
  /** Lowest ranking score a hit may have: set for queries of several words, where the score measures how close
   *  the words are (proximity ranks first after words), so that far-apart words are no match. */
  minScore?: number;
  /** Search `fields` only (sent as attributesToSearchOn); otherwise the keys themselves keep a query in its tier. */
  restrict?: boolean;
}

/**
 * With the ranking rules of engine/settings.ts, a query of several words scores about 0.7 and up when its words
 * stand within a few words of each other, and about 0.25 and below when they are far apart (another sentence or
 * paragraph). Measured on the shared corpus; the cut sits between the two.
 */
export const NEAR_WORDS_SCORE = 0.45;

export interface QueryPlan {
  text: string;
  /** The query's content words (stopwords removed), in order. */
  tokens: QueryToken[];
  queries: PlannedQuery[];
  /** Keys that count as a match when highlighting: the union over all readings. */
  keys: MatchKeys;
}

export interface MatchKeys {
  exact: Set<string>;
  stem: Set<string>;
  fold: Set<string>;
  entities: Set<string>;
  /** Skeleton tokens of foreign names (Brexit ~ Брексит). */
  names: Set<string>;
  /** Prefixes of the last, unfinished word (only in a prefix plan). */
  exactPrefixes: Set<string>;
  foldPrefixes: Set<string>;
  /** Name skeleton tokens a foreign name being typed begins (only in a prefix plan). */
  namePrefixes: Set<string>;
}

/**
 * Weights of the federated queries. A match in the title ranks first whatever the form (`title`: the stem keys, or
 * the entity tokens, on the title fields alone); then, anywhere, exact forms above stems above entity tokens above
 * folded spellings above name skeletons. Passages alone cannot do the first: with 64 of them the attribute rule
 * barely tells the title from the lead. A one-word query of the preferred reading has no title query: its salient
 * query finds the title's words first (they open `sal_t`, and the attribute rule ranks by position), so a title query
 * would be one more engine query for the same order (eval:relevance: the same recall, precision, P@10 and nDCG@10).
 * The title's weight is above 1 because the attribute rule scores the title fields by their place in the searchable
 * list (after the salient ones) even in a query restricted to them, about 0.98: so a title match of the reading not
 * preferred still ranks above the preferred reading's salient words, as it did while every word also had a typo
 * bucket, which halved that loss (words are sent as phrases since; toQ).
 */
const WEIGHTS: Record<Tier | 'title' | 'salient' | 'entity' | 'name', number> = {
  title: 1.02,
  salient: 0.95,
  exact: 0.92,
  stem: 0.85,
  entity: 0.82,
  fold: 0.76,
  name: 0.72,
};
/** The fields of the title query (sent as attributesToSearchOn: title fields exist as soon as one article does). */
const TITLE_FIELDS = [titleField('stem'), titleField('fold')] as const;
/** The reading that language identification did not prefer is still searched, a little lower. */
const SECOND_READING = 0.97;
/** The prefix queries while typing: below every whole-word tier; the folded spelling a little below the exact one. */
const PREFIX_WEIGHT = 0.66;
const FOLD_PREFIX_SHARE = 0.95;

export interface PlanOptions {
  /** Treat the last word as a prefix (search-as-you-type when whole words found nothing). */
  prefix?: boolean;
  /**
   * The unfinished last word begins no word of the titles and leads: in a reading where its letters go past its own
   * stem (lettersPastStem), the words they begin (title and lead forms, stems) first, the whole word's tiers after.
   */
  lettersFirst?: boolean;
  /**
   * With `prefix`: a foreign word being typed is also searched by the name skeletons its own begins (Johns → Джонсон),
   * a little lower. Loose on its own (three consonants begin many names): for a word whose letters the archive holds.
   */
  namePrefix?: boolean;
}

/** Fields on which Meilisearch matches a word with a typo (engine/settings.ts turns typos off on the others). */
const TYPOS_OFF = new Set<string>(INDEX_SETTINGS.typoTolerance.disableOnAttributes);
const typosOn = (fields: readonly string[]): boolean => fields.some((f) => !TYPOS_OFF.has(f));

/**
 * Joins keys into a Meilisearch q, each in the engine's key code (engine/key-code.ts): phrase groups in quotes, then
 * a trailing space so the last word is no prefix. A word that can have no typo on these fields (`typos` false, or a key too short for one) is sent as a phrase of
 * one word as well. Meilisearch tries to split every other word into two («ъқазақстан» → «ъқазақ стан»), looking up
 * each split in every searchable field: on izde's hundred-odd term fields that was a third of the engine's search
 * time, for splits no key can have (docs/performance.md). A phrase is matched as it stands: no split, no typo, no
 * prefix, so the unfinished last word of a prefix query stays bare.
 */
function toQ(keys: readonly string[], phrases: readonly number[], prefixLast: boolean, typos: boolean): string {
  let q = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    const code = encodeKey(key);
    const inPhrase = (phrases[i] ?? -1) >= 0;
    const bare = key === '' || (prefixLast && i === keys.length - 1) || (typos && allowsTypo(key));
    const opens = inPhrase ? i === 0 || phrases[i - 1] !== phrases[i] : !bare;
    const closes = inPhrase ? i === keys.length - 1 || phrases[i + 1] !== phrases[i] : !bare;
    q += `${i > 0 ? ' ' : ''}${opens ? '"' : ''}${code}${closes ? '"' : ''}`;
  }
  return prefixLast ? q : `${q} `;
}

function emptyKeys(): MatchKeys {
  return {
    exact: new Set(),
    stem: new Set(),
    fold: new Set(),
    entities: new Set(),
    names: new Set(),
    exactPrefixes: new Set(),
    foldPrefixes: new Set(),
    namePrefixes: new Set(),
  };
}

/** Entity mentions of a reading, as ranges over its content words (stopwords inside a name are absorbed). */
function entityMentions(reading: Reading): { code: string; first: number; last: number }[] {
  const out: { code: string; first: number; last: number }[] = [];
  for (const m of reading.mentions) {
    const inside = reading.content.flatMap((tokenIndex, c) =>
      tokenIndex >= m.firstToken && tokenIndex <= m.lastToken ? [c] : [],
    );
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (first !== undefined && last !== undefined) out.push({ code: m.code, first, last });
  }
  return out;
}

/**
 * The keys of a query whose entity mentions stand as their language-independent tokens (the other words keep the
 * given keys): entity tokens are in every tier, so «ШЫҰ саммиті» meets «саммит ШОС».
 */
function entityQuery(
  words: number,
  mentions: readonly { code: string; first: number; last: number }[],
  wordKeys: readonly string[],
  phrases: readonly number[],
): { keys: string[]; phrases: number[] } {
  const keys: string[] = [];
  const out: number[] = [];
  for (let i = 0; i < words; i++) {
    const m = mentions.find((x) => x.first === i);
    if (m) {
      keys.push(entityToken(m.code));
      out.push(-1);
      i = m.last;
    } else {
      keys.push(wordKeys[i] ?? '');
      out.push(phrases[i] ?? -1);
    }
  }
  return { keys, phrases: out };
}

/** The index keys of a content word (content words are those with keys). */
function contentKeys(reading: Reading, i: number): IndexKeys {
  const keys = reading.tokens[i]?.keys;
  if (!keys) throw new Error(`token ${i} of a reading is not a content word`);
  return keys;
}

/**
 * The keys of a reading's content words in the stem tier. A word typed without Kazakh letters, read as Kazakh, is
 * Kazakh typed with Russian letters: only its fold key means something (the stemmer reads «казакстан» as «казакс» +
 * -тан).
 */
function stemTierKeys(reading: Reading, tokens: readonly QueryToken[]): string[] {
  return reading.content.map((i, c) => {
    const k = contentKeys(reading, i);
    const t = tokens[c];
    return reading.label === 'kk' && !reading.secondary && t?.ambiguous && !t.latin ? k.fold : k.stem;
  });
}

/** The words of a query: keys, their phrase groups (-1: none), and whether the last one is an unfinished prefix. */
interface QueryWords {
  keys: readonly string[];
  phrases: readonly number[];
  prefixLast?: boolean;
}

type AddQuery = (
  name: string,
  words: QueryWords,
  fields: readonly string[],
  weight: number,
  restrict?: boolean,
) => void;

/** One reading, ready to plan: its content words' keys per tier, entity mentions and weight factor. */
interface ReadingPlan {
  reading: Reading;
  /** SECOND_READING for the reading language identification did not prefer, else 1. */
  factor: number;
  words: IndexKeys[];
  tierKeys: Record<Tier, string[]>;
  mentions: { code: string; first: number; last: number }[];
  phrases: readonly number[];
  /** The phrases the user quoted: a prefix query's unfinished word cannot be inside a phrase (no prefix there). */
  quoted: readonly number[];
  /** The reading's words are one name of several words, sent as one phrase (isWholeName). */
  wholeName: boolean;
}

/**
 * The tier queries. Each query costs the engine about a millisecond, so tiers that would find nothing new are left
 * out: the exact tier when every word was typed in its base form (the stem tier ranks those the same), and the fold
 * tier's own query when folding changed no key (the stem query then runs on the fold fields, which gives it the
 * folded spellings and typo tolerance at the stem's weight).
 */
function addTierQueries({ reading, factor, tierKeys, phrases }: ReadingPlan, add: AddQuery): void {
  const unmarked = tierKeys.stem.map((k, i) => (k === tierKeys.exact[i] ? k : k.slice(1)));
  const baseForms = unmarked.every((k, i) => k === tierKeys.exact[i]);
  const foldSame = tierKeys.fold.every((k, i) => k === tierKeys.stem[i]);
  const label = reading.label;
  if (!baseForms) add(`exact:${label}`, { keys: tierKeys.exact, phrases }, TIER_FIELDS.exact, WEIGHTS.exact * factor);
  if (reading.secondary) {
    add(`stem:${label}`, { keys: tierKeys.stem, phrases }, TIER_FIELDS.stem, WEIGHTS.stem * factor);
  } else if (foldSame) {
    add(`stem+fold:${label}`, { keys: tierKeys.fold, phrases }, TIER_FIELDS.fold, WEIGHTS.stem * factor);
  } else {
    add(`stem:${label}`, { keys: tierKeys.stem, phrases }, TIER_FIELDS.stem, WEIGHTS.stem * factor);
    add(`fold:${label}`, { keys: tierKeys.fold, phrases }, TIER_FIELDS.fold, WEIGHTS.fold * factor);
  }
}

/**
 * Entities: the mention's words become its language-independent token, the other words keep their key of the
 * reading's last tier (a secondary reading has no fold tier: it uses its stems, without typos).
 */
function addEntityQuery({ reading, factor, words, tierKeys, mentions, phrases }: ReadingPlan, add: AddQuery): void {
  if (mentions.length === 0) return;
  const tier: Tier = reading.secondary ? 'stem' : 'fold';
  const e = entityQuery(words.length, mentions, tierKeys[tier], phrases);
  add(`entity:${reading.label}`, { keys: e.keys, phrases: e.phrases }, TIER_FIELDS[tier], WEIGHTS.entity * factor);
}

/** The title: every word (or the entity a name stands for) in the title, whatever its form. */
function addTitleQuery({ reading, factor, words, tierKeys, mentions, phrases }: ReadingPlan, add: AddQuery): void {
  const titleKeys = mentions.length > 0 ? entityQuery(words.length, mentions, tierKeys.stem, phrases) : undefined;
  add(
    `title:${reading.label}`,
    { keys: titleKeys?.keys ?? tierKeys.stem, phrases: titleKeys?.phrases ?? phrases },
    TITLE_FIELDS,
    WEIGHTS.title * factor,
    true,
  );
}

/**
 * Several mentions above one: a word (or the entity a name stands for) among the article's salient words — in the
 * title or lead, or mentioned at least twice — ranks the article by the key's place there, above the tiers. Words of
 * several words must meet in a sentence, which that field cannot tell: one word only. The preferred reading only,
 * whose fold tier finds every article this query can.
 */
function addSalientQuery({ reading, factor, words, tierKeys, mentions, phrases }: ReadingPlan, add: AddQuery): boolean {
  const salientKeys =
    mentions.length > 0 ? entityQuery(words.length, mentions, tierKeys.fold, phrases).keys : tierKeys.fold;
  if (reading.secondary || salientKeys.length !== 1) return false;
  add(
    `salient:${reading.label}`,
    { keys: [salientKey(salientKeys[0] ?? '')], phrases: [-1] },
    SALIENT_FIELDS,
    WEIGHTS.salient * factor,
    true,
  );
  return true;
}

/**
 * Foreign names across scripts: in the reading that keeps Latin words as they are and reads Cyrillic as Russian, a
 * name's skeleton token stands in for it (the other words keep their fold key).
 */
function addNameQuery(plan: ReadingPlan, keys: MatchKeys, add: AddQuery): void {
  const { reading, factor, words, tierKeys, phrases } = plan;
  if (reading.label !== 'ru') return;
  const names = words.map((k) => k.name);
  if (!names.some(Boolean)) return;
  for (const n of names) if (n) keys.names.add(n);
  const tier: Tier = reading.secondary ? 'stem' : 'fold';
  add(
    `name:${reading.label}`,
    { keys: names.map((n, i) => n ?? tierKeys[tier][i] ?? ''), phrases },
    TIER_FIELDS[tier],
    WEIGHTS.name * factor,
  );
}

/**
 * While typing: the last word as a prefix, of its exact form and of its folded spelling. A prefix cannot be inside a
 * phrase, so the words before it keep their one passage (a name, or three words or more) without it, unless the user
 * quoted words of their own. A name before it is also searched by its entity token, as the whole-word plan searches
 * it: «ШЫҰ са…» finds the SCO however an article names it, not only where it writes «ШЫҰ».
 */
function addPrefixQueries(
  plan: ReadingPlan,
  keys: MatchKeys,
  add: AddQuery,
  {
    weight = PREFIX_WEIGHT * plan.factor,
    letters,
    namePrefix = false,
  }: { weight?: number; letters?: string; namePrefix?: boolean } = {},
): void {
  const { reading, words, mentions, quoted } = plan;
  const foldWeight = weight * FOLD_PREFIX_SHARE;
  const last = words.length - 1;
  const tierKeys = letters ? { ...plan.tierKeys, fold: [...plan.tierKeys.fold.slice(0, -1), letters] } : plan.tierKeys;
  const phrases = quoted.some((p) => p >= 0) ? quoted : plan.phrases.map((p, i) => (i === last ? -1 : p));
  const exactPrefix = tierKeys.exact[last];
  const foldPrefix = tierKeys.fold[last];
  if (exactPrefix) keys.exactPrefixes.add(exactPrefix);
  if (foldPrefix) keys.foldPrefixes.add(foldPrefix);
  add(`prefix-exact:${reading.label}`, { keys: tierKeys.exact, phrases, prefixLast: true }, TIER_FIELDS.exact, weight);
  add(`prefix-fold:${reading.label}`, { keys: tierKeys.fold, phrases, prefixLast: true }, TIER_FIELDS.fold, foldWeight);
  const skeleton = namePrefix ? typedNameSkeleton(words[last]) : null;
  if (skeleton) {
    keys.namePrefixes.add(skeleton);
    add(
      `prefix-name:${reading.label}`,
      { keys: [...tierKeys.fold.slice(0, -1), skeleton], phrases, prefixLast: true },
      TIER_FIELDS.stem,
      foldWeight * (WEIGHTS.name / WEIGHTS.fold),
    );
  }
  const namesBefore = mentions.filter((m) => m.last < last);
  if (namesBefore.length === 0) return;
  const e = entityQuery(words.length, namesBefore, tierKeys.fold, phrases);
  add(
    `prefix-entity:${reading.label}`,
    { keys: e.keys, phrases: e.phrases, prefixLast: true },
    TIER_FIELDS.fold,
    foldWeight,
  );
}

/** The fewest consonants of a typed name's skeleton that a name's must begin with (names cross scripts). */
export const MIN_TYPED_SKELETON = 3;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** The name token a foreign word being typed begins: a Latin word of no language, its skeleton long enough. */
function typedNameSkeleton(keys: IndexKeys | undefined): string | null {
  if (!keys || markOf(keys.stem) !== '' || !LATIN_LETTER.test(keys.exact)) return null;
  const skeleton = nameSkeleton(keys.exact, MIN_TYPED_SKELETON);
  return skeleton ? nameToken(skeleton) : null;
}

/** A reading's keys per tier, mentions and weight factor (the first reading is the preferred one). */
function readingPlan(
  reading: Reading,
  r: number,
  tokens: readonly QueryToken[],
  phrases: readonly number[],
): ReadingPlan {
  const words = reading.content.map((i) => contentKeys(reading, i));
  const mentions = entityMentions(reading);
  const wholeName = isWholeName(words, mentions, phrases);
  // Three words or more that are no name are one phrase too: all must meet in one passage (P3), where pairs could
  // chain across two (two words are cut by NEAR_WORDS_SCORE already).
  const onePassage = wholeName || (words.length >= 3 && !phrases.some((p) => p >= 0) && !words.some((k) => k.name));
  return {
    reading,
    factor: r === 0 ? 1 : SECOND_READING,
    words,
    tierKeys: { exact: words.map((k) => k.exact), stem: stemTierKeys(reading, tokens), fold: words.map((k) => k.fold) },
    mentions,
    phrases: onePassage ? words.map(() => 0) : phrases,
    quoted: phrases,
    wholeName,
  };
}

/**
 * Whether a reading is one name of several words («Түркі мемлекеттері ұйымының», «Шанхайская организация
 * сотрудничества»). Its words are then sent as one phrase, so that all of them must meet in one passage: separate words
 * need only each neighbouring pair to share a passage (`proximityPrecision: byAttribute`), so «түркі» and «мемлекеттер»
 * of one sentence of a speech and «мемлекеттер» and «ұйымдар» of another passed for the name. With `byAttribute`
 * Meilisearch matches a phrase where its words share an attribute, not only side by side; true adjacency would be
 * right for a name too. The entity query still finds every name the gazetteer knows, in any language, and the
 * highlighter marks those mentions, not the name's words one by one. Not when the user quoted words, nor when the
 * index has tokens between the name's words that the query cannot see (a foreign word's name skeleton).
 */
function isWholeName(
  words: readonly IndexKeys[],
  mentions: readonly { first: number; last: number }[],
  phrases: readonly number[],
): boolean {
  const n = words.length;
  if (n < 2 || phrases.some((p) => p >= 0) || words.some((k) => k.name)) return false;
  // A mention inside the name (the city of «Шанхай ынтымақтастық ұйымы») changes nothing: its entity token stands
  // between the name's words in the index, and a phrase asks only that they share a passage (measured on the engine).
  return mentions.some((m) => m.first === 0 && m.last === n - 1);
}

const onePhrase = (phrases: readonly number[]): boolean => phrases.every((p) => p >= 0 && p === phrases[0]);

/** Collects queries, each sent once: a query not restricted to its fields is the same as any other with its keys. */
function queryCollector(queries: PlannedQuery[]): AddQuery {
  const seen = new Set<string>();
  return (name, { keys, phrases, prefixLast = false }, fields, weight, restrict = false) => {
    const q = toQ(keys, phrases, prefixLast, typosOn(fields));
    // An empty q is a placeholder search, which Meilisearch refuses to merge with keyword queries.
    if (q.trim() === '') return;
    // The same words are the same query whether or not typos made some of them phrases.
    const words = JSON.stringify([keys, phrases, prefixLast]);
    const id = restrict ? `${fields.join(',')}|${words}` : words;
    if (seen.has(id)) return;
    seen.add(id);
    queries.push({
      name,
      q,
      fields,
      weight,
      // A phrase of all the words is near by itself.
      ...(keys.filter(Boolean).length > 1 && !onePhrase(phrases) ? { minScore: NEAR_WORDS_SCORE } : {}),
      ...(restrict ? { restrict } : {}),
    });
  };
}

/**
 * The entity a one-word query names in its preferred reading (Қазақстан, ШОС, Трамп), or null. Such a query needs
 * three engine queries instead of four to seven (addOneNameQueries).
 */
function oneNameCode(preferred: ReadingPlan | undefined): string | null {
  if (preferred?.words.length !== 1 || preferred.mentions.length !== 1) return null;
  return preferred.mentions[0]?.code ?? null;
}

/**
 * A one-word name: its entity token stands at every mention the gazetteer found of every name of it, in every
 * language and script; its salient query ranks the articles about it first; and one query of its folded key (at the
 * stem's weight: every spelling of the word itself, which also finds the mentions the gazetteer did not take, «в
 * кремле» in lower case) stands for the exact, stem and fold tiers. The other reading of the word names the same
 * entity, so it asks nothing more (eval:relevance: the same figures, docs/relevance.md).
 */
function addOneNameQueries(plan: ReadingPlan, add: AddQuery): void {
  const { reading, tierKeys, phrases } = plan;
  if (reading.secondary) return;
  add(`stem+fold:${reading.label}`, { keys: tierKeys.fold, phrases }, TIER_FIELDS.fold, WEIGHTS.stem);
  addEntityQuery(plan, add);
  addSalientQuery(plan, add);
}

/** Plans a query from its text, or from its analysis when the caller plans it more than once (prefix, …). */
export function planQuery(query: string | QueryAnalysis, options: PlanOptions = {}): QueryPlan {
  const { text, tokens, readings, partialLast } = typeof query === 'string' ? analyzeQuery(query) : query;
  const keys = emptyKeys();
  const queries: PlannedQuery[] = [];
  if (tokens.length === 0) return { text, tokens, queries, keys };
  const phrases = tokens.map((t) => t.phrase);
  const prefixLast = Boolean(options.prefix && partialLast);
  const add = queryCollector(queries);
  const plans = readings.map((reading, r) => readingPlan(reading, r, tokens, phrases));
  const oneName = oneNameCode(plans[0]);
  for (const plan of plans) {
    // A name is marked where the text names it (its entity mentions): one of its words alone («ұйымдар») is not it.
    if (!plan.wholeName)
      for (const tier of ['exact', 'stem', 'fold'] as const) for (const k of plan.tierKeys[tier]) keys[tier].add(k);
    for (const m of plan.mentions) keys.entities.add(m.code);
    const letters = options.lettersFirst && partialLast ? lastLettersPastStem(plan) : null;
    if (letters) addPrefixQueries(plan, keys, add, { weight: plan.factor, letters });
    const whole: AddQuery = letters ? (n, w, f, weight, r) => add(n, w, f, weight * PAST_STEM, r) : add;
    if (oneName !== null && plan.mentions.some((m) => m.code === oneName)) {
      addOneNameQueries(plan, whole);
    } else {
      addTierQueries(plan, whole);
      addEntityQuery(plan, whole);
      if (!addSalientQuery(plan, whole)) addTitleQuery(plan, whole);
      addNameQuery(plan, keys, whole);
    }
    if (prefixLast && !letters) addPrefixQueries(plan, keys, add, { namePrefix: options.namePrefix === true });
  }
  return { text, tokens, queries, keys };
}

/** A word the archive holds that an unfinished last word completes to (server/search/suggest.ts). */
export interface CompletionWord {
  /** A form of the word as the index normalized it (Cyrillic, lowercase). */
  form: string;
  /** Its stem key, language mark included: every form of the word has it. */
  stem: string;
  /**
   * The letters typed go past the word's stem into forms of its paradigm that no title or lead holds (typing.ts
   * paradigmWords): searched by its stem alone, as the letters begin none of its title and lead forms.
   */
  paradigm?: boolean;
}

/**
 * The reading a completed word belongs to: the one of its language (its stem key's mark); for a word of no language
 * (a foreign word, an abbreviation) the one that keys it so — a Latin word read as Kazakh Latin is another word, and
 * only the foreign reading has its name skeleton («johnson» ~ Джонсон); else the preferred one.
 */
function readingOf(readings: readonly Reading[], stem: string): Reading | undefined {
  const label = stem.startsWith(KAZAKH_MARK) ? 'kk' : stem.startsWith(RUSSIAN_MARK) ? 'ru' : undefined;
  const keysAs = (r: Reading) => r.tokens[r.content[r.content.length - 1] ?? -1]?.keys?.stem === stem;
  return readings.find((r) => (label ? r.label === label : keysAs(r))) ?? readings[0];
}

/** The language mark a key begins with, or '' (abbreviations, numbers, foreign words). */
export const markOf = (key: string): string =>
  key.startsWith(KAZAKH_MARK) ? KAZAKH_MARK : key.startsWith(RUSSIAN_MARK) ? RUSSIAN_MARK : '';

/** A stem key folded as fold keys are (the mark kept): «ъқазақстан» → «ъказакстан». */
export const foldedStem = (stem: string): string => {
  const mark = markOf(stem);
  return mark + fold(stem.slice(mark.length));
};

/** A word's letters as its fold key would spell them, unstemmed: its mark, Kazakh letters folded («ъаимакт»). */
function lettersKey(keys: IndexKeys): string {
  const mark = markOf(keys.stem);
  return mark + (mark === KAZAKH_MARK ? kazakhKey(fold(keys.exact)) : keys.exact);
}

/**
 * The letters of a reading's last word as a fold key, when they go past `stem` («басшыл» past басш-, the stem of
 * басшылары), else null. That stem key would also find the forms the letters do not begin (басшысы, a head, not the
 * leaders), and the stems they do begin are other words (басшылық, leadership).
 */
function lettersPastStem(reading: Reading | undefined, stem: string): string | null {
  const i = reading?.content[reading.content.length - 1];
  const keys = reading && i !== undefined ? reading.tokens[i]?.keys : undefined;
  if (!keys) return null;
  const letters = lettersKey(keys);
  const folded = foldedStem(stem);
  return letters.length > folded.length && letters.startsWith(folded) ? letters : null;
}

/** A reading's last word's letters past its own stem (lettersPastStem), unless the word ends a name. */
function lastLettersPastStem(plan: ReadingPlan): string | null {
  const last = plan.words.length - 1;
  const keys = plan.words[last];
  if (!keys || plan.mentions.some((m) => m.last === last)) return null;
  return lettersPastStem(plan.reading, keys.stem);
}

/** The queries of a completion past whose stem the word was typed rank above its stem's, which come at this share. */
const PAST_STEM = 0.5;

/** A completed foreign word is also searched by its name skeleton (Trump ~ Трамп), a little lower. */
const COMPLETED_NAME = 0.85;

/**
 * The query with its unfinished last word completed to `word`: the completed word by its stem key on the stem tier
 * (every form of that word in its language) or, when it names an entity, by the entity token (every name in every
 * language and script), the words before it keyed as the whole-word plan keys them — one query; and, for a foreign
 * word, a second one by its name skeleton. Its keys mark the completed word's forms and mentions in the hits. When the
 * letters typed go past the completed word's stem, the words they begin come first (lettersPastStem).
 */
export function planCompletion(
  query: QueryAnalysis,
  word: CompletionWord,
  weight: number,
): { queries: PlannedQuery[]; keys: MatchKeys } | null {
  const last = query.tokens[query.tokens.length - 1];
  if (!last) return null;
  const completed = analyzeQuery(`${query.text.slice(0, last.start)}${word.form}`);
  const reading = readingOf(completed.readings, word.stem);
  if (!reading || reading.content.length !== query.tokens.length) return null; // the form split into several words
  const stems = stemTierKeys(reading, completed.tokens);
  // A word after a title modifier keys as the compound («премьер-мин…» → премьерминистр): the archive's stem of the
  // form alone (министр) is another word there.
  if (reading.tokens[reading.content[reading.content.length - 1] ?? -1]?.modifier === undefined)
    stems[stems.length - 1] = word.stem;
  const phrases = completed.tokens.map((t) => t.phrase);
  const mentions = entityMentions(reading);
  const keys = emptyKeys();
  for (const k of stems) keys.stem.add(k);
  for (const m of mentions) keys.entities.add(m.code);
  const queries: PlannedQuery[] = [];
  // Three words or more in one passage, as planQuery sends them (P3); not beside a name skeleton (complete-name).
  const onePassage = phrases.length >= 3 && phrases.every((p) => p < 0);
  const push = (name: string, wordKeys: string[], w: number, skeleton = false) => {
    const e = mentions.length > 0 ? entityQuery(wordKeys.length, mentions, wordKeys, phrases) : undefined;
    const wordPhrases = e?.phrases ?? (onePassage && !skeleton ? wordKeys.map(() => 0) : phrases);
    const q = toQ(e?.keys ?? wordKeys, wordPhrases, false, typosOn(TIER_FIELDS.stem));
    if (queries.some((x) => x.q === q)) return;
    const words = (e?.keys ?? wordKeys).length;
    queries.push({
      name,
      q,
      fields: TIER_FIELDS.stem,
      weight: w,
      // A phrase is one passage already, as in planQuery's collector: no cut on how close its words stand.
      ...(words > 1 && !onePhrase(wordPhrases) ? { minScore: NEAR_WORDS_SCORE } : {}),
    });
  };
  // Letters typed past the completion's stem: the words they begin first (title and lead forms, stems), the
  // completion's other forms after. Not for a name: letters past it are its endings (Тоқаевт…), found by its token.
  const typed = query.readings.find((r) => r.label === reading.label);
  const letters =
    word.paradigm || mentions.some((m) => m.last === stems.length - 1) ? null : lettersPastStem(typed, word.stem);
  if (typed && letters) {
    const plan = readingPlan(
      typed,
      query.readings.indexOf(typed),
      query.tokens,
      query.tokens.map((t) => t.phrase),
    );
    addPrefixQueries(plan, keys, queryCollector(queries), { weight, letters });
  }
  push(`complete:${reading.label}:${word.form}`, stems, letters ? weight * PAST_STEM : weight);
  const name = contentKeys(reading, reading.content[reading.content.length - 1] ?? -1).name;
  if (name) {
    keys.names.add(name);
    push(`complete-name:${reading.label}:${word.form}`, [...stems.slice(0, -1), name], weight * COMPLETED_NAME, true);
  }
  return { queries, keys };
}

/** The union of the keys several queries mark. */
export function mergeKeys(all: readonly MatchKeys[]): MatchKeys {
  const out = emptyKeys();
  for (const keys of all)
    for (const [name, set] of Object.entries(keys) as [keyof MatchKeys, Set<string>][])
      for (const k of set) out[name].add(k);
  return out;
}
