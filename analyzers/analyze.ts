/**
 * The analysis pipeline shared by index and query: tokenize → language per paragraph (overridden per word
 * where the word decides) → normalize (+ Kazakh Latin → Cyrillic) → stopwords → the three keys per token:
 * norm (exact tier), term (stem tier), fold (fold tier). Keys of a word in a given context are cached.
 */

import { LRUCache } from 'lru-cache';
import { indexKeys } from './index-keys.js';
import { admits, admitsName, initialsOf, type KeyInitials, writtenInitials } from './key-initials.js';
import { fold } from './kk/fold.js';
import { DEFAULT_LATIN_ALPHABET, detectLatinAlphabet, type LatinAlphabet } from './kk/latin.js';
import { withLoanYo } from './kk/latin-yo.js';
import { addScores, computeWordScores, decideLang, detectLang, emptyScores, type LangScores } from './lang/detect.js';
import { LANGUAGES } from './languages.js';
import { normalize, type WordScript, wordScript } from './normalize.js';
import { CYRILLIC, hasKazakhLetter, LATIN, scriptCounts } from './script.js';
import { joinTitleCompounds } from './title-compounds.js';
import { joinedByHyphen, tokenize } from './tokenize.js';
import type { AnalyzedToken, IndexedToken, IndexKeys, LangTag, MorphLang, Token, TokenKind } from './types.js';

export type AnalyzeLang = 'auto' | 'kk' | 'ru';

export interface AnalyzeOptions {
  /** 'auto' (default): language per paragraph; 'kk'/'ru': the whole text in that language. */
  lang?: AnalyzeLang;
  /** Give stopwords their keys anyway (a stopword being typed alone is searched as the letters it has so far). */
  keepStopwords?: boolean;
}

/** The keys of one word. `term`/`fold` are null for stopwords (unless keepStopwords was asked). */
export interface WordKeys {
  norm: string;
  term: string | null;
  fold: string | null;
  lang: LangTag;
  stop: boolean;
}

export interface WordKeysOptions {
  /** The Kazakh Latin alphabet of a Latin word (default: detected from the word itself, else 2018). */
  alphabet?: LatinAlphabet;
  /** Token kind; default: decided from the word as the tokenizer would (number, abbr, word). */
  kind?: TokenKind;
  /** Give stopwords their term/fold anyway (the stem CLI does). */
  keepStopwords?: boolean;
}

function morphOf(lang: LangTag): MorphLang {
  return lang === 'kk' || lang === 'kk-Latn' ? 'kk' : lang;
}

/**
 * A Kazakh Latin word in Cyrillic, a loan's ё read where the Russian dictionary says so («aktıor» → актер: withLoanYo).
 * Letters outside the Kazakh alphabets are dropped by the transliteration (so a key never mixes scripts); a word made
 * only of such letters («ß», «ſ») keeps its own spelling rather than become an empty key, which would match nothing
 * and break the engine's merged queries.
 */
function kazakhLatinNorm(surface: string, alphabet: LatinAlphabet): string {
  const cyrillic = normalize(surface, { latin: alphabet });
  return cyrillic === '' && surface !== '' ? normalize(surface) : withLoanYo(cyrillic);
}

/** Keys of a word whose language (and alphabet, for kk-Latn) is already decided. */
function computeKeys(
  surface: string,
  kind: TokenKind,
  lang: LangTag,
  alphabet: LatinAlphabet,
  keepStop: boolean,
): WordKeys {
  const normalized = lang === 'kk-Latn' ? kazakhLatinNorm(surface, alphabet) : normalize(surface);
  // One string where the word is already normal (keys are cached per word: this halves their strings).
  const norm = normalized === surface ? surface : normalized;
  if (kind === 'number') return { norm, term: norm, fold: norm, lang, stop: false };
  if (kind === 'abbr') return { norm, term: norm, fold: fold(norm), lang, stop: false };
  const morphology = LANGUAGES[morphOf(lang)];
  const stop = morphology.stopwords.has(norm);
  if (stop && !keepStop) return { norm, term: null, fold: null, lang, stop };
  const term = morphology.stem(norm);
  return { norm, term, fold: morphology.foldKey ? morphology.foldKey(norm) : term, lang, stop };
}

