/**
 * Highlights and snippets on the ORIGINAL text: ranges come from the analyzer's token offsets, so every inflected,
 * folded or transliterated form the query matched is marked where the reader sees it. Output is safe HTML: text
 * escaped, `<mark>` the only markup.
 */
import { sentenceStarts } from '../../analyzers/index.js';

export type Range = readonly [start: number, end: number];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Sorted, merged ranges (adjacent or overlapping ones become one mark). */
export function mergeRanges(ranges: Iterable<Range>): Range[] {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `text[from, to)` as HTML with the ranges inside it marked. */
export function markHtml(text: string, ranges: readonly Range[], from = 0, to = text.length): string {
  let html = '';
  let pos = from;
  for (const [s0, e0] of ranges) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    html += `${escapeHtml(text.slice(pos, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    pos = e;
  }
  return html + escapeHtml(text.slice(pos, to));
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/** Moves `i` back to the start of the word it falls in (never before `min`). */
function wordStart(text: string, i: number, min: number): number {
  while (i > min && !isSpace(text[i - 1])) i--;
  return i;
}

/** Moves `i` forward to the end of the word it falls in (never past `max`). */
function wordEnd(text: string, i: number, max: number): number {
  while (i < max && !isSpace(text[i])) i++;
  return i;
}

export interface SnippetOptions {
  /** Target length of the snippet in characters. */
  maxChars?: number;
}

/** The nearest clause start (after , ; : or a dash) in [from, to], or -1: where a very long sentence can be cut. */
export function clauseStart(text: string, from: number, to: number): number {
  let best = -1;
  for (const m of text.slice(from, to).matchAll(/[,;:]\s+|\s[—–-]\s+/gu)) best = from + m.index + m[0].length;
  return best <= to ? best : -1;
}

/**
 * Where a snippet whose first match is at `first` begins: at the start of that match's sentence when it is at most
 * half a snippet back (of those, the earliest whose window still reaches the end of the text, so a match near the
 * end gets a full window), else at the start of its clause, else at a word a little before the match.
 */
function snippetStart(text: string, first: number, maxChars: number): number {
  const starts = sentenceStarts(text, Math.max(0, first - Math.floor(maxChars * 0.5)), first);
  if (starts.length > 0) return starts.find((s) => s >= text.length - maxChars) ?? starts[starts.length - 1] ?? 0;
  const lead = Math.max(0, first - Math.floor(maxChars * 0.2));
  const clause = clauseStart(text, Math.max(0, first - Math.floor(maxChars * 0.4)), first);
  return clause >= 0 ? clause : wordStart(text, lead, 0);
}

/**
 * A snippet around the best passage: the window of `maxChars` that holds the most distinct matched words (then
 * the most matches), beginning at the start of the sentence of its first match, cut at word boundaries, with …
 * where text was cut.
 */
export function snippetHtml(text: string, ranges: readonly Range[], options: SnippetOptions = {}): string {
  const maxChars = options.maxChars ?? 240;
  const flat = (s: string) => s.replace(/\s+/gu, ' ');
  if (text.length <= maxChars) return flat(markHtml(text, ranges));
  let start = 0;
  if (ranges.length > 0) {
    let best = { score: -1, i: 0 };
    for (const [i, [from]] of ranges.entries()) {
      const windowEnd = from + maxChars * 0.8;
      const words = new Set<string>();
      let count = 0;
      for (const [s, e] of ranges.slice(i)) {
        if (e > windowEnd) break;
        words.add(text.slice(s, e).toLowerCase());
        count++;
      }
      const score = words.size * 1000 + count;
      if (score > best.score) best = { score, i };
    }
    const first = ranges[best.i]?.[0] ?? 0;
    start = snippetStart(text, first, maxChars);
  }
  // A window that had to start well before its first match (at that sentence's start) keeps some text after it.
  const first = ranges.find(([s]) => s >= start)?.[0] ?? start;
  let end = Math.min(text.length, Math.max(start + maxChars, first + Math.floor(maxChars * 0.6)));
  if (end < text.length) {
    const cut = wordStart(text, end, start + 1);
    end = cut > start + maxChars / 2 ? cut : wordEnd(text, end, text.length);
  }
  const body = flat(markHtml(text, ranges, start, end)).trim();
  return `${start > 0 ? '… ' : ''}${body}${end < text.length ? ' …' : ''}`;
}
