// Entry points of extraction: bytes → text, and one page or record → a clean Article.
export { decodeFile } from './decode.js';
export { ExtractError, isExtractError, type ExtractErrorCode } from './errors.js';
export { extractFromText } from './text.js';
export { extractFromHtml } from './html.js';
export { extractFromRecord } from './record.js';
export type { ExtractHint } from './article.js';
export { normalizeSource } from './source.js';