const LANG_INDEX: Record<LangTag, number> = { kk: 0, ru: 1, other: 2, 'kk-Latn': 3 };
const ALPHABET_INDEX: Record<LatinAlphabet, number> = { '2018': 0, '2021': 1, '2017': 2, '2021-turkish': 3 };
const KIND_INDEX: Record<TokenKind, number> = { word: 0, number: 1, abbr: 2 };

/** Context of a word's keys: language × alphabet × kind × keepStopwords, as a small integer. */
function contextIndex(lang: LangTag, alphabet: LatinAlphabet, kind: TokenKind, keepStop: boolean): number {
  const l = lang === 'kk-Latn' ? 3 + ALPHABET_INDEX[alphabet] : LANG_INDEX[lang];
  return l * 6 + KIND_INDEX[kind] * 2 + (keepStop ? 1 : 0);
}

/** A word's keys in one context, and its index keys there (computed when first asked; null for a stopword). */
interface ContextKeys {
  context: number;
  keys: WordKeys;
  /** Undefined until first asked (declared from the start: a property added later costs every entry a backing store). */
  index: IndexKeys | null | undefined;
}

/**
 * What the pipeline knows of a surface word: its script and language evidence, and its keys per context. One
 * cache lookup per token finds all of it. Nearly every word is met in one context only, so the keys of the others
 * are a short list (a sparse array indexed by context would cost a kilobyte a word).
 */
interface WordInfo {
  script: WordScript;
  /** Holds a Kazakh-only Cyrillic letter. */
  kazakh: boolean;
  /** Its normalized form's first two letters (key-initials.ts). */
  initials: number;
  scores: LangScores;
  /** The keys of the first context the word was met in, and of any others (rare). */
  first: ContextKeys | undefined;
  more: ContextKeys[] | undefined;
}

/**
 * Words kept, least recently used forgotten first: word frequencies are Zipfian, so the words a text needs are
 * nearly all here, and the cache stays a bounded share of a process's memory (an entry is about 400 bytes).
 * 40,000 words suit a server (queries and the texts it highlights); an indexer going through a whole archive asks for
 * more with {@link setWordCacheSize}: on 40k synthetic news articles (130k distinct forms) 40,000 words left 16 % of
 * the tokens to analyze again, 120,000 about 2 % (docs/performance.md).
 */
export const WORD_CACHE_DEFAULT = 40_000;
let infoCache = new LRUCache<string, WordInfo>({ max: WORD_CACHE_DEFAULT });

/** Sets how many words the per-word cache keeps (emptying it). */
export function setWordCacheSize(words: number): void {
  if (words === infoCache.max) return;
  infoCache = new LRUCache<string, WordInfo>({ max: Math.max(1, Math.floor(words)) });
}

/** Empties the per-word cache (benchmarks of cold runs; tests after swapping data). */
export function clearAnalyzeCache(): void {
  infoCache.clear();
}

function scriptBitsOf(word: string): number {
  const c = scriptCounts(word);
  return (c.cyrillic > 0 ? CYRILLIC : 0) | (c.latin > 0 ? LATIN : 0);
}

/**
 * One object for each distinct evidence: words share it (word length and a few ending weights make a few thousand
 * kinds), where an object of its own with its fractional fields boxed cost a cached word about 110 bytes. Read only.
 */
const scoreKinds = new Map<string, LangScores>();
const SCORE_KINDS_MAX = 50_000;

function sharedScores(s: LangScores): LangScores {
  const kind = `${s.kk} ${s.ru} ${s['kk-Latn']} ${s.other} ${s.cyrillic} ${s.latin}`;
  const known = scoreKinds.get(kind);
  if (known) return known;
  if (scoreKinds.size >= SCORE_KINDS_MAX) scoreKinds.clear(); // words keep theirs; new words share anew
  scoreKinds.set(kind, s);
  return s;
}

