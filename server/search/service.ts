import { LRUCache } from 'lru-cache';
import type { FederatedMultiSearchParams, Meilisearch, MultiSearchQueryWithFederation } from 'meilisearch';
import {
  analyzeQuery,
  detectLatinAlphabet,
  joinedByHyphen,
  type KeyInitials,
  type QueryAnalysis,
  wrongLayoutCandidates,
} from '../../analyzers/index.js';
import type { Gateway } from '../../engine/index.js';
import {
  type ArticleDocument,
  documentKey,
  FACETS,
  type Facet,
  HIT_FIELDS,
  meiliCode,
  titleField,
  toEngineError,
} from '../../engine/index.js';
import { IndexVersion } from '../http/index-version.js';
import type { SearchParams, SortOrder, SuggestParams } from '../params.js';
import { type Alternative, findAlternatives } from './alternatives.js';
import { type DisplayScript, displayHit } from './display-script.js';
import { buildFilter, quote, type Selections, selectedFacets } from './filters.js';
import { markHtml, mergeRanges, snippetHtml } from './highlight.js';
import { federatedMultiSearch } from './legacy-keys.js';
import {
  type AnalyzedText,
  analyzeArticleForHighlight,
  analyzeArticleForKeys,
  highlightInitials,
  matchedRanges,
} from './match.js';
import { type MatchKeys, type PlannedQuery, planQuery, type QueryPlan } from './plan.js';
import { type PlannedSearchRequest, type PlannedSearchResult, runPlannedSearch, type TextRanges } from './planned.js';
import { type Completion, hyphenatedTail, type Suggester, type SuggestResponse } from './suggest.js';
import {
  backoffCompletions,
  bestCompletion,
  completionsToSearch,
  DEFAULT_TYPING,
  frequentReadingFirst,
  othersThanTyped,
  paradigmCompletions,
  type TypingOptions,
  typingPlan,
  withParadigm,
} from './typing.js';
import { countWithoutYear, NO_YEAR } from './year-span.js';

export interface SearchHit {
  id: string;
  title: string;
  /** The title as safe HTML with the matched words marked (an extension of the contract's hit). */
  titleHtml: string;
  snippet: string;
  date: string | null;
  year: number | null;
  lang: string;
  source: string | null;
  url: string | null;
  orgs: string[];
  /** Present when Kazakh text was converted for display (`script=`): the script it is shown in. */
  script?: DisplayScript;
}

export type FacetCounts = Record<Facet, Record<string, number>>;

export interface SearchResponse {
  query: string;
  total: number;
  page: number;
  limit: number;
  tookMs: number;
  hits: SearchHit[];
  facets: FacetCounts;
  /** Matching articles without a year, counted like the year facet (its own selection ignored); `year=none`. */
  noYear: number;
  /** Present when nothing matched: nearby queries that do match, with their counts (no dead ends). */
  alternatives?: Alternative[];
  /** Present when the results are for a corrected query (wrong keyboard layout): show "results for …". */
  correction?: { query: string; original: string; reason: 'keyboard-layout' };
}

export interface ArticleResponse extends Omit<SearchHit, 'titleHtml'> {
  body: string;
  dateSource: 'explicit' | 'inferred' | null;
}

export interface HealthResponse {
  status: 'ok' | 'unavailable';
  meilisearch: 'available' | 'unavailable';
  documents?: number;
  /** The analyzer version of this server (extension). */
  analyzerVersion?: string;
  /** The analyzer versions of the index's articles, with their counts (extension). */
  indexAnalyzerVersions?: Record<string, number>;
  error?: { code: string; message: string };
}

