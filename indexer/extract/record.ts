// .json/.jsonl records: the record's own title, date, source, lang and url win when present and valid; what is
// missing is extracted from `text` (which may be raw page text) with the same rules as a .txt page. A title that is a
// paragraph or the site talking (a cookie banner) is none.

import type { SourceRecord } from '../types.js';
import { withCharacters } from './char-refs.js';
import { parseDateString } from './date.js';
import { ExtractError } from './errors.js';
import { isSiteTalk, withoutGluedFurniture } from './furniture.js';
import { extractPage } from './page.js';
import { type ExtractHint, type PreparedArticle, preparedArticle } from './prepared.js';
import { normalizeSource } from './source.js';
import { firstSentence, TITLE_MAX, titleFromText, withoutTimeStamp } from './title.js';

const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A headline is never longer; a title of more than one sentence is no headline past TITLE_MAX either. */
const MAX_HEADLINE = 200;

/** Whether a record's title is a paragraph (scrapers fill `title` with the lead, or glue the lead to the headline). */
function isParagraph(title: string): boolean {
  return title.length > MAX_HEADLINE || (title.length > TITLE_MAX && firstSentence(title) !== title);
}

const squashed = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * What a paragraph given as a title adds to the text: nothing when the text holds it (the lead copied into `title`),
 * the part before the text's opening when the title ends with it (a headline glued to the lead), else all of it.
 */
function missingFromText(title: string, text: string): string {
  const t = squashed(title);
  const body = squashed(text);
  if (body.includes(t)) return '';
  const opening = body.slice(0, 60);
  const at = opening.length >= 20 ? t.indexOf(opening) : -1;
  return at > 0 ? t.slice(0, at).trim() : t;
}

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
  const text = withCharacters(rec.text);
  if (!/\p{L}/u.test(text) && !nonEmpty(rec.title)) throw new ExtractError('NO_TEXT', 'the record has no text');
  const url = validUrl(rec.url) ?? hint.url ?? null;
  const dateStr = nonEmpty(rec.date);
  // A bare year is a valid record date too («2024»): the year is known, the day is not.
  const yearOnly = dateStr && /^\d{4}$/.test(dateStr) ? Number(dateStr) : null;
  const date = dateStr && !yearOnly && parseDateString(dateStr) ? dateStr : null;
  // A paragraph is no headline: the title is its first sentence, as for a page without one, and what of it the text
  // lacks opens the body (nothing of the record is lost).
  const titled = nonEmpty(rec.title);
  const titleField = titled && withCharacters(titled);
  const given = titleField && !isSiteTalk(titleField) ? titleField : null;
  const paragraph = given && isParagraph(given) ? given : null;
  const page = extractPage(text, {
    title: paragraph ? titleFromText(withoutTimeStamp(paragraph)) : given,
    date,
    url,
    source: normalizeSource(nonEmpty(rec.source)),
  });
  const missing = paragraph ? withoutGluedFurniture(missingFromText(paragraph, text)) : '';
  if (missing) page.body = page.body ? `${missing}\n\n${page.body}` : missing;
  if (!page.body && !page.title) throw new ExtractError('NO_TEXT', 'nothing but page furniture in the record');
  if (yearOnly && yearOnly >= 1900 && yearOnly <= 2099 && page.dateSource !== 'explicit') {
    page.date = null;
    page.year = yearOnly;
    page.dateSource = 'explicit';
  }
  return preparedArticle(page, { ...hint, id: hint.id ?? rec.id, url, lang: rec.lang ?? null });
}
