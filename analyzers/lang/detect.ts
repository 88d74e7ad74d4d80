/**
 * Language identification for Kazakh (Cyrillic), Kazakh Latin, Russian and other (mostly English) text, by
 * word-level evidence summed over the text:
 * - Cyrillic words: Kazakh-only letters (ә ғ қ ң ө ұ ү һ і) are decisive; function words of either language;
 *   endings (longest match) — Kazakh plural/case/verb endings also in their Russian-keyboard spelling
 *   (-лары, -нын, -йды, -атын), Russian adjective/verb/noun endings (-ого, -ться, -ение, -ских); letter
 *   sequences Russian spelling forbids (жы, шы, кы, гы, a word-initial ы) or that native Kazakh lacks (ь ъ щ ц ч
 *   ф э, a word-initial consonant cluster).
 * - Latin words: the marker letters of the Kazakh Latin alphabets (á ǵ ń ó ú ý ı ä ğ ñ ö ş ü ū), q not before u,
 *   Kazakh Latin function words and endings, against English function words, endings and letters (w, x, c, th).
 * The script with more letters picks the pair (kk/ru or kk-Latn/other). Without evidence either way a Cyrillic
 * text is Russian (decideLang) — except that a short text asks the Russian dictionary first (detectLang) — and a
 * Latin text is `other`. docs/analyzers.md has the measured accuracy.
 */

import { readFileSync } from 'node:fs';
import { LRUCache } from 'lru-cache';
import { normalize } from '../normalize.js';
import { isKnownRussianWord } from '../ru/stem.js';
import { CYRILLIC, flagsOfUnit, hasKazakhLetter, LATIN, LETTER } from '../script.js';
import type { LangTag } from '../types.js';

interface LangIdData {
  kkWords: string[];
  ruWords: string[];
  kkLatnWords: string[];
  otherWords: string[];
  kkEndings: Record<string, number>;
  ruEndings: Record<string, number>;
  kkLatnEndings: Record<string, number>;
  otherEndings: Record<string, number>;
}

const DATA = JSON.parse(readFileSync(new URL('../data/langid.json', import.meta.url), 'utf8')) as LangIdData;

const KK_WORDS = new Set(DATA.kkWords);
const RU_WORDS = new Set(DATA.ruWords);
const KK_LATN_WORDS = new Set(DATA.kkLatnWords);
const OTHER_WORDS = new Set(DATA.otherWords);

interface EndingTable {
  map: Map<string, number>;
  maxLen: number;
}
function endingTable(rec: Record<string, number>): EndingTable {
  const map = new Map(Object.entries(rec));
  let maxLen = 0;
  for (const k of map.keys()) maxLen = Math.max(maxLen, k.length);
  return { map, maxLen };
}
const KK_END = endingTable(DATA.kkEndings);
const RU_END = endingTable(DATA.ruEndings);
const KK_LATN_END = endingTable(DATA.kkLatnEndings);
const OTHER_END = endingTable(DATA.otherEndings);

/** Weight of the longest ending of `w` in the table that leaves a stem of 2+ letters. */
function endingWeight(w: string, t: EndingTable): number {
  for (let len = Math.min(t.maxLen, w.length - 2); len >= 1; len--) {
    const v = t.map.get(w.slice(w.length - len));
    if (v !== undefined) return v;
  }
  return 0;
}

/** Scores of one text: evidence for each language (higher = more likely). */
export interface LangScores {
  kk: number;
  ru: number;
  'kk-Latn': number;
  other: number;
  /** Letters seen in each script, to pick the pair. */
  cyrillic: number;
  latin: number;
}

export function emptyScores(): LangScores {
  return { kk: 0, ru: 0, 'kk-Latn': 0, other: 0, cyrillic: 0, latin: 0 };
}

/** Adds b into a (for summing paragraphs into a document). */
export function addScores(a: LangScores, b: LangScores): LangScores {
  a.kk += b.kk;
  a.ru += b.ru;
  a['kk-Latn'] += b['kk-Latn'];
  a.other += b.other;
  a.cyrillic += b.cyrillic;
  a.latin += b.latin;
  return a;
}

const KZ_LATIN_MARKERS = /[áǵńóúýıäğñöşüū]/u;
const RU_ONLY_LETTERS = /[ьъщцчфэ]/u;
const RU_FORBIDDEN_FOR_RU = /жы|шы|кы|гы|хы|^ы|[аоуыэяеиюё]ы/u;
const RU_INITIAL_CLUSTER =
  /^(?:стр|вз|вс|вл|вр|пр|кр|тр|гр|бр|др|пл|бл|кл|гл|сл|см|сп|ст|ск|сн|зн|зд|св|тв|дв|шк|шт|мн|чт|вп|вн|вм|сд|сб|сж)/u;
/** Letters English has and Kazakh Latin does not (not «qu»: 2018 writes құ so, as in qurylys, qujat). */
const EN_LETTERS = /w|x|c(?!h)|th|ck|ph|ee|oo/u;
const Q_NOT_U = /q(?!u)/u;
/** y between consonants: ы in Kazakh Latin (halyq, sapary); English has y mostly at the edges of words. */
const Y_VOWEL = /[bdfghjklmnpqrstvz]y[bdfghjklmnpqrstvz]/u;