/** One object configures the search service. */
export interface SearchServiceOptions {
  gateway: Gateway;
  suggester?: Suggester;
  /** Search while typing: how many completions of an unfinished last word are searched (0: none). */
  typing?: TypingOptions;
  /** Target length of snippets, in characters. */
  snippetChars?: number;
  /** Memory for analyzed documents kept for highlighting, in bytes (estimated). */
  highlightCacheBytes?: number;
  /** Memory for search answers kept, in bytes (estimated; 0: no result cache). */
  resultCacheBytes?: number;
  /**
   * Where the index version comes from, when the HTTP layer reads it too (server/http/index-version.ts): one source
   * for cached results and ETags, so an answer is never older than the version its ETag names.
   */
  indexVersion?: { get(): Promise<string | null> };
  /** Which analyzer versions the index holds, for health (server/analyzer-check.ts). */
  analyzers?: {
    status(): Promise<{ analyzerVersion: string; indexAnalyzerVersions: Record<string, number> }>;
    /** Whether the index holds articles analyzed before the key code (engine/key-code.ts keysCodedIn). */
    legacyKeys(): Promise<boolean>;
  };
}

/** Bytes a value takes in memory, roughly: caches are bounded by bytes, not entries, so that big answers and long
 *  articles cannot grow the process beyond its budget. */
const answerBytes = (r: SearchResponse): number => {
  // Counted over its strings (UTF-16; 160 for a hit's other fields) rather than serialized, which cost 1–2 % of the
  // server's CPU per search (bench:scale profile).
  let chars =
    r.query.length + (r.alternatives || r.correction ? JSON.stringify([r.alternatives, r.correction]).length : 0);
  for (const h of r.hits)
    chars += h.id.length + h.title.length + h.titleHtml.length + h.snippet.length + (h.url?.length ?? 0) + 160;
  for (const counts of Object.values(r.facets)) for (const value in counts) chars += value.length + 8;
  return chars * 2 + 256;
};
/**
 * An analyzed hit's heap: about 350 bytes a token (measured on the scale benchmark's articles: 57 KB for an article's
 * 162 indexed tokens, its four maps of spans a text; an analysis for one query's keys, 5 tokens, about 1 KB).
 */
const analyzedBytes = (a: { title: AnalyzedText; body: AnalyzedText }): number =>
  (a.title.tokenCount + a.body.tokenCount) * 350 + (a.title.mentions.length + a.body.mentions.length) * 120 + 256;

/** Articles whose last highlighting is remembered (about 150 bytes each). */
const ARTICLES_REMEMBERED = 20_000;

/** Completions read to choose from (the typed word's own may be among them below the first). */
const COMPLETIONS_READ = 6;
/** What the tokenizer leaves after the last word of a hyphenated name being typed: the hyphen, or a part it drops. */
const danglingPart = (rest: string): boolean =>
  joinedByHyphen(rest.slice(0, 1)) && /^[\p{L}\p{M}]*$/u.test(rest.slice(1));

/** The word a query ends with while it is typed (no space after it), of two letters at least. */
const TYPED_WORD = /[\p{L}\p{M}]{2,}$/u;

type HitDocument = Pick<ArticleDocument, (typeof HIT_FIELDS)[number] | 'key' | 'hash'>;
/** What a hit retrieves: the public fields, the key, and the content hash the highlight cache is keyed by. */
const RETRIEVED = ['key', 'hash', ...HIT_FIELDS];
const TITLE_FIELDS = new Set<string>([titleField('exact'), titleField('stem'), titleField('fold')]);

interface Attempt {
  plan: QueryPlan | null;
  hits: HitDocument[];
  total: number;
  facets: FacetCounts;
  noYear: number;
}

const emptyFacets = (): FacetCounts => ({ year: {}, org: {}, lang: {}, source: {} });

function sortOf(sort: SortOrder, browsing: boolean): string[] | undefined {
  if (sort === 'date_desc' || (sort === 'relevance' && browsing)) return ['ts:desc'];
  if (sort === 'date_asc') return ['ts:asc'];
  return undefined;
}

/**
 * Search, articles and health over Meilisearch. A search is one federated multi-search for hits and the facets that
 * have no selection, plus one for each selected facet (its counts ignore its own selection: disjunctive facets),
 * all sent at once. When whole words find nothing it retries: the last word as a prefix (typing), then the query
 * read as typed with the wrong keyboard layout. Every word must match: a page of articles that hold only some of
 * the words would mostly be noise.
 */
