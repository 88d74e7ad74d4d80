// Entry points of extraction: bytes → text, and one page or record → a clean Article.

export type { ExtractHint } from './article.js';
export { decodeFile } from './decode.js';
export { ExtractError, type ExtractErrorCode, isExtractError } from './errors.js';
export { extractFromHtml } from './html.js';
export { extractFromRecord } from './record.js';
export { normalizeSource } from './source.js';
export { extractFromText } from './text.js';
