// One article per .txt page.

import { withCharacters } from './char-refs.js';
import { ExtractError } from './errors.js';
import { extractPage } from './page.js';
import { type ExtractHint, type PreparedArticle, preparedArticle } from './prepared.js';

/** A .txt page's article fields, before analysis (extractFromText in article.ts finishes it). */
export function prepareText(raw: string, hint: ExtractHint): PreparedArticle {
  const text = withCharacters(raw);
  if (!/\p{L}/u.test(text)) throw new ExtractError('NO_TEXT', 'the page has no text');
  const page = extractPage(text, { url: hint.url ?? null });
  if (!page.body && !page.title) throw new ExtractError('NO_TEXT', 'nothing but page furniture on the page');
  return preparedArticle(page, hint);
}
