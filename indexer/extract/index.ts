// Entry points of extraction: bytes → text, and one page or record → a clean Article.

export { extractFromHtml, extractFromRecord, extractFromText } from './article.js';
export { decodeFile } from './decode.js';
export { ExtractError, type ExtractErrorCode, isExtractError } from './errors.js';
export { bcp47, finishArticle } from './finish.js';
export { prepareHtml } from './html.js';
export type { ExtractHint, PreparedArticle } from './prepared.js';
export { prepareRecord } from './record.js';
export { normalizeSource } from './source.js';
export { prepareText } from './text.js';
