/**
 * Kazakh text shown in the reader's script: `script=latn` shows Kazakh articles written in Cyrillic in the 2021 Latin
 * alphabet, `script=cyrl` shows those written in Latin (any of the three alphabets, detected per article) in
 * Cyrillic. The conversion runs on the highlighted HTML after marking, word by word, so every `<mark>` still covers
 * exactly the word it covered. Only Kazakh articles are converted; Russian and other text is left as written.
 */
import { z } from 'zod';
import {
  cyrillicToLatin,
  detectLatinAlphabet,
  type LatinAlphabet,
  latinToCyrillic,
  withLoanYo,
} from '../../analyzers/index.js';
import { markHtml, mergeRanges, type Range } from './highlight.js';

export const SCRIPTS = ['cyrl', 'latn'] as const;
export type DisplayScript = (typeof SCRIPTS)[number];

/** `script`: given at most once, `cyrl` or `latn`; absent → undefined (as written). */
export const scriptParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .refine((v) => !Array.isArray(v), '`script` must be given at most once')
  .transform((v) => v as string | undefined)
  .pipe(z.enum(SCRIPTS, { message: '`script` must be cyrl or latn' }).optional());

type Direction = 'toLatin' | 'toCyrillic';

/** Which way an article in `lang` is converted for `script`, or null when it is shown as written. */
export function conversionFor(lang: string, script: DisplayScript | undefined): Direction | null {
  if (!script) return null;
  const tag = lang.toLowerCase();
  if (tag === 'kk-latn') return script === 'cyrl' ? 'toCyrillic' : null;
  if (tag === 'kk' || tag === 'kk-cyrl') return script === 'latn' ? 'toLatin' : null;
  return null;
}

const CYRILLIC_WORD = /[\p{Script=Cyrillic}][\p{Script=Cyrillic}\p{M}]*/gu;
// Apostrophes inside a word belong to it (the 2017 alphabet writes g'ylym).
const LATIN_WORD = /[\p{Script=Latin}][\p{Script=Latin}\p{M}]*(?:['’ʼ][\p{Script=Latin}\p{M}]+)*/gu;
// Addresses stay as written: a domain, a link or an e-mail transliterated is a broken one.
const ADDRESS = /(?:https?:\/\/|www\.|@)\S*|\S+\.(?:kz|ru|com|org|net|info|gov|edu|uz|kg|io)\b\S*/giu;

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** A Kazakh Latin word in Cyrillic with its capitalization: Qazaqstan → Қазақстан, ShYU → ШЫҰ, AQSh → АҚШ. */
export function latinWordToCyrillic(word: string, alphabet: LatinAlphabet): string {
  // A brand written in mixed case (iPhone, eBay) is a foreign name, not Kazakh.
  if (/^\p{Ll}.*\p{Lu}/u.test(word)) return word;
  const cyr = withLoanYo(latinToCyrillic(word, alphabet), 'ё'); // «aktıor» is актёр, «radıo» радио
  if (cyr === '') return word;
  const letters = [...word].filter((ch) => /\p{L}/u.test(ch));
  const upper = letters.filter(isUpper).length;
  if (upper === 0) return cyr;
  // An abbreviation: as many capitals as Cyrillic letters (a digraph such as Sh counts as one letter).
  if (upper >= 2 && upper >= [...cyr].length) return cyr.toUpperCase();
  return isUpper(letters[0] ?? '') ? cyr.charAt(0).toUpperCase() + cyr.slice(1) : cyr;
}

/**
 * Converts the words of `text` and maps offsets: `start[i]`/`end[i]` are where a range starting/ending at original
 * offset i starts/ends in the converted text. An offset inside a word widens to the whole converted word.
 */
function convertWithOffsets(
  text: string,
  direction: Direction,
  alphabet: LatinAlphabet,
): { text: string; start: number[]; end: number[] } {
  const words: { s: number; e: number; out: string }[] = [];
  const skip: Range[] = [...text.matchAll(ADDRESS)].map((m) => [m.index, m.index + m[0].length]);
  const pattern = direction === 'toLatin' ? CYRILLIC_WORD : LATIN_WORD;
  for (const m of text.matchAll(pattern)) {
    const s = m.index;
    const e = s + m[0].length;
    if (skip.some(([a, b]) => s < b && e > a)) continue;
    const out = direction === 'toLatin' ? cyrillicToLatin(m[0], '2021') : latinWordToCyrillic(m[0], alphabet);
    if (out !== m[0]) words.push({ s, e, out });
  }
  const start = new Array<number>(text.length + 1);
  const end = new Array<number>(text.length + 1);
  let out = '';
  let pos = 0;
  const copyTo = (limit: number) => {
    for (; pos < limit; pos++) {
      start[pos] = end[pos] = out.length;
      out += text[pos];
    }
  };
  for (const w of words) {
    copyTo(w.s);
    const ws = out.length;
    out += w.out;
    // A range that starts inside the word starts at its beginning; one that ends inside it ends at its end.
    start[w.s] = end[w.s] = ws;
    for (let i = w.s + 1; i < w.e; i++) {
      start[i] = ws;
      end[i] = out.length;
    }
    pos = w.e;
  }
  copyTo(text.length);
  start[text.length] = end[text.length] = out.length;
  return { text: out, start, end };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');

/** Our highlighted HTML (escaped text and bare `<mark>`s) → its text and marked ranges. */
export function parseMarked(html: string): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  let open = -1;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === '<mark>') open = text.length;
    else if (part === '</mark>') {
      if (open >= 0) ranges.push([open, text.length]);
      open = -1;
    } else text += unescapeHtml(part);
  }
  return { text, ranges };
}

