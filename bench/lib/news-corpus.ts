import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The shared corpus's news sets (articles.jsonl in each), as SOURCES.md lists them. */
export const SHARED_NEWS_SETS = ['kazinform-qz-latn', 'bsnlp2021-ru', 'wmt-ru-news'] as const;

/**
 * The files to index for a news benchmark: a folder holding SOURCES.md is the shared corpus (only its news sets'
 * articles.jsonl, not its treebanks or word lists); anything else is indexed as given (e.g. data/articles).
 */
export function newsInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`${p}: no such file or directory`);
    if (statSync(p).isDirectory() && existsSync(join(p, 'SOURCES.md'))) {
      for (const set of SHARED_NEWS_SETS) {
        const file = join(p, set, 'articles.jsonl');
        if (existsSync(file)) out.push(file);
      }
    } else {
      out.push(p);
    }
  }
  return out;
}
