/**
 * Hits in Meilisearch's shape: the retrieved public fields, `_formatted` (izde's highlight ranges wrapped in the
 * asked tags, texts cropped to `cropLength` words around the best passage), `_matchesPosition` (UTF-8 byte offsets,
 * as Meilisearch gives them), `_rankingScore`. Like Meilisearch, `_formatted` is plain text with tags inserted, not
 * HTML: clients escape it (InstantSearch does).
 */
import { HIT_FIELDS } from '../../engine/index.js';
import type { Range } from '../search/highlight.js';
import type { PlannedHit, PublicDocument } from '../search/planned.js';

export type PublicField = (typeof HIT_FIELDS)[number];
export const PUBLIC_FIELDS: readonly PublicField[] = HIT_FIELDS;
const isPublic = (f: string): f is PublicField => (PUBLIC_FIELDS as readonly string[]).includes(f);

export interface FormatOptions {
  retrieve: ReadonlySet<PublicField>;
  highlight: ReadonlySet<PublicField>;
  /** Cropped fields and their length in words. */
  crop: ReadonlyMap<PublicField, number>;
  preTag: string;
  postTag: string;
  cropMarker: string;
  showMatchesPosition: boolean;
  showRankingScore: boolean;
}

export const DEFAULT_CROP_LENGTH = 10;

/** Names of public fields from a Meilisearch attribute list (`*` for all; unknown and internal names ignored). */
export function publicFields(list: readonly string[] | null | undefined, all: boolean): Set<PublicField> {
  if (list === undefined || list === null) return new Set(all ? PUBLIC_FIELDS : []);
  if (list.includes('*')) return new Set(PUBLIC_FIELDS);
  return new Set(list.filter(isPublic));
}

/** `attributesToCrop`: names with an optional own length (`body:20`). */
export function cropFields(list: readonly string[] | null | undefined, cropLength: number): Map<PublicField, number> {
  const out = new Map<PublicField, number>();
  for (const item of list ?? []) {
    const [name = '', own] = item.split(':');
    const length = own !== undefined && /^\d+$/.test(own) ? Number(own) : cropLength;
    for (const f of name === '*' ? PUBLIC_FIELDS : isPublic(name) ? [name] : []) if (!out.has(f)) out.set(f, length);
  }
  return out;
}

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/** Words of a text: runs of non-space characters (punctuation stays with its word, as Meilisearch shows it). */
function words(text: string): Range[] {
  return [...text.matchAll(/\S+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
}

/**
 * The window of `length` words to show: the one holding the most distinct matched words (then the most matches),
 * with the rest of the words split around the matches. [first, last) word indices.
 */
function cropWindow(text: string, spans: readonly Range[], ranges: readonly Range[], length: number): [number, number] {
  const matched = spans.map(([s, e]) => ranges.some(([rs, re]) => rs < e && re > s));
  const indices = matched.flatMap((m, i) => (m ? [i] : []));
  if (indices.length === 0) return [0, Math.min(length, spans.length)];
  let best = { score: -1, first: 0, last: 0 };
  for (let a = 0; a < indices.length; a++) {
    const first = indices[a] ?? 0;
    const distinct = new Set<string>();
    let count = 0;
    let last = first;
    for (let b = a; b < indices.length && (indices[b] ?? 0) < first + length; b++) {
      const i = indices[b] ?? 0;
      const span = spans[i];
      if (span) distinct.add(text.slice(span[0], span[1]).toLowerCase());
      count++;
      last = i;
    }
    const score = distinct.size * 1000 + count;
    if (score > best.score) best = { score, first, last };
  }
  const extra = length - (best.last - best.first + 1);
  let start = Math.max(0, best.first - Math.ceil(extra / 2));
  const end = Math.min(spans.length, start + length);
  start = Math.max(0, end - length);
  return [start, end];
}

/** A text with its matched ranges wrapped in the tags (when highlighted) and cropped (when a length is given). */
export function formatText(
  text: string,
  ranges: readonly Range[],
  options: { highlight: boolean; cropLength?: number; preTag: string; postTag: string; cropMarker: string },
): string {
  let from = 0;
  let to = text.length;
  let prefix = '';
  let suffix = '';
  if (options.cropLength !== undefined && options.cropLength > 0) {
    const spans = words(text);
    if (spans.length > options.cropLength) {
      const [first, last] = cropWindow(text, spans, ranges, options.cropLength);
      from = spans[first]?.[0] ?? 0;
      to = spans[last - 1]?.[1] ?? text.length;
      if (first > 0) prefix = options.cropMarker;
      if (last < spans.length) suffix = options.cropMarker;
    }
  }
  let out = '';
  let pos = from;
  if (options.highlight) {
    for (const [s0, e0] of ranges) {
      const s = Math.max(s0, from);
      const e = Math.min(e0, to);
      if (e <= s) continue;
      out += text.slice(pos, s) + options.preTag + text.slice(s, e) + options.postTag;
      pos = e;
    }
  }
  return prefix + out + text.slice(pos, to) + suffix;
}

/** A field's value in `_formatted`: numbers become strings, as Meilisearch writes them. */
function formattedValue(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(formattedValue);
  return value;
}

function textRanges(hit: PlannedHit, field: PublicField): readonly Range[] {
  return field === 'title' ? hit.ranges.title : field === 'body' ? hit.ranges.body : [];
}

/** One hit in Meilisearch's shape (federation details are added by the caller). */
export function formatHit(hit: PlannedHit, options: FormatOptions): Record<string, unknown> {
  const doc: PublicDocument = hit.document;
  const out: Record<string, unknown> = {};
  for (const f of PUBLIC_FIELDS) if (options.retrieve.has(f)) out[f] = doc[f];
  if (options.highlight.size > 0 || options.crop.size > 0) {
    const formatted: Record<string, unknown> = {};
    for (const f of PUBLIC_FIELDS) {
      if (!options.retrieve.has(f) && !options.highlight.has(f) && !options.crop.has(f)) continue;
      const value = doc[f];
      formatted[f] =
        typeof value === 'string' && (f === 'title' || f === 'body')
          ? formatText(value, textRanges(hit, f), {
              highlight: options.highlight.has(f),
              cropLength: options.crop.get(f),
              preTag: options.preTag,
              postTag: options.postTag,
              cropMarker: options.cropMarker,
            })
          : formattedValue(value);
    }
    out._formatted = formatted;
  }
  if (options.showMatchesPosition) {
    const positions: Record<string, { start: number; length: number }[]> = {};
    for (const f of ['title', 'body'] as const) {
      const ranges = textRanges(hit, f);
      if (ranges.length === 0) continue;
      const text = doc[f];
      positions[f] = ranges.map(([s, e]) => ({
        start: byteLength(text.slice(0, s)),
        length: byteLength(text.slice(s, e)),
      }));
    }
    out._matchesPosition = positions;
  }
  if (options.showRankingScore) out._rankingScore = hit.score;
  return out;
}