const wordCache = new LRUCache<string, LangScores>({ max: 100_000 });

/** Evidence of one word (any case; it is normalized here), cached. Do not mutate the result. */
export function scoreWord(word: string): LangScores {
  let s = wordCache.get(word);
  if (s === undefined) {
    s = computeWordScores(word);
    wordCache.set(word, s);
  }
  return s;
}

/** Evidence of one word, not cached (for callers with a cache of their own, who may pass its normalized form). */
export function computeWordScores(word: string, norm?: string): LangScores {
  const s = emptyScores();
  const w = norm ?? normalize(word);
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < w.length; i++) {
    const f = flagsOfUnit(w.charCodeAt(i));
    if (f & LETTER) {
      if (f & CYRILLIC) cyr++;
      else if (f & LATIN) lat++;
    }
  }
  s.cyrillic = cyr;
  s.latin = lat;
  if (cyr > 0 && cyr >= lat) {
    if (hasKazakhLetter(w)) s.kk += 5;
    if (KK_WORDS.has(w)) s.kk += 3;
    if (RU_WORDS.has(w)) s.ru += 3;
    s.kk += endingWeight(w, KK_END);
    s.ru += endingWeight(w, RU_END);
    if (RU_FORBIDDEN_FOR_RU.test(w)) s.kk += 2.5;
    if (RU_ONLY_LETTERS.test(w)) s.ru += 1;
    if (RU_INITIAL_CLUSTER.test(w)) s.ru += 0.7;
  } else if (lat > 0) {
    if (KZ_LATIN_MARKERS.test(w)) s['kk-Latn'] += 4;
    if (Q_NOT_U.test(w)) s['kk-Latn'] += 2;
    if (Y_VOWEL.test(w)) s['kk-Latn'] += 1;
    if (KK_LATN_WORDS.has(w)) s['kk-Latn'] += 3;
    if (OTHER_WORDS.has(w)) s.other += 3;
    s['kk-Latn'] += endingWeight(w, KK_LATN_END);
    s.other += endingWeight(w, OTHER_END);
    if (EN_LETTERS.test(w)) s.other += 1.5;
  }
  return s;
}

const WORD_RE = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;

/** Summed evidence of all words of a text. */
export function scoreLang(text: string): LangScores {
  const total = emptyScores();
  for (const m of text.matchAll(WORD_RE)) addScores(total, scoreWord(m[0]));
  return total;
}

/** Summed evidence of a list of words (e.g. the surfaces of tokens already cut). */
export function scoreWords(words: Iterable<string>): LangScores {
  const total = emptyScores();
  for (const w of words) addScores(total, scoreWord(w));
  return total;
}

/** The language the evidence points to, with a margin in [0, 1] (0 = a coin toss or no evidence). */
export function decideLang(s: LangScores): { lang: LangTag; margin: number } {
  if (s.cyrillic === 0 && s.latin === 0) return { lang: 'other', margin: 0 };
  if (s.cyrillic >= s.latin) {
    const lang: LangTag = s.kk > s.ru ? 'kk' : 'ru';
    return { lang, margin: Math.abs(s.kk - s.ru) / (s.kk + s.ru + 2) };
  }
  const lang: LangTag = s['kk-Latn'] > s.other ? 'kk-Latn' : 'other';
  return { lang, margin: Math.abs(s['kk-Latn'] - s.other) / (s['kk-Latn'] + s.other + 2) };
}

/** Texts of at most this many words (queries, single words) also consult the Russian dictionary. */
const SHORT_TEXT_WORDS = 5;
/** Evidence a Russian dictionary word adds to ru in a short text. */
const DICTIONARY_WEIGHT = 1;

/**
 * Language of a text (article, paragraph, query or single word). A short text (≤ 5 words) has little evidence:
 * in Cyrillic the Russian dictionary weighs in — a word it knows counts for Russian, and a text with no evidence
 * left either way is Kazakh (a Cyrillic word that no Russian dictionary knows is most likely Kazakh written
 * without its special letters: жер, шамасында, зерттеу); in Latin, a text with no English evidence is Kazakh
 * Latin («Astana», «Japarov»), while «Euronews» (w) stays `other`. Longer texts never need the dictionary.
 */
export function detectLang(text: string): LangTag {
  const words = [...text.matchAll(WORD_RE)].map((m) => m[0]);
  return langOfEvidence(scoreWords(words), words);
}

/**
 * The language of a text from its summed word evidence and its words (detectLang's rule, for callers that scored the
 * words already: the analyzer sums the evidence of the tokens it cut, so a text is never scored twice).
 */
export function langOfEvidence(s: LangScores, words: readonly string[]): LangTag {
  if (words.length > SHORT_TEXT_WORDS || (s.cyrillic === 0 && s.latin === 0)) return decideLang(s).lang;
  // A short Latin text without English evidence is read as Kazakh Latin (this is a Kazakh news search).
  if (s.cyrillic < s.latin) return s['kk-Latn'] >= s.other ? 'kk-Latn' : 'other';
  let ru = s.ru;
  for (const w of words) {
    const n = normalize(w);
    if (!hasKazakhLetter(n) && /\p{Script=Cyrillic}/u.test(n) && isKnownRussianWord(n)) ru += DICTIONARY_WEIGHT;
  }
  return s.kk >= ru ? 'kk' : 'ru';
}
