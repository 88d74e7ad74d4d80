import { readFileSync } from 'node:fs';

/** The `text` fields of an articles.jsonl file, one article per entry. */
export function jsonlTexts(path: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record: unknown = JSON.parse(line);
    if (record && typeof record === 'object' && 'text' in record && typeof record.text === 'string')
      out.push(record.text);
  }
  return out;
}

/** Sentences of a KazNERD IOB2 file (`token label` lines, blank line between sentences, first line an ID). */
export function iob2Sentences(path: string): string[] {
  const out: string[] = [];
  for (const block of readFileSync(path, 'utf8').split(/\r?\n\s*\r?\n/u)) {
    const tokens = block
      .split(/\r?\n/u)
      .map((l) => l.split(' ')[0] ?? '')
      .filter((t) => t && !/^AID\d+$/u.test(t));
    if (tokens.length) out.push(tokens.join(' '));
  }
  return out;
}

export const utf8Bytes = (texts: readonly string[]): number =>
  texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
