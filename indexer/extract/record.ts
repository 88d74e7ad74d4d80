// .json/.jsonl records: the record's own title, date, source, lang and url win when present and valid; what is
// missing is extracted from `text` (which may be raw page text) with the same rules as a .txt page.

import type { SourceRecord } from '../types.js';
import { parseDateString } from './date.js';
import { ExtractError } from './errors.js';
import { extractPage } from './page.js';
import { type ExtractHint, type PreparedArticle, preparedArticle } from './prepared.js';
import { normalizeSource } from './source.js';

const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function validUrl(v: unknown): string | null {
  const s = nonEmpty(v);
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? s : null;
  } catch {
    return null;
  }
}

/** A record's article fields, before analysis (extractFromRecord in article.ts finishes it). */
export function prepareRecord(rec: SourceRecord, hint: ExtractHint): PreparedArticle {
  if (typeof rec.text !== 'string') throw new ExtractError('BAD_RECORD', 'the record has no "text" string');
  if (!/\p{L}/u.test(rec.text) && !nonEmpty(rec.title)) throw new ExtractError('NO_TEXT', 'the record has no text');
  const url = validUrl(rec.url) ?? hint.url ?? null;
  const dateStr = nonEmpty(rec.date);
  // A bare year is a valid record date too («2024»): the year is known, the day is not.
  const yearOnly = dateStr && /^\d{4}$/.test(dateStr) ? Number(dateStr) : null;
  const date = dateStr && !yearOnly && parseDateString(dateStr) ? dateStr : null;
  const page = extractPage(rec.text, {
    title: nonEmpty(rec.title),
    date,
    url,
    source: normalizeSource(nonEmpty(rec.source)),
  });
  if (!page.body && !page.title) throw new ExtractError('NO_TEXT', 'nothing but page furniture in the record');
  if (yearOnly && yearOnly >= 1900 && yearOnly <= 2099 && page.dateSource !== 'explicit') {
    page.date = null;
    page.year = yearOnly;
    page.dateSource = 'explicit';
  }
  return preparedArticle(page, { ...hint, id: hint.id ?? rec.id, url, lang: rec.lang ?? null });
}
