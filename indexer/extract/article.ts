// Extraction in one call: a page or record → its clean, analyzed article (the fields, then the analysis).

import type { ExtractedArticle, SourceRecord } from '../types.js';
import { finishArticle } from './finish.js';
import { prepareHtml } from './html.js';
import type { ExtractHint } from './prepared.js';
import { prepareRecord } from './record.js';
import { prepareText } from './text.js';

/** One .txt page → its clean, analyzed article (throws ExtractError when there is none). */
export const extractFromText = (raw: string, hint: ExtractHint): ExtractedArticle =>
  finishArticle(prepareText(raw, hint));

/** One HTML page → its clean, analyzed article (throws ExtractError when there is none). */
export const extractFromHtml = (html: string, hint: ExtractHint): ExtractedArticle =>
  finishArticle(prepareHtml(html, hint));

/** One .json/.jsonl record → its clean, analyzed article (throws ExtractError when there is none). */
export const extractFromRecord = (rec: SourceRecord, hint: ExtractHint): ExtractedArticle =>
  finishArticle(prepareRecord(rec, hint));
