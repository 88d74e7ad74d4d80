// One article per .txt page.

import type { ExtractedArticle } from '../types.js';
import { type ExtractHint, finishArticle } from './article.js';
import { ExtractError } from './errors.js';
import { extractPage } from './page.js';

export function extractFromText(raw: string, hint: ExtractHint): ExtractedArticle {
  if (!/\p{L}/u.test(raw)) throw new ExtractError('NO_TEXT', 'the page has no text');
  const page = extractPage(raw, { url: hint.url ?? null });
  if (!page.body && !page.title) throw new ExtractError('NO_TEXT', 'nothing but page furniture on the page');
  return finishArticle(page, hint);
}
