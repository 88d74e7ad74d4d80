import { readFileSync } from 'node:fs';

/** One syntactic word of a CoNLL-U file (multi-word token lines and empty nodes are skipped). */
export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  feats: string;
}

/** Reads the syntactic words of a CoNLL-U file. */
export function readConllu(path: string): ConlluWord[] {
  const words: ConlluWord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 6) continue;
    const id = cols[0] ?? '';
    if (id.includes('-') || id.includes('.')) continue; // multi-word token range or empty node
    words.push({ form: cols[1] ?? '', lemma: cols[2] ?? '', upos: cols[3] ?? '', feats: cols[5] ?? '' });
  }
  return words;
}
