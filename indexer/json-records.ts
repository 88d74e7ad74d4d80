/**
 * The records of a `.json` file, streamed: an array of records is parsed element by element (memory holds one read
 * chunk and the records it completed, never the file); a file holding a single record object is read whole (up to
 * `maxObjectBytes`). The encoding is decided from the first bytes as for JSONL (lines.ts).
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { JSONParser } from '@streamparser/json';
import iconv from 'iconv-lite';
import { startsWith } from './extract/decode.js';
import { MAX_RECORD_BYTES, modeOf } from './lines.js';

export type JsonItem =
  | { value: unknown; index: number | null; bytes: number }
  | { problem: string; index: number | null; bytes: number };

export interface JsonRecordOptions {
  /** A single top-level object larger than this is reported, not read (default MAX_RECORD_BYTES). */
  maxObjectBytes?: number;
  chunkBytes?: number;
}

const firstNonSpace = (s: string): string | undefined => /\S/u.exec(s)?.[0];

export async function* readJsonRecords(path: string, options: JsonRecordOptions = {}): AsyncGenerator<JsonItem> {
  const maxObjectBytes = options.maxObjectBytes ?? MAX_RECORD_BYTES;
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? 1024 * 1024 });
  let decode: ((b: Buffer) => string) | undefined;
  // Stateful: a character split between two reads is decoded whole.
  const utf8 = new StringDecoder('utf8');
  let shape: 'array' | 'object' | undefined;
  let parser: JSONParser | undefined;
  let whole = '';
  let queue: { value: unknown; index: number }[] = [];
  let count = 0;
  let first = true;
  let totalBytes = 0;
  /** Bytes read since the last record: counted with the next records (progress). */
  let carry = 0;

  for await (const raw of stream as AsyncIterable<Buffer>) {
    let chunk = raw;
    if (first) {
      first = false;
      const mode = modeOf(chunk.subarray(0, 64 * 1024));
      if (mode.kind === 'wide' || mode.kind === 'single') {
        const decoder = iconv.getDecoder(mode.encoding);
        if (mode.kind === 'wide') chunk = chunk.subarray(mode.skip);
        decode = (b) => decoder.write(b);
      } else if (startsWith(chunk, [0xef, 0xbb, 0xbf])) chunk = chunk.subarray(3);
    }
    totalBytes += raw.length;
    const text = decode ? decode(chunk) : utf8.write(chunk);
    if (!shape) {
      const c = firstNonSpace(text);
      if (c === undefined) continue;
      if (c === '[') {
        shape = 'array';
        parser = new JSONParser({ paths: ['$.*'], keepStack: false, stringBufferSize: 0 });
        parser.onValue = ({ value, key }) => {
          queue.push({ value, index: typeof key === 'number' ? key : count });
          count++;
        };
      } else if (c === '{') shape = 'object';
      else {
        yield { problem: 'not a JSON array of records (nor a record object)', index: null, bytes: totalBytes };
        stream.destroy();
        return;
      }
    }
    if (shape === 'object') {
      whole += text;
      if (Buffer.byteLength(whole) > maxObjectBytes) {
        yield { problem: `a JSON object larger than ${maxObjectBytes} bytes`, index: null, bytes: totalBytes };
        stream.destroy();
        return;
      }
      continue;
    }
    try {
      parser?.write(text);
    } catch (err) {
      yield* flush();
      yield { problem: `not valid JSON (${(err as Error).message})`, index: null, bytes: raw.length };
      stream.destroy();
      return;
    }
    yield* flush(raw.length);
  }
  if (shape === 'object') {
    try {
      yield { value: JSON.parse(whole), index: null, bytes: totalBytes };
    } catch (err) {
      yield { problem: `not valid JSON (${(err as Error).message})`, index: null, bytes: totalBytes };
    }
    return;
  }
  if (!shape) {
    yield { problem: 'the file holds no JSON', index: null, bytes: totalBytes };
    return;
  }
  if (parser && !parser.isEnded) {
    try {
      parser.end();
    } catch (err) {
      yield* flush();
      yield {
        problem: `not valid JSON: the array is cut short (${(err as Error).message})`,
        index: null,
        bytes: carry,
      };
      return;
    }
  }
  yield* flush();
  if (count === 0) yield { problem: 'the JSON array holds no records', index: null, bytes: carry };

  function* flush(bytes = 0): Generator<JsonItem> {
    carry += bytes;
    if (queue.length === 0) return;
    const share = carry / queue.length;
    carry = 0;
    const items = queue;
    queue = [];
    for (const { value, index } of items) yield { value, index, bytes: share };
  }
}