function wordInfo(surface: string, scriptBits: number): WordInfo {
  let info = infoCache.get(surface);
  if (info === undefined) {
    const script: WordScript =
      scriptBits === CYRILLIC
        ? 'cyrillic'
        : scriptBits === LATIN
          ? 'latin'
          : scriptBits === 0
            ? 'none'
            : wordScript(surface);
    // Kazakh letters are looked for after normalization: «бiрiншi» types Latin i for і.
    const norm = normalize(surface);
    info = {
      script,
      kazakh: script === 'cyrillic' && hasKazakhLetter(norm),
      initials: initialsOf(norm),
      scores: sharedScores(computeWordScores(surface, norm)),
      first: undefined,
      more: undefined,
    };
    infoCache.set(surface, info);
  }
  return info;
}

function keysOf(
  info: WordInfo,
  surface: string,
  kind: TokenKind,
  lang: LangTag,
  alphabet: LatinAlphabet,
  keepStop: boolean,
): WordKeys {
  return contextOf(info, surface, kind, lang, alphabet, keepStop).keys;
}

function contextOf(
  info: WordInfo,
  surface: string,
  kind: TokenKind,
  lang: LangTag,
  alphabet: LatinAlphabet,
  keepStop: boolean,
): ContextKeys {
  const context = contextIndex(lang, alphabet, kind, keepStop);
  if (info.first?.context === context) return info.first;
  for (const c of info.more ?? []) if (c.context === context) return c;
  const c: ContextKeys = { context, keys: computeKeys(surface, kind, lang, alphabet, keepStop), index: undefined };
  if (!info.first) info.first = c;
  else if (info.more) info.more.push(c);
  else info.more = [c];
  return c;
}

/** The keys and index keys of a word in its context (cached together). */
function indexedKeysOf(
  info: WordInfo,
  surface: string,
  kind: TokenKind,
  lang: LangTag,
  alphabet: LatinAlphabet,
  keepStop: boolean,
): { keys: WordKeys; index: IndexKeys | null } {
  const c = contextOf(info, surface, kind, lang, alphabet, keepStop);
  if (c.index === undefined) {
    const k = c.keys;
    c.index = indexKeys({ kind, lang: k.lang, norm: k.norm, term: k.term, fold: k.fold });
  }
  return { keys: c.keys, index: c.index };
}

const NUMBER_RE = /^\p{Nd}+(?:[.,]\p{Nd}+)*$/u;

/** The kind the tokenizer would give this single word. */
export function kindOfWord(word: string): TokenKind {
  const toks = tokenize(word);
  if (toks.length === 1 && toks[0]) return toks[0].kind;
  if (NUMBER_RE.test(word)) return 'number';
  return 'word';
}

/** The language a lone word gets with no context: detectLang of the word alone (see lang/detect.ts). */
function wordLang(word: string): LangTag {
  const script = wordScript(word);
  if (script === 'cyrillic') return hasKazakhLetter(normalize(word)) ? 'kk' : detectLang(word);
  if (script === 'latin') return detectLang(word);
  return 'other';
}

/**
 * The keys of one word without context, as the index would make them for that word in `lang`:
 * 'auto' decides from the word itself; 'kk' on a Latin word means Kazakh Latin (transliterated); 'ru' on a
 * Latin word means `other`; 'kk-Latn' on a Cyrillic word means kk.
 */
export function wordKeys(word: string, lang: LangTag | 'auto' = 'auto', opts: WordKeysOptions = {}): WordKeys {
  const script = wordScript(word);
  let tag: LangTag;
  if (lang === 'auto') tag = wordLang(word);
  else if (script === 'latin') tag = lang === 'kk' || lang === 'kk-Latn' ? 'kk-Latn' : 'other';
  else if (script === 'cyrillic') tag = lang === 'kk-Latn' ? 'kk' : lang;
  else tag = lang;
  const alphabet = opts.alphabet ?? (tag === 'kk-Latn' ? detectLatinAlphabet(word) : DEFAULT_LATIN_ALPHABET);
  const kind = opts.kind ?? kindOfWord(word);
  return keysOf(wordInfo(word, scriptBitsOf(word)), word, kind, tag, alphabet, opts.keepStopwords ?? false);
}

