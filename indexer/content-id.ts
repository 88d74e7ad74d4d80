import { createHash } from 'node:crypto';

/** An id for a record that has none, derived from its content so re-indexing the same record replaces it. */
export function contentId(text: string): string {
  return `sha256-${createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 20)}`;
}
