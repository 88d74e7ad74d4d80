import { readdirSync, type Stats, statSync } from 'node:fs';
import { join, sep } from 'node:path';

const SKIP = new Set(['node_modules', '.git']);

/** Every file under the given paths (files are taken as they are, folders are walked). */
export function listFiles(roots: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    let st: Stats;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isFile()) out.push(path);
    else if (st.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) walk(join(path, name));
    }
  };
  for (const root of roots) walk(root);
  return out;
}

/** The first listed file whose path ends with `tail` ("ru_gsd-ud-test.conllu", "wmt-ru-news/articles.jsonl"). */
export function findFile(files: readonly string[], tail: string): string | undefined {
  const wanted = sep + tail.split('/').join(sep);
  return files.find((f) => f.endsWith(wanted) || f === tail);
}