/** Paragraph language must be at least this sure to override the document's. */
const PARAGRAPH_MARGIN = 0.25;
/** …and rest on at least this much evidence. */
const PARAGRAPH_EVIDENCE = 5;

function isLatinPair(lang: LangTag): boolean {
  return lang === 'kk-Latn' || lang === 'other';
}

/** A paragraph's language when its own evidence is clear, else null: the document's evidence decides then. */
function clearLang(s: LangScores): LangTag | null {
  const own = decideLang(s);
  const evidence = Math.max(s.kk, s.ru, s['kk-Latn'], s.other);
  return own.margin >= PARAGRAPH_MARGIN && evidence >= PARAGRAPH_EVIDENCE ? own.lang : null;
}

/** A paragraph's language: its own when it is clear, else the document's (of the same script pair). */
function paragraphLang(s: LangScores, doc: LangTag): LangTag {
  const clear = clearLang(s);
  if (clear !== null) return clear;
  if (s.cyrillic === 0 && s.latin === 0) return doc; // numbers only
  const own = decideLang(s).lang;
  return isLatinPair(own) === isLatinPair(doc) ? doc : own;
}

/** Language of each paragraph (line): its own when it is clear, else the document's. */
function paragraphLangs(scores: LangScores[], forced: AnalyzeLang): LangTag[] {
  if (forced !== 'auto') {
    return scores.map((s) => {
      const latin = s.latin > s.cyrillic;
      if (forced === 'kk') return latin ? 'kk-Latn' : 'kk';
      return latin ? 'other' : 'ru';
    });
  }
  const doc = decideLang(scores.reduce((a, s) => addScores(a, s), emptyScores())).lang;
  return scores.map((s) => paragraphLang(s, doc));
}

/**
 * How much more foreign than Kazakh Latin evidence a word of a Kazakh Latin paragraph needs to be foreign: more than
 * one English ending's worth, since Kazakh Latin has such endings too («parlament», «moment»); English letters (w,
 * x, c, th, oo: «Euronews», «Google») or an English function word are enough.
 */
const FOREIGN_IN_KAZAKH_LATIN = 1;

/** Language of one token given its paragraph's. */
function tokenLang(tok: Token, info: WordInfo, para: LangTag, forced: AnalyzeLang): LangTag {
  if (tok.kind === 'number') return para;
  if (info.script === 'latin') {
    const s = info.scores;
    if (para === 'kk-Latn') return s.other > s['kk-Latn'] + FOREIGN_IN_KAZAKH_LATIN ? 'other' : 'kk-Latn';
    if (forced === 'auto' && s['kk-Latn'] >= 4 && s['kk-Latn'] > s.other) return 'kk-Latn';
    return 'other';
  }
  if (info.script === 'cyrillic') {
    if (forced !== 'auto') return forced;
    if (info.kazakh) return 'kk';
    if (para === 'kk' || para === 'ru') return para;
    return info.scores.kk > info.scores.ru ? 'kk' : 'ru';
  }
  return 'other';
}

/** Analyzes a text: every token with its offsets, language and the three index keys. */
export function analyze(text: string, opts: AnalyzeOptions = {}): AnalyzedToken[] {
  return analyzeWithEvidence(text, opts).tokens;
}

/** What one pass over a text gives: its tokens with their index keys, and the language evidence of its words. */
export interface AnalyzedText {
  tokens: IndexedToken[];
  /** Summed language evidence of the words (numbers left out). */
  evidence: LangScores;
  /** The surfaces of the words (not numbers): a short text's language also asks the dictionary about them. */
  words: string[];
}

