/**
 * Forms of the words listed in data/news-lexemes.tsv (Kazakhstan news vocabulary the dictionary lacks or
 * misreads), mapped to their lemma. Read once when the module loads.
 */
import { readFileSync } from 'node:fs';

export type LexemeClass = 'noun-m' | 'surname';

const ENDINGS: Record<LexemeClass, readonly string[]> = {
  'noun-m': ['', 'а', 'у', 'ом', 'е', 'ы', 'ов', 'ам', 'ами', 'ах'],
  surname: ['', 'а', 'у', 'ым', 'е', 'ой', 'ы', 'ых', 'ыми'],
};

export interface LexemeEntry {
  lemma: string;
  kind: LexemeClass;
}

/** Parses the data file: `lemma<TAB>class` per line, `#` comments and blank lines ignored. */
export function parseLexemes(text: string): LexemeEntry[] {
  const entries: LexemeEntry[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [lemma, kind, ...rest] = line.split('\t');
    if (!lemma || rest.length > 0 || (kind !== 'noun-m' && kind !== 'surname')) {
      throw new Error(
        `news-lexemes.tsv line ${i + 1}: expected "lemma<TAB>noun-m|surname", got ${JSON.stringify(raw)}`,
      );
    }
    entries.push({ lemma, kind });
  }
  return entries;
}

/** Every form of an entry. */
export const formsOf = ({ lemma, kind }: LexemeEntry): string[] => ENDINGS[kind].map((e) => lemma + e);

export const newsLexemes: readonly LexemeEntry[] = parseLexemes(
  readFileSync(new URL('./data/news-lexemes.tsv', import.meta.url), 'utf8'),
);

/** Form → lemma for every listed word. */
export const newsLexemeForms: ReadonlyMap<string, string> = new Map(
  newsLexemes.flatMap((entry) => formsOf(entry).map((form) => [form, entry.lemma] as const)),
);
