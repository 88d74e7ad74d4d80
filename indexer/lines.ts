/**
 * Lines of a file of any size, read as a stream: memory holds one read chunk and one line, never the file. The
 * encoding is decided from the first bytes (a BOM, UTF-16's NUL pattern, strict UTF-8, or a Cyrillic code page);
 * in UTF-8 and the single-byte pages a newline is one byte, so lines are cut on bytes and each decoded alone — a
 * line with a few broken bytes keeps them as U+FFFD, one with many is reported, and the lines around it are
 * unharmed. A line longer than `maxLineBytes` is skipped and reported, without being held in memory.
 */
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { guessSingleByteEncoding, startsWith, utf16Guess } from './extract/decode.js';

/**
 * Largest record read (a JSONL line, an object of a JSON array): 8 MB holds any article several times over (see
 * MAX_BODY_CHARS), and keeps a record's text and parsed value well inside the indexer's 300 MB.
 */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

export interface LineOptions {
  /** A longer line is reported, not read (default MAX_RECORD_BYTES). */
  maxLineBytes?: number;
  /** Size of each read (default 1 MB). */
  chunkBytes?: number;
}

/** One line (1-based number) with the bytes it took in the file, or the reason it could not be read. */
export type LineItem =
  | { line: string; lineNo: number; bytes: number }
  | { problem: string; lineNo: number; bytes: number };

/** Undecodable bytes above this share of a line make it a problem rather than a line with U+FFFD in it. */
const MAX_REPLACEMENT_SHARE = 0.01;
const SAMPLE_BYTES = 64 * 1024;

export type Mode =
  | { kind: 'utf8' }
  | { kind: 'single'; encoding: string }
  | { kind: 'wide'; encoding: string; skip: number };

/** The encoding of a stream from its first bytes. */
export function modeOf(sample: Uint8Array): Mode {
  if (startsWith(sample, [0xff, 0xfe, 0x00, 0x00])) return { kind: 'wide', encoding: 'utf-32le', skip: 4 };
  if (startsWith(sample, [0x00, 0x00, 0xfe, 0xff])) return { kind: 'wide', encoding: 'utf-32be', skip: 4 };
  if (startsWith(sample, [0xff, 0xfe])) return { kind: 'wide', encoding: 'utf-16le', skip: 2 };
  if (startsWith(sample, [0xfe, 0xff])) return { kind: 'wide', encoding: 'utf-16be', skip: 2 };
  const u16 = utf16Guess(sample);
  if (u16) return { kind: 'wide', encoding: u16, skip: 0 };
  if (isUtf8Prefix(sample)) return { kind: 'utf8' };
  try {
    return { kind: 'single', encoding: guessSingleByteEncoding(sample) };
  } catch {
    return { kind: 'utf8' }; // nothing reads better: UTF-8, and each bad line says so
  }
}

/** Valid UTF-8, allowing the sample to end inside a character. */
function isUtf8Prefix(sample: Uint8Array): boolean {
  for (let cut = 0; cut < 4 && cut < sample.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // try without a trailing partial character
    }
  }
  return sample.length === 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const looseUtf8 = new TextDecoder('utf-8');

function decodeLine(bytes: Uint8Array, mode: Mode): string | { problem: string } {
  if (mode.kind === 'single') return iconv.decode(Buffer.from(bytes), mode.encoding);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const text = looseUtf8.decode(bytes);
    const bad = text.match(/\uFFFD/gu)?.length ?? 0;
    if (bad / Math.max(1, text.length) > MAX_REPLACEMENT_SHARE) {
      return { problem: `not valid UTF-8 (${bad} undecodable characters)` };
    }
    return text;
  }
}

const withoutCr = (s: string): string => (s.endsWith('\r') ? s.slice(0, -1) : s);

/** The lines of a file, streamed. A final line without a newline is a line too. */
export async function* readLines(path: string, options: LineOptions = {}): AsyncGenerator<LineItem> {
  const maxLineBytes = options.maxLineBytes ?? MAX_RECORD_BYTES;
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? 1024 * 1024 });
  let mode: Mode | undefined;
  let lineNo = 0;
  // Byte modes: the parts of the current line, and whether it is being skipped (too long).
  let parts: Buffer[] = [];
  let partBytes = 0;
  let skipping = false;
  // Wide mode: a streaming decoder and the decoded text not yet ended by a newline.
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  let pending = '';
  let dropping = false;
  let first = true;

  const endLine = function* (tail: Buffer): Generator<LineItem> {
    lineNo++;
    const bytes = partBytes + tail.length + 1;
    if (skipping) {
      yield { problem: `a line longer than ${maxLineBytes} bytes`, lineNo, bytes };
    } else {
      const lineBytes = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
      const decoded = decodeLine(lineBytes, mode ?? { kind: 'utf8' });
      if (typeof decoded === 'string') yield { line: withoutCr(decoded), lineNo, bytes };
      else yield { problem: decoded.problem, lineNo, bytes };
    }
    parts = [];
    partBytes = 0;
    skipping = false;
  };

  for await (const raw of stream as AsyncIterable<Buffer>) {
    let chunk = raw;
    if (first) {
      first = false;
      mode = modeOf(chunk.subarray(0, SAMPLE_BYTES));
      if (mode.kind === 'wide') {
        decoder = iconv.getDecoder(mode.encoding);
        chunk = chunk.subarray(mode.skip);
      } else if (startsWith(chunk, [0xef, 0xbb, 0xbf])) chunk = chunk.subarray(3);
    }
    if (decoder) {
      pending += decoder.write(chunk);
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (dropping) {
          dropping = false; // the end of a line already reported as too long
          continue;
        }
        lineNo++;
        yield { line: withoutCr(line), lineNo, bytes: Buffer.byteLength(line) + 1 };
      }
      if (dropping) pending = '';
      else if (pending.length * 2 > maxLineBytes) {
        lineNo++;
        yield { problem: `a line longer than ${maxLineBytes} bytes`, lineNo, bytes: pending.length * 2 };
        pending = '';
        dropping = true;
      }
      continue;
    }
    let start = 0;
    let nl = chunk.indexOf(0x0a, start);
    while (nl >= 0) {
      yield* endLine(chunk.subarray(start, nl));
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0) {
      partBytes += rest.length;
      if (partBytes > maxLineBytes) {
        skipping = true;
        parts = [];
      } else if (!skipping) parts.push(Buffer.from(rest)); // copy: the stream may reuse its buffer
    }
  }
  if (decoder) {
    pending += decoder.end() ?? '';
    if (pending.length > 0 && !dropping) {
      lineNo++;
      yield { line: withoutCr(pending), lineNo, bytes: Buffer.byteLength(pending) };
    }
  } else if (partBytes > 0 || skipping) {
    yield* endLine(Buffer.alloc(0));
  }
}
