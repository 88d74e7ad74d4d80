import { sep } from 'node:path';
import type { ArticleDocument, Gateway } from '../engine/index.js';
import { toEngineError } from '../engine/index.js';

/** What a sync needs to know of a stored article: where it came from and the hash of its input. */
export interface StoredEntry {
  hash: string;
  origin: string;
}

/** A Meilisearch filter string literal (quotes and backslashes escaped). */
const literal = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Whether `origin` is the path `root` or lies under it (case-sensitive, whole path segments). */
export function isUnder(origin: string, root: string): boolean {
  if (origin === root) return true;
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  return origin.startsWith(prefix);
}

/**
 * Every stored article whose origin is one of `roots` (absolute paths) or lies under one: key → hash and origin, read
 * in pages (memory holds these three strings per article, never a document). Meilisearch filters on `origin` match
 * without regard to case, so each candidate is checked again here, exactly.
 */
export async function storedUnder(
  gateway: Gateway,
  roots: readonly string[],
  pageSize = 10_000,
): Promise<Map<string, StoredEntry>> {
  const out = new Map<string, StoredEntry>();
  if (roots.length === 0) return out;
  const index = gateway.admin.index<ArticleDocument>(gateway.indexName);
  const filter = roots
    .map((root) => {
      const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
      return `origin = ${literal(root)} OR origin STARTS WITH ${literal(prefix)}`;
    })
    .join(' OR ');
  // Origins repeat (every record of one JSONL file): one string each.
  const interned = new Map<string, string>();
  for (let offset = 0; ; offset += pageSize) {
    let page: Pick<ArticleDocument, 'key' | 'hash' | 'origin'>[];
    try {
      page = (await index.getDocuments({ filter, fields: ['key', 'hash', 'origin'], offset, limit: pageSize })).results;
    } catch (err) {
      throw toEngineError(err);
    }
    for (const doc of page) {
      if (typeof doc.origin !== 'string' || !roots.some((root) => isUnder(doc.origin, root))) continue;
      let origin = interned.get(doc.origin);
      if (origin === undefined) {
        origin = doc.origin;
        interned.set(origin, origin);
      }
      out.set(doc.key, { hash: String(doc.hash ?? ''), origin });
    }
    if (page.length < pageSize) break;
  }
  return out;
}
