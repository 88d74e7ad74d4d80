import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { decodeFile, extractFromHtml, extractFromRecord, extractFromText } from './extract/index.js';
import type { InputFile } from './files.js';
import { contentId } from './key.js';
import { parseRecord } from './records.js';
import type { Article } from './types.js';

export interface Problem {
  /** The file, with `:line` (JSONL) or `[index]` (JSON array) when one record is at fault. */
  where: string;
  reason: string;
}

/** What reading yields, in order: articles and problems, each with the input bytes it accounts for (progress). */
export type ReadItem = { article: Article; bytes: number } | { problem: Problem; bytes: number };

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Reads one input file into articles; a bad file or a bad record becomes a problem, never an exception. */
export function* readInputFile(file: InputFile): Generator<ReadItem> {
  let text: string;
  try {
    text = decodeFile(readFileSync(file.path), file.path);
  } catch (err) {
    yield { problem: { where: file.path, reason: reasonOf(err) }, bytes: file.bytes };
    return;
  }
  const fileId = basename(file.path, extname(file.path));
  switch (file.kind) {
    case 'text':
    case 'html':
      try {
        const hint = { id: fileId, path: file.path };
        yield {
          article: file.kind === 'text' ? extractFromText(text, hint) : extractFromHtml(text, hint),
          bytes: file.bytes,
        };
      } catch (err) {
        yield { problem: { where: file.path, reason: reasonOf(err) }, bytes: file.bytes };
      }
      return;
    case 'json':
      yield* readJsonArray(file, text);
      return;
    case 'jsonl':
      yield* readJsonLines(file, text);
      return;
  }
}

function fromRecord(value: unknown, where: string, bytes: number, path: string): ReadItem {
  const parsed = parseRecord(value);
  if (!parsed.ok) return { problem: { where, reason: parsed.reason }, bytes };
  const record = parsed.record;
  const id = record.id ?? contentId(record.text);
  try {
    return { article: extractFromRecord({ ...record, id }, { id, path }), bytes };
  } catch (err) {
    return { problem: { where, reason: reasonOf(err) }, bytes };
  }
}

function* readJsonArray(file: InputFile, text: string): Generator<ReadItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    yield { problem: { where: file.path, reason: `not valid JSON (${reasonOf(err)})` }, bytes: file.bytes };
    return;
  }
  // The contract says an array of records; a single record object is accepted too.
  const records = Array.isArray(value) ? value : [value];
  if (records.length === 0) {
    yield { problem: { where: file.path, reason: 'the JSON array holds no records' }, bytes: file.bytes };
    return;
  }
  const share = file.bytes / records.length;
  for (const [i, record] of records.entries()) {
    yield fromRecord(record, Array.isArray(value) ? `${file.path}[${i}]` : file.path, share, file.path);
  }
}

function* readJsonLines(file: InputFile, text: string): Generator<ReadItem> {
  const lines = text.split('\n');
  const share = file.bytes / Math.max(1, text.length); // bytes per character, for progress only
  let records = 0;
  for (const [i, line] of lines.entries()) {
    const bytes = (line.length + 1) * share;
    if (line.trim() === '') continue;
    records++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { problem: { where: `${file.path}:${i + 1}`, reason: `not valid JSON (${reasonOf(err)})` }, bytes };
      continue;
    }
    yield fromRecord(value, `${file.path}:${i + 1}`, bytes, file.path);
  }
  if (records === 0) yield { problem: { where: file.path, reason: 'the file holds no records' }, bytes: file.bytes };
}
