/**
 * From an article's prepared fields to its engine document: the analysis (analyzers, the Russian dictionary, the
 * entity patterns) and the document builder. This is the indexer's heavy step, run on its own thread by
 * document-maker.ts; importing this module loads the analyzers' data.
 */
import { setWordCacheSize } from '../analyzers/index.js';
import { type DocumentSource, toDocument } from './document.js';
import { finishArticle } from './extract/finish.js';
import type { PreparedArticle } from './extract/prepared.js';

/** One article to make a document of. */
export interface DocumentJob {
  prepared: PreparedArticle;
  source: DocumentSource;
}

/** Its document as the JSON line sent to the engine, or why none could be made. */
export type MadeDocument = { ok: true; id: string; json: string } | { ok: false; reason: string };

export function makeDocument({ prepared, source }: DocumentJob): MadeDocument {
  try {
    const article = finishArticle(prepared);
    return { ok: true, id: article.id, json: JSON.stringify(toDocument(article, source, article.analysis)) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export { setWordCacheSize };