/** Highlighted HTML converted to the other script, marks kept on the same words. */
export function convertMarkedHtml(html: string, direction: Direction, alphabet: LatinAlphabet = '2018'): string {
  const { text, ranges } = parseMarked(html);
  const converted = convertWithOffsets(text, direction, alphabet);
  const moved = ranges.map(([s, e]): Range => [converted.start[s] ?? 0, converted.end[e] ?? converted.text.length]);
  return markHtml(converted.text, mergeRanges(moved));
}

export function convertText(text: string, direction: Direction, alphabet: LatinAlphabet = '2018'): string {
  return convertWithOffsets(text, direction, alphabet).text;
}

interface Displayable {
  lang: string;
  title: string;
}

/** A hit (title, titleHtml, snippet) in the requested script; `script` says what it was converted to. */
export function displayHit<H extends Displayable & { titleHtml: string; snippet: string }>(
  hit: H,
  script: DisplayScript | undefined,
): H & { script?: DisplayScript } {
  const direction = conversionFor(hit.lang, script);
  if (!direction || !script) return hit;
  const alphabet = detectLatinAlphabet(`${hit.title} ${unescapeHtml(hit.snippet)}`);
  return {
    ...hit,
    title: convertText(hit.title, direction, alphabet),
    titleHtml: convertMarkedHtml(hit.titleHtml, direction, alphabet),
    snippet: convertMarkedHtml(hit.snippet, direction, alphabet),
    script,
  };
}

/** A whole article (title, body and its plain snippet) in the requested script. */
export function displayArticle<A extends Displayable & { body: string; snippet?: string }>(
  article: A,
  script: DisplayScript | undefined,
): A & { script?: DisplayScript } {
  const direction = conversionFor(article.lang, script);
  if (!direction || !script) return article;
  const alphabet = detectLatinAlphabet(`${article.title}\n${article.body}`);
  return {
    ...article,
    title: convertText(article.title, direction, alphabet),
    body: convertText(article.body, direction, alphabet),
    ...(typeof article.snippet === 'string'
      ? { snippet: convertMarkedHtml(article.snippet, direction, alphabet) }
      : {}),
    script,
  };
}