export class SearchService {
  private readonly gateway: Gateway;
  private readonly suggester: Suggester | undefined;
  private readonly typing: TypingOptions;
  private readonly snippetChars: number;
  private readonly analyzed: LRUCache<string, { title: AnalyzedText; body: AnalyzedText }>;
  /** The initials each article was last highlighted for (by content key): analyzedFor. */
  private readonly highlightedFor = new LRUCache<string, string>({ max: ARTICLES_REMEMBERED });
  /** A query's initials, worked out once for all its hits. */
  private readonly initialsByKeys = new WeakMap<MatchKeys, KeyInitials | null>();
  private lastRevive = 0;
  private readonly results: LRUCache<string, SearchResponse> | undefined;
  private readonly versionSource: NonNullable<SearchServiceOptions['indexVersion']>;
  private readonly analyzers: SearchServiceOptions['analyzers'];

  constructor(options: SearchServiceOptions) {
    this.gateway = options.gateway;
    this.suggester = options.suggester;
    this.typing = options.typing ?? DEFAULT_TYPING;
    this.snippetChars = options.snippetChars ?? 240;
    this.analyzed = new LRUCache({
      maxSize: options.highlightCacheBytes ?? 24 * 1024 * 1024,
      sizeCalculation: analyzedBytes,
    });
    const resultBytes = options.resultCacheBytes ?? 16 * 1024 * 1024;
    this.results = resultBytes > 0 ? new LRUCache({ maxSize: resultBytes, sizeCalculation: answerBytes }) : undefined;
    this.versionSource = options.indexVersion ?? new IndexVersion(options.gateway);
    this.analyzers = options.analyzers;
  }

  /**
   * A search, answered from the result cache when the same request was answered since the index last changed (by any
   * process: the version is read for each search)
   * (`fresh` skips the cache: a client's `Cache-Control: no-cache`). Hot queries repeat — typing, paging back,
   * many readers after the same news — and a federated search costs the engine several milliseconds.
   */
  async search(
    params: SearchParams,
    options: { fresh?: boolean; version?: string | null; signal?: AbortSignal } = {},
  ): Promise<SearchResponse> {
    const started = performance.now();
    const key = JSON.stringify(params);
    // The version the HTTP layer read for this request's ETag, or read now.
    const version = options.version !== undefined ? options.version : await this.indexVersion();
    if (!options.fresh && version !== null) {
      const cached = this.results?.get(`${version}|${key}`);
      if (cached) return { ...cached, tookMs: Math.round(performance.now() - started) };
    }
    const response = await this.searchUncached(params, started, version, options.signal);
    if (version !== null) this.results?.set(`${version}|${key}`, response);
    return response;
  }

  /** The index's version (server/http/index-version.ts): cached results are keyed by it. Null when unreadable. */
  private indexVersion(): Promise<string | null> {
    return this.versionSource.get();
  }

  /**
   * `signal`: the client has gone (a keystroke's request the page dropped): the search stops before its next engine
   * request and before highlighting, the costly part, so a typist's dropped requests do not queue ahead of the newest.
   */
  private async searchUncached(
    params: SearchParams,
    started: number,
    version: string | null,
    signal?: AbortSignal,
  ): Promise<SearchResponse> {
    const client = await this.client();
    const selections: Selections = {
      year: params.year,
      org: params.org,
      lang: params.lang,
      source: params.source,
      yearSpan: { from: params.year_from, to: params.year_to },
    };
    const text = params.q.trim();
    // The query's one analysis: its plans, completions and alternatives all read it.
    const analysis = text ? analyzeQuery(params.q) : null;
    let correction: SearchResponse['correction'];
    let attempt: Attempt;
    if (!analysis) {
      attempt = await this.attempt(client, null, selections, params);
    } else {
      attempt = await this.typedAttempt(client, analysis, selections, params, { signal, version });
      if (params.correct && !(await this.settles(client, attempt, selections))) {
        for (const candidate of wrongLayoutCandidates(text)) {
          const fixed = await this.typedAttempt(client, analyzeQuery(candidate.text), selections, params, {
            quick: true,
            signal,
            version,
          });
          if (await this.settles(client, fixed, selections)) {
            attempt = fixed;
            correction = { query: candidate.text, original: params.q, reason: 'keyboard-layout' };
            break;
          }
        }
      }
    }
    signal?.throwIfAborted();
    const keys = attempt.plan?.keys;
    const hits = attempt.hits.map((doc) => displayHit(this.toHit(doc, keys), params.script));
    const alternatives =
      attempt.total === 0 && analysis && params.alternatives !== false
        ? await findAlternatives(analysis, selections, (q, sel) => this.count(client, q, sel))
        : undefined;
    return {
      query: params.q,
      total: attempt.total,
      page: params.page,
      limit: params.limit,
      tookMs: Math.round(performance.now() - started),
      hits,
      facets: attempt.facets,
      noYear: attempt.noYear,
      ...(alternatives ? { alternatives } : {}),
      ...(correction ? { correction } : {}),
    };
  }

