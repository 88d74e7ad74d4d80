/**
 * Reading input files into items, streamed: a page file whole (one article), JSONL line by line, a JSON array
 * element by element. Each item carries the content hash of its input and where it came from, so that a sync can
 * skip an unchanged article before extracting or analyzing it; extraction is the separate step `prepareItem`, and
 * analysis another (indexer/make-document.ts).
 * A bad file or a bad record becomes a problem, never an exception.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { contentId } from './content-id.js';
import { decodeFile } from './extract/decode.js';
import { prepareHtml } from './extract/html.js';
import type { PreparedArticle } from './extract/prepared.js';
import { prepareRecord } from './extract/record.js';
import { prepareText } from './extract/text.js';
import type { InputFile } from './files.js';
import { readJsonRecords } from './json-records.js';
import { readLines } from './lines.js';
import { parseRecord } from './records.js';
import type { SourceRecord } from './types.js';

export interface Problem {
  /** The file, with `:line` (JSONL) or `[index]` (JSON array) when one record is at fault. */
  where: string;
  reason: string;
}

/** Where an item came from: its file (absolute path: what a sync matches) and its place in the file. */
interface ItemSource {
  /** The article id (the record's own, or the file name for a page). */
  id: string;
  /** The file as given, with `:line` or `[index]`, for messages. */
  where: string;
  /** The absolute path of the file. */
  origin: string;
  /** Content hash of the input the article is made from. */
  hash: string;
  /** Input bytes this item accounts for (progress). */
  bytes: number;
}

export type InputItem =
  | (ItemSource & { kind: 'page'; format: 'text' | 'html'; text: string })
  | (ItemSource & { kind: 'record'; record: SourceRecord })
  | { kind: 'problem'; problem: Problem; bytes: number };

/**
 * A page file larger than this is reported, not read: no news page is that long, and the parsed tree of a larger one
 * would take the indexer past its memory bound.
 */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
const hashOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22);

/** Reads one input file into items. */
export async function* readInputFile(file: InputFile): AsyncGenerator<InputItem> {
  const origin = resolve(file.path);
  switch (file.kind) {
    case 'text':
    case 'html':
      yield await readPage(file, origin);
      return;
    case 'jsonl':
      yield* readJsonLines(file, origin);
      return;
    case 'json':
      yield* readJsonArray(file, origin);
      return;
  }
}

async function readPage(file: InputFile, origin: string): Promise<InputItem> {
  if (file.bytes > MAX_PAGE_BYTES) {
    return {
      kind: 'problem',
      problem: { where: file.path, reason: `larger than ${MAX_PAGE_BYTES} bytes` },
      bytes: file.bytes,
    };
  }
  let text: string;
  try {
    text = decodeFile(await readFile(file.path), file.path);
  } catch (err) {
    return { kind: 'problem', problem: { where: file.path, reason: reasonOf(err) }, bytes: file.bytes };
  }
  const format = file.kind === 'html' ? 'html' : 'text';
  const id = basename(file.path, extname(file.path));
  return { kind: 'page', format, text, id, where: file.path, origin, hash: hashOf(text), bytes: file.bytes };
}

/** A parsed JSON value as a record item (or the problem with it); `origin` is its file, or `api`. */
export function recordItem(value: unknown, where: string, origin: string, bytes: number): InputItem {
  const parsed = parseRecord(value);
  if (!parsed.ok) return { kind: 'problem', problem: { where, reason: parsed.reason }, bytes };
  const record = parsed.record;
  const id = record.id ?? contentId(record.text);
  return { kind: 'record', record, id, where, origin, hash: hashOf(JSON.stringify(value)), bytes };
}

async function* readJsonLines(file: InputFile, origin: string): AsyncGenerator<InputItem> {
  let records = 0;
  let problems = 0;
  for await (const item of readLines(file.path)) {
    const where = `${file.path}:${item.lineNo}`;
    if ('problem' in item) {
      problems++;
      yield { kind: 'problem', problem: { where, reason: item.problem }, bytes: item.bytes };
      continue;
    }
    if (item.line.trim() === '') continue;
    records++;
    let value: unknown;
    try {
      value = JSON.parse(item.line);
    } catch (err) {
      yield { kind: 'problem', problem: { where, reason: `not valid JSON (${reasonOf(err)})` }, bytes: item.bytes };
      continue;
    }
    yield recordItem(value, where, origin, item.bytes);
  }
  if (records === 0 && problems === 0) {
    yield { kind: 'problem', problem: { where: file.path, reason: 'the file holds no records' }, bytes: 0 };
  }
}

async function* readJsonArray(file: InputFile, origin: string): AsyncGenerator<InputItem> {
  for await (const item of readJsonRecords(file.path)) {
    const where = item.index === null ? file.path : `${file.path}[${item.index}]`;
    if ('problem' in item) yield { kind: 'problem', problem: { where, reason: item.problem }, bytes: item.bytes };
    else yield recordItem(item.value, where, origin, item.bytes);
  }
}

export type ReadItem = Exclude<InputItem, { kind: 'problem' }>;

/**
 * The article fields of an item, before analysis (throws ExtractError when there is none): text work only, so the
 * reading thread does it and the analysis runs on another (indexer/document-maker.ts).
 */
export function prepareItem(item: ReadItem): PreparedArticle {
  const hint = { id: item.id, path: item.where };
  if (item.kind === 'page') return item.format === 'text' ? prepareText(item.text, hint) : prepareHtml(item.text, hint);
  return prepareRecord({ ...item.record, id: item.id }, hint);
}