/** A token with its keys and index keys in its language. */
function indexedToken(tok: Token, info: WordInfo, lang: LangTag, alphabet: LatinAlphabet, keepStop: boolean) {
  const { keys, index } = indexedKeysOf(info, tok.surface, tok.kind, lang, alphabet, keepStop);
  const token: IndexedToken = {
    surface: tok.surface,
    start: tok.start,
    end: tok.end,
    kind: tok.kind,
    lang,
    norm: keys.norm,
    term: keys.term,
    fold: keys.fold,
    keys: index,
  };
  return token;
}

/** The one pass behind analyze() and analyzeText(): tokens, keys and index keys, and the text's evidence. */
export function analyzeWithEvidence(text: string, opts: AnalyzeOptions = {}): AnalyzedText {
  const forced = opts.lang ?? 'auto';
  const keepStop = opts.keepStopwords ?? false;
  const scriptBits: number[] = [];
  const tokens = tokenize(text, scriptBits);
  const words: string[] = [];
  if (tokens.length === 0) return { tokens: [], evidence: emptyScores(), words };
  // Paragraph = line: the paragraph of each token, and the evidence per paragraph.
  const infos: WordInfo[] = new Array(tokens.length);
  const paraOf = new Int32Array(tokens.length);
  const scores: LangScores[] = [];
  let current = emptyScores();
  scores.push(current);
  let nextNewline = text.indexOf('\n');
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    if (nextNewline !== -1 && nextNewline < tok.start) {
      if (k > 0) {
        current = emptyScores();
        scores.push(current);
      }
      nextNewline = text.indexOf('\n', tok.end);
    }
    paraOf[k] = scores.length - 1;
    const info = wordInfo(tok.surface, scriptBits[k] ?? 0);
    infos[k] = info;
    if (tok.kind !== 'number') {
      addScores(current, info.scores);
      words.push(tok.surface);
    }
  }
  const langs = paragraphLangs(scores, forced);
  const alphabet = langs.includes('kk-Latn') ? detectLatinAlphabet(text) : DEFAULT_LATIN_ALPHABET;
  const out: IndexedToken[] = new Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    const info = infos[k] as WordInfo;
    const para = langs[paraOf[k] ?? 0] ?? 'other';
    out[k] = indexedToken(tok, info, tokenLang(tok, info, para, forced), alphabet, keepStop);
  }
  return {
    tokens: joinTitleCompounds(text, out),
    evidence: scores.reduce((a, sc) => addScores(a, sc), emptyScores()),
    words,
  };
}

/** A token's admission while its paragraph's language is not known yet. */
const NO = 0;
const YES = 1;
const MAYBE = 2;

/** ASCII numbers are their own normalized form. */
const ASCII_NUMBER = /^[0-9][0-9.,]*$/u;

/**
 * The words of a text that may match keys of these initials (key-initials.ts), with their keys as analyze() gives
 * them, and the words joined to them by a hyphen (a title compound keys its head with its modifier); every other word
 * is left out. Highlighting needs no more of a text to mark a query. It skips the costly parts of analysis for the
 * words left out: their keys, and the language evidence of the paragraphs that hold none of the words kept, unless
 * a paragraph kept is not clear on its own (its language is then the document's, as analyze() decides it).
 */