  /**
   * A query as typed (typing.ts): when its unfinished last word completes to words the archive holds more often than
   * the word itself (among them the Kazakh words whose endings its letters go into: paradigmWords), those words;
   * otherwise the whole words (the words its letters begin first, when they go past its stem and begin no word of the
   * titles and leads); when that finds nothing, the last word as a prefix (and, for a foreign word it finds, the
   * names its skeleton begins), then the completions of the word with its last letters dropped, then the paradigm's
   * words no title or lead holds. `quick` (a wrong-layout candidate, one of several tried in turn) asks at most two
   * searches: the completions, else whole words and the prefix at once.
   */
  private async typedAttempt(
    client: Meilisearch,
    analysis: QueryAnalysis,
    selections: Selections,
    params: SearchParams,
    {
      quick = false,
      signal,
      version = null,
    }: { quick?: boolean; signal?: AbortSignal | undefined; version?: string | null } = {},
  ): Promise<Attempt> {
    // Each engine request after the first waits on the one before: a client gone by then is not answered.
    const attempt = (plan: QueryPlan | null) => {
      signal?.throwIfAborted();
      return this.attempt(client, plan, selections, params);
    };
    const plan = planQuery(analysis);
    if (plan.queries.length === 0) return attempt((await this.stopwordTypedPlan(analysis, version)) ?? plan);
    const named = this.hyphenatedNamePlan(analysis);
    if (named) {
      const found = await attempt(named);
      if (await this.settles(client, found, selections)) return found;
    }
    const completionsOf = this.completionsOf(analysis, version);
    // The words the letters inflect (министрл… → министр) count among the completions by how often the titles and
    // leads hold them, and are the last resort when nothing else is found.
    const [held, paradigm] = await Promise.all([completionsOf(), paradigmCompletions(analysis, completionsOf)]);
    const completions = withParadigm(held, paradigm);
    const typing = typingPlan(analysis, completionsToSearch(analysis, completions, this.typing), this.typing);
    if (typing) {
      const typed = await attempt(typing);
      if (await this.settles(client, typed, selections)) return typed;
    }
    if (quick) return attempt(planQuery(analysis, { prefix: true }));
    const ordered = frequentReadingFirst(analysis, completions);
    // No title or lead word begins with the letters: where they go past the word's stem, the words they begin first.
    const last = analysis.tokens[analysis.tokens.length - 1];
    const lettersFirst = last !== undefined && !bestCompletion(last.surface, held);
    let found = await attempt(
      lettersFirst ? planQuery(ordered, { lettersFirst }) : ordered === analysis ? plan : planQuery(ordered),
    );
    if (await this.settles(client, found, selections)) return found;
    const prefixPlan = planQuery(analysis, { prefix: true });
    if (prefixPlan.queries.length > plan.queries.length) {
      found = await attempt(prefixPlan);
      // A foreign word the archive holds may be a name it also writes in Cyrillic: its skeleton's names too.
      const named = found.total > 0 ? planQuery(analysis, { prefix: true, namePrefix: true }) : null;
      if (named && named.queries.length > prefixPlan.queries.length) return attempt(named);
      if (await this.settles(client, found, selections)) return found;
    }
    const backoff = typingPlan(analysis, await backoffCompletions(analysis, completionsOf, this.typing), this.typing);
    if (backoff) {
      found = await attempt(backoff);
      if (await this.settles(client, found, selections)) return found;
    }
    // The letters go on into an ending of a word no title or lead holds in that form («облыстарынд»): the word.
    const others = othersThanTyped(analysis, paradigm).slice(0, this.typing.completions);
    const inflected = typingPlan(analysis, others, this.typing);
    return inflected ? attempt(inflected) : found;
  }

