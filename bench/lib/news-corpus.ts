import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The shared corpus's news sets (articles.jsonl in each), as SOURCES.md lists them. */
export const SHARED_NEWS_SETS = ['kazinform-qz-latn', 'bsnlp2021-ru', 'wmt-ru-news'] as const;

/**
 * The files to index for a news benchmark or evaluation: a folder holding SOURCES.md is the shared corpus (only its
 * news sets' articles.jsonl, never its treebanks or word lists; one without any of them is an error); anything else
 * is indexed as given (e.g. data/articles, the five raw seeds).
 */
export function newsInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`${p}: no such file or directory`);
    if (statSync(p).isDirectory() && existsSync(join(p, 'SOURCES.md'))) {
      const found = SHARED_NEWS_SETS.map((set) => join(p, set, 'articles.jsonl')).filter((f) => existsSync(f));
      if (found.length === 0) throw new Error(`${p}: a corpus folder without any of ${SHARED_NEWS_SETS.join(', ')}`);
      out.push(...found);
    } else {
      out.push(p);
    }
  }
  return out;
}
