import { readdirSync, type Stats, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.jsonl'] as const;
export type InputKind = 'text' | 'html' | 'json' | 'jsonl';

export interface InputFile {
  path: string;
  kind: InputKind;
  bytes: number;
}

export interface PathProblem {
  path: string;
  reason: string;
}

function kindOf(path: string): InputKind | undefined {
  switch (extname(path).toLowerCase()) {
    case '.txt':
      return 'text';
    case '.html':
    case '.htm':
      return 'html';
    case '.json':
      return 'json';
    case '.jsonl':
      return 'jsonl';
    default:
      return undefined;
  }
}

/**
 * Expands files and folders (recursively, hidden entries skipped) into the input files we can read, in a stable
 * order. A path that does not exist, or a file named explicitly with an unsupported extension, is a problem to report;
 * unsupported files met inside a folder are simply not ours.
 */
export function collectInputFiles(paths: readonly string[]): { files: InputFile[]; problems: PathProblem[] } {
  const files: InputFile[] = [];
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  const visit = (path: string, explicit: boolean) => {
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch {
      problems.push({ path, reason: 'no such file or directory' });
      return;
    }
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (err) {
        problems.push({ path, reason: `cannot read directory (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
        return;
      }
      for (const entry of entries) if (!entry.startsWith('.')) visit(join(path, entry), false);
      return;
    }
    const kind = kindOf(path);
    if (!kind) {
      if (explicit)
        problems.push({ path, reason: `unsupported file type (expected ${SUPPORTED_EXTENSIONS.join(', ')})` });
      return;
    }
    const absolute = resolve(path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ path, kind, bytes: stat.size });
  };
  for (const p of paths) visit(p, true);
  return { files, problems };
}