  /**
   * A hyphenated name typed up to its hyphen or a letter past it («Усть-», «Нур-С»: a one-letter part is a stopword
   * the tokenizer drops): the plan of the first gazetteer name it begins, as if typed in full; null otherwise.
   */
  private hyphenatedNamePlan(analysis: QueryAnalysis): QueryPlan | null {
    const last = analysis.tokens[analysis.tokens.length - 1];
    if (!this.suggester || !last || this.typing.completions === 0) return null;
    const rest = analysis.text.slice(last.end);
    if (!danglingPart(rest)) return null;
    const head = analysis.text.slice(0, last.end);
    const compound = hyphenatedTail(head) ?? analysis.text.slice(last.start, last.end);
    const alphabet = detectLatinAlphabet(analysis.text);
    const name = this.suggester.hyphenatedNamesBeginning(`${compound}${rest}`, alphabet)[0];
    if (!name) return null;
    return planQuery(analyzeQuery(`${head.slice(0, head.length - compound.length)}${name}`));
  }

  /**
   * A query of stopwords alone whose last word is being typed («То», «На» on the way to Тоқаев, Назарбаев): the
   * stopword asks the index nothing, so it is completed as any typed word is — the plan of the text with it replaced
   * by the archive's most frequent word it begins, in a language its letters allow. When no word of the titles and
   * leads begins with it («сам» on the way to «саммит» in an archive whose titles never say it), its letters as a
   * prefix, as any typed word that finds nothing whole is searched; the other stopwords ask nothing. Null when
   * nothing is being typed.
   */
  private async stopwordTypedPlan(analysis: QueryAnalysis, version: string | null): Promise<QueryPlan | null> {
    const typed = TYPED_WORD.exec(analysis.text);
    if (!typed) return null;
    if (this.suggester && this.typing.completions > 0) {
      const alphabet = detectLatinAlphabet(analysis.text);
      const found = await this.suggester.completionsOfTyped(typed[0], alphabet, COMPLETIONS_READ, version);
      const best = bestCompletion(typed[0], found);
      if (best) return planQuery(analyzeQuery(`${analysis.text.slice(0, typed.index)}${best.form}`));
    }
    const prefix = planQuery(analyzeQuery(typed[0], { keepStopwords: true }), { prefix: true });
    return prefix.queries.length > 0 ? prefix : null;
  }

  /**
   * Whether an attempt ends the search: it found something, or its plan matches articles the filters leave out. So a
   * filter only narrows an answer: it never sends a query on to another plan (a prefix, a completion, another keyboard
   * layout) that the same query without it would not have used. Costs one count, only for an empty filtered answer.
   */
  private async settles(client: Meilisearch, attempt: Attempt, selections: Selections): Promise<boolean> {
    if (attempt.total > 0) return true;
    const planned = attempt.plan?.queries ?? [];
    if (planned.length === 0 || buildFilter(selections).length === 0) return false;
    try {
      const res = await this.multiSearch(
        client,
        this.federated(planned, [], [], { limit: 0, offset: 0, sort: undefined, retrieve: false }),
      );
      return (res.estimatedTotalHits ?? 0) > 0;
    } catch (err) {
      throw toEngineError(err);
    }
  }

