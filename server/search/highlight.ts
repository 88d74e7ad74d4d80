/**
 * Highlights and snippets on the ORIGINAL text: ranges come from the analyzer's token offsets, so every inflected,
 * folded or transliterated form the query matched is marked where the reader sees it. Output is safe HTML: text
 * escaped, `<mark>` the only markup.
 */
export type Range = readonly [start: number, end: number];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

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
    html += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
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

/**
 * A snippet around the best passage: the window of `maxChars` that holds the most distinct matched words (then
 * the most matches), starting a little before its first match, cut at word boundaries, with … where text was cut.
 */
export function snippetHtml(text: string, ranges: readonly Range[], options: SnippetOptions = {}): string {
  const maxChars = options.maxChars ?? 240;
  const flat = (s: string) => s.replace(/\s+/gu, ' ');
  if (text.length <= maxChars) return flat(markHtml(text, ranges));
  let start = 0;
  if (ranges.length > 0) {
    let best = { score: -1, i: 0 };
    for (let i = 0; i < ranges.length; i++) {
      const windowEnd = ranges[i]![0] + maxChars * 0.8;
      const words = new Set<string>();
      let count = 0;
      for (let j = i; j < ranges.length && ranges[j]![1] <= windowEnd; j++) {
        words.add(text.slice(ranges[j]![0], ranges[j]![1]).toLowerCase());
        count++;
      }
      const score = words.size * 1000 + count;
      if (score > best.score) best = { score, i };
    }
    const first = ranges[best.i]![0];
    // Some context before the first match; a sentence start within that context is a nicer place to begin.
    const lead = Math.max(0, first - Math.floor(maxChars * 0.2));
    let sentenceStart = -1;
    for (const m of text.slice(lead, first).matchAll(/[.!?…]\s+(?=\S)/gu)) sentenceStart = lead + m.index + m[0].length;
    start = sentenceStart >= 0 ? sentenceStart : wordStart(text, lead, 0);
    // Near the end of the text, show a full-length window rather than a short tail.
    if (start + maxChars > text.length)
      start = Math.min(first, wordStart(text, Math.max(0, text.length - maxChars), 0));
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const cut = wordStart(text, end, start + 1);
    end = cut > start + maxChars / 2 ? cut : wordEnd(text, end, text.length);
  }
  const body = flat(markHtml(text, ranges, start, end)).trim();
  return `${start > 0 ? '… ' : ''}${body}${end < text.length ? ' …' : ''}`;
}
