import { createHash } from 'node:crypto';

/** Meilisearch accepts primary keys of at most 511 bytes made of A-Z a-z 0-9 - _. */
const MAX_KEY_BYTES = 511;

/**
 * The Meilisearch primary key of an article id. Ids such as `kazinform-qz/2025/…` hold characters Meilisearch
 * refuses, so the key is `b` + base64url(UTF-8 id) — injective, so two ids never share a key — or, for ids too long
 * for that, `h` + SHA-256 (hex). The API always shows the original id, stored beside the key.
 */
export function documentKey(id: string): string {
  const encoded = `b${Buffer.from(id, 'utf8').toString('base64url')}`;
  if (encoded.length <= MAX_KEY_BYTES) return encoded;
  return `h${createHash('sha256').update(id, 'utf8').digest('hex')}`;
}

/** An id for a record that has none, derived from its content so re-indexing the same record replaces it. */
export function contentId(text: string): string {
  return `sha256-${createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 20)}`;
}