  /**
   * The archive's completions of a typed word (the query's last word when called without one): none when the word is
   * finished or there is no suggester. Read at the index's `version` (the suggester keeps facet answers under it).
   */
  private completionsOf(analysis: QueryAnalysis, version: string | null): (word?: string) => Promise<Completion[]> {
    const last = analysis.tokens[analysis.tokens.length - 1];
    const suggester = this.suggester;
    if (!suggester || !analysis.partialLast || !last || this.typing.completions === 0) return async () => [];
    const alphabet = detectLatinAlphabet(analysis.text);
    const compound = hyphenatedTail(analysis.text.slice(0, last.end));
    return (word = last.surface) =>
      suggester.completionsOfTyped(word, alphabet, COMPLETIONS_READ, version, word === last.surface ? compound : null);
  }

  /** One try: the hits request and the disjunctive facet requests, in parallel. */
  private async attempt(
    client: Meilisearch,
    plan: QueryPlan | null,
    selections: Selections,
    params: SearchParams,
  ): Promise<Attempt> {
    const planned: PlannedQuery[] = plan ? plan.queries : [{ name: 'browse', q: '', fields: [], weight: 1 }];
    if (planned.length === 0) return { plan, hits: [], total: 0, facets: emptyFacets(), noYear: 0 }; // only stopwords
    const sort = sortOf(params.sort, plan === null);
    const selected = selectedFacets(selections);
    const unselected = FACETS.filter((f) => !selected.includes(f));
    const main = this.federated(planned, buildFilter(selections), unselected, {
      limit: params.limit,
      offset: (params.page - 1) * params.limit,
      sort,
      retrieve: true,
    });
    const perFacet = selected.map((facet) =>
      this.federated(planned, buildFilter(selections, facet), [facet], {
        limit: 0,
        offset: 0,
        sort: undefined,
        retrieve: false,
      }),
    );
    let responses: FederatedResponse[];
    try {
      responses = await Promise.all([main, ...perFacet].map((request) => this.multiSearch(client, request)));
    } catch (err) {
      throw toEngineError(err);
    }
    const [first, ...rest] = responses;
    const facets = emptyFacets();
    Object.assign(facets, pickFacets(first?.facetDistribution, unselected));
    rest.forEach((r, i) => {
      const facet = selected[i];
      if (facet) Object.assign(facets, pickFacets(r.facetDistribution, [facet]));
    });
    // A selected value with no hits still shows, with 0, so the reader can untick it.
    for (const f of selected) for (const v of selections[f]) if (v !== NO_YEAR) facets[f][String(v)] ??= 0;
    const total = first?.estimatedTotalHits ?? first?.hits.length ?? 0;
    const yearResponse = selected.includes('year') ? rest[selected.indexOf('year')] : first;
    const noYear = countWithoutYear(yearResponse?.estimatedTotalHits ?? total, yearResponse?.facetDistribution?.year);
    return { plan, hits: first?.hits ?? [], total, facets, noYear };
  }

  /**
   * How many articles a query finds under the given filters, and in which languages: the query planned as a search
   * would plan it (whole words), one federated request without hits.
   */
  private async count(
    client: Meilisearch,
    query: string | QueryAnalysis,
    selections: Selections,
  ): Promise<{ total: number; langs: Record<string, number> }> {
    const planned = planQuery(query).queries;
    if (planned.length === 0) return { total: 0, langs: {} };
    try {
      const request = this.federated(planned, buildFilter(selections), ['lang'], {
        limit: 0,
        offset: 0,
        sort: undefined,
        retrieve: false,
      });
      // Through the wrapper: an index no article was added to yet refuses the queries restricted to fields.
      const res = await this.multiSearch(client, request);
      return { total: res.estimatedTotalHits ?? 0, langs: { ...(res.facetDistribution?.lang ?? {}) } };
    } catch (err) {
      throw toEngineError(err);
    }
  }

  /**
   * A federated multi-search. An index no article was ever added to has no fields yet, and Meilisearch refuses to
   * restrict a query to fields it does not know: the restricted queries (titles) are then left out.
   */
  private async multiSearch(client: Meilisearch, request: FederatedMultiSearchParams): Promise<FederatedResponse> {
    const legacy = await this.legacyKeys();
    try {
      return await federatedMultiSearch<HitDocument>(client, request, legacy);
    } catch (err) {
      if (meiliCode(err) !== 'invalid_search_attributes_to_search_on') throw err;
      const queries = request.queries.filter((q) => !q.attributesToSearchOn);
      if (queries.length === 0) return { hits: [], estimatedTotalHits: 0, facetDistribution: {} };
      return federatedMultiSearch<HitDocument>(client, { ...request, queries }, legacy);
    }
  }