export function analyzeKeyedWords(text: string, initials: KeyInitials): IndexedToken[] {
  const scriptBits: number[] = [];
  const tokens = tokenize(text, scriptBits);
  const n = tokens.length;
  if (n === 0) return [];
  // Paragraph = line, as in analyzeWithEvidence.
  const paraOf = new Int32Array(n);
  let paragraphs = 1;
  let nextNewline = text.indexOf('\n');
  // Cyrillic words and ASCII numbers are judged as written; a word with other letters once its form is known.
  const keyed = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const tok = tokens[k] as Token;
    if (nextNewline !== -1 && nextNewline < tok.start) {
      if (k > 0) paragraphs++;
      nextNewline = text.indexOf('\n', tok.end);
    }
    paraOf[k] = paragraphs - 1;
    const written =
      scriptBits[k] === CYRILLIC
        ? writtenInitials(tok.surface)
        : tok.kind === 'number' && ASCII_NUMBER.test(tok.surface)
          ? initialsOf(tok.surface)
          : null;
    keyed[k] =
      written === null
        ? MAYBE
        : admits(initials, written) || (tok.kind === 'word' && admitsName(initials, tok.surface))
          ? YES
          : NO;
  }
  const wanted = new Uint8Array(paragraphs);
  for (let k = 0; k < n; k++) if (keyed[k] !== NO) wanted[paraOf[k] ?? 0] = 1;
  if (!wanted.includes(1)) return [];

  const infos: (WordInfo | undefined)[] = new Array(n);
  const scores: (LangScores | undefined)[] = new Array(paragraphs);
  const evidenceOf = (p: number): LangScores => {
    let s = scores[p];
    if (s) return s;
    s = emptyScores();
    scores[p] = s;
    return s;
  };
  const read = (k: number) => {
    const tok = tokens[k] as Token;
    const info = wordInfo(tok.surface, scriptBits[k] ?? 0);
    infos[k] = info;
    if (tok.kind !== 'number') addScores(evidenceOf(paraOf[k] ?? 0), info.scores);
  };
  for (let k = 0; k < n; k++) if (wanted[paraOf[k] ?? 0]) read(k);
  const langs: (LangTag | null)[] = new Array(paragraphs).fill(null);
  let unclear = false;
  for (let p = 0; p < paragraphs; p++) {
    if (!wanted[p]) continue;
    langs[p] = clearLang(evidenceOf(p));
    if (langs[p] === null) unclear = true;
  }
  const allLangs = () => {
    for (let k = 0; k < n; k++) if (!infos[k]) read(k);
    const doc = decideLang(scores.reduce<LangScores>((a, s) => (s ? addScores(a, s) : a), emptyScores())).lang;
    for (let p = 0; p < paragraphs; p++) langs[p] = paragraphLang(evidenceOf(p), doc);
  };
  if (unclear) allLangs();

  const tokenLangs: LangTag[] = new Array(n);
  let latinWords = false;
  for (let k = 0; k < n; k++) {
    const info = infos[k];
    if (!info) continue;
    const lang = tokenLang(tokens[k] as Token, info, langs[paraOf[k] ?? 0] ?? 'other', 'auto');
    tokenLangs[k] = lang;
    if (lang === 'kk-Latn') latinWords = true;
  }
  // The alphabet is the whole text's when any paragraph is Kazakh Latin (analyzeWithEvidence).
  let alphabet = DEFAULT_LATIN_ALPHABET;
  if (latinWords) {
    if (!langs.every((l) => l !== null)) allLangs();
    if (langs.includes('kk-Latn')) alphabet = detectLatinAlphabet(text);
  }
  for (let k = 0; k < n; k++) {
    if (keyed[k] !== MAYBE) continue;
    const info = infos[k] as WordInfo;
    // A Kazakh Latin word's keys are those of its Cyrillic reading.
    const wordInitials =
      tokenLangs[k] === 'kk-Latn' ? initialsOf(kazakhLatinNorm((tokens[k] as Token).surface, alphabet)) : info.initials;
    keyed[k] =
      admits(initials, wordInitials) ||
      ((tokens[k] as Token).kind === 'word' && admitsName(initials, (tokens[k] as Token).surface))
        ? YES
        : NO;
  }
  // A chain of hyphenated parts is kept whole, both ways.
  const join = (k: number) => {
    if ((keyed[k] === YES) === (keyed[k - 1] === YES)) return;
    if (joinedByHyphen(text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start)))
      keyed[k] = keyed[k - 1] = YES;
  };
  for (let k = 1; k < n; k++) join(k);
  for (let k = n - 1; k >= 1; k--) join(k);

  const out: IndexedToken[] = [];
  for (let k = 0; k < n; k++) {
    if (keyed[k] !== YES) continue;
    out.push(indexedToken(tokens[k] as Token, infos[k] as WordInfo, tokenLangs[k] as LangTag, alphabet, false));
  }
  return joinTitleCompounds(text, out);
}