  /** Whether the index holds articles analyzed before the key code: their keys are searched as written then too. */
  private async legacyKeys(): Promise<boolean> {
    return (await this.analyzers?.legacyKeys().catch(() => false)) ?? false;
  }

  private federated(
    planned: readonly PlannedQuery[],
    filter: string[][],
    facets: readonly Facet[],
    page: { limit: number; offset: number; sort: string[] | undefined; retrieve: boolean; restrictFields?: boolean },
  ): FederatedMultiSearchParams {
    // A tier's keys occur in that tier's fields only (stem and fold keys carry their language mark, exact ones do
    // not), so a query needs no attributesToSearchOn — which Meilisearch refuses for a passage field no document has
    // filled yet. Only a caller's own restriction (titles) is sent.
    const queries: MultiSearchQueryWithFederation[] = planned.map((p) => ({
      indexUid: this.gateway.indexName,
      q: p.q,
      ...((page.restrictFields || p.restrict) && p.fields.length ? { attributesToSearchOn: [...p.fields] } : {}),
      ...(filter.length ? { filter } : {}),
      ...(page.sort ? { sort: page.sort } : {}),
      ...(p.minScore !== undefined ? { rankingScoreThreshold: p.minScore } : {}),
      matchingStrategy: 'all',
      attributesToRetrieve: page.retrieve ? RETRIEVED : ['key'],
      federationOptions: { weight: p.weight },
    }));
    return {
      federation: {
        limit: page.limit,
        offset: page.offset,
        ...(facets.length ? { facetsByIndex: { [this.gateway.indexName]: [...facets] }, mergeFacets: {} } : {}),
      },
      queries,
    };
  }

  /**
   * What highlighting a hit for these keys needs: an analysis of just the words that can match keys of their initials
   * (highlightInitials), cached by article and initials — a reader's long tail brings articles never analyzed, of words
   * mostly unseen too, and working out keys for hundreds of words to mark a few was most of its cost. An article that
   * comes back for other initials (the next keystrokes of a word being typed, another query with the same hits) is
   * analyzed whole and cached so, for every query after; so is every hit of an entity query (its mentions span words).
   */
  private analyzedFor(doc: HitDocument, keys: MatchKeys) {
    // Keyed by content: a replaced article is analyzed again.
    const whole = `${doc.key}:${doc.hash}:${doc.title.length}:${doc.body.length}`;
    let entry = this.analyzed.get(whole);
    if (entry) return entry;
    let initials = this.initialsByKeys.get(keys);
    if (initials === undefined) {
      initials = highlightInitials(keys);
      this.initialsByKeys.set(keys, initials);
    }
    const before = this.highlightedFor.get(whole);
    if (initials && (before === undefined || before === initials.signature)) {
      const forKeys = `${whole}|${initials.signature}`;
      entry = this.analyzed.get(forKeys);
      if (!entry) {
        entry = analyzeArticleForKeys(doc.title, doc.body, initials);
        this.analyzed.set(forKeys, entry);
        this.highlightedFor.set(whole, initials.signature);
      }
      return entry;
    }
    entry = analyzeArticleForHighlight(doc.title, doc.body);
    this.analyzed.set(whole, entry);
    return entry;
  }

  /** The ranges of a hit's title and body its query matched. */
  private hitRanges(doc: HitDocument, keys: MatchKeys): TextRanges {
    const analyzed = this.analyzedFor(doc, keys);
    return {
      title: mergeRanges(matchedRanges(analyzed.title, keys)),
      body: mergeRanges(matchedRanges(analyzed.body, keys)),
    };
  }

  private toHit(doc: HitDocument, keys: MatchKeys | undefined): SearchHit {
    let titleHtml: string;
    let snippet: string;
    if (keys) {
      const ranges = this.hitRanges(doc, keys);
      titleHtml = markHtml(doc.title, ranges.title);
      snippet = snippetHtml(doc.body, ranges.body, { maxChars: this.snippetChars });
    } else {
      titleHtml = markHtml(doc.title, []);
      snippet = snippetHtml(doc.body, [], { maxChars: this.snippetChars });
    }
    return {
      id: doc.id,
      title: doc.title,
      titleHtml,
      snippet,
      date: doc.date,
      year: doc.year,
      lang: doc.lang,
      source: doc.source,
      url: doc.url,
      orgs: doc.org ?? [],
    };
  }

  /**
   * The lower-level search behind /meili (server/search/planned.ts): filters given as parsed trees, the paging,
   * facets and sort asked, federated queries; hits come with the ranges their query matched.
   */
  async searchPlanned(request: PlannedSearchRequest): Promise<PlannedSearchResult> {
    return runPlannedSearch(
      await this.client(),
      this.gateway.indexName,
      request,
      (doc, keys) => this.hitRanges(doc, keys),
      await this.legacyKeys(),
    );
  }

  async article(id: string): Promise<ArticleResponse | null> {
    const client = await this.client();
    let doc: ArticleDocument | undefined;
    try {
      const res = await client.index<ArticleDocument>(this.gateway.indexName).search('', {
        filter: `key = ${quote(documentKey(id))}`,
        limit: 1,
        attributesToRetrieve: [...RETRIEVED, 'dateSource'],
      });
      doc = res.hits[0];
    } catch (err) {
      throw toEngineError(err);
    }
    if (!doc) return null;
    const { titleHtml: _unused, ...hit } = this.toHit(doc, undefined);
    return { ...hit, body: doc.body, dateSource: doc.dateSource ?? null };
  }

  /** Titles of the articles a query finds in their titles, its last word as a prefix (for suggestions). */
  async titleMatches(q: string, limit: number): Promise<{ id: string; title: string }[]> {
    const plan = planQuery(q, { prefix: true });
    const queries = plan.queries
      .map((p) => ({ ...p, fields: p.fields.filter((f) => TITLE_FIELDS.has(f)) }))
      .filter((p) => p.fields.length > 0);
    if (queries.length === 0) return [];
    const client = await this.client();
    try {
      const res = await this.multiSearch(
        client,
        this.federated(queries, [], [], { limit, offset: 0, sort: undefined, retrieve: true, restrictFields: true }),
      );
      return res.hits.map((h) => ({ id: h.id, title: h.title }));
    } catch (err) {
      throw toEngineError(err);
    }
  }

  async suggest(params: SuggestParams): Promise<SuggestResponse> {
    if (!this.suggester) return { query: params.q, suggestions: [] };
    return this.suggester.suggest(params.q, params.limit, await this.indexVersion());
  }

  async health(): Promise<HealthResponse> {
    try {
      const documents = await this.gateway.documentCount();
      // Analyzer versions are extra: a failure to count them does not make the service unhealthy.
      const analyzers = await this.analyzers?.status().catch(() => undefined);
      return { status: 'ok', meilisearch: 'available', documents, ...analyzers };
    } catch (err) {
      this.engineTrouble();
      const e = toEngineError(err);
      return { status: 'unavailable', meilisearch: 'unavailable', error: { code: e.code, message: e.message } };
    }
  }

  /** Called when Meilisearch seems down: try to bring the embedded engine back, at most every few seconds. */
  engineTrouble(): void {
    const now = Date.now();
    if (now - this.lastRevive < 3000) return;
    this.lastRevive = now;
    void this.gateway.revive();
  }

  private async client(): Promise<Meilisearch> {
    await this.gateway.ensureIndex();
    return this.gateway.searchClient();
  }
}

interface FederatedResponse {
  hits: HitDocument[];
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

function pickFacets(
  distribution: FederatedResponse['facetDistribution'],
  facets: readonly Facet[],
): Partial<FacetCounts> {
  const out: Partial<FacetCounts> = {};
  for (const f of facets) out[f] = { ...(distribution?.[f] ?? {}) };
  return out;
}
