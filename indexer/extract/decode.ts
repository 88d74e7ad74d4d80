// Bytes → text for one input file. Order matters: BOMs are certain, UTF-16 without a BOM shows itself by its
// NUL pattern, NUL bytes otherwise mean binary, strict UTF-8 is tried before any guessing, and only then is a
// Cyrillic single-byte code page guessed (chardet's candidates, checked by how plausible the result reads).
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ExtractError } from './errors.js';

/** Magic numbers of formats that are never text (the file is rejected as binary, whatever its extension). */
const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['GZIP', [0x1f, 0x8b]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['OLE (doc/xls)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
];

export const startsWith = (b: Uint8Array, sig: readonly number[]): boolean =>
  b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** Share of NUL bytes at even and odd offsets of a sample: UTF-16 text of mostly ASCII/Cyrillic has NULs or
 *  0x04 high bytes on one side only. */
export function utf16Guess(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 8192);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  let evenCyr = 0;
  let oddCyr = 0;
  for (let i = 0; i < n; i += 2) {
    const e = b[i];
    const o = b[i + 1];
    if (e === 0) evenZero++;
    if (o === 0) oddZero++;
    if (e === 0x04) evenCyr++;
    if (o === 0x04) oddCyr++;
  }
  const pairs = n / 2;
  // High byte 0x00 (Latin/ASCII) or 0x04 (Cyrillic block) on one side in most code units.
  const oddHigh = (oddZero + oddCyr) / pairs;
  const evenHigh = (evenZero + evenCyr) / pairs;
  if (oddHigh > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenHigh > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Letters that Russian and Kazakh text almost never contains but that show up when the wrong Cyrillic code
 *  page was assumed (Serbian/Macedonian letters in cp1251 where KZ-1048 has Kazakh ones, box drawing, …). */
const ODD = /[ЂЃѓЉЊЌЋЏђљњќћџЎўЈҐґЄєЇї¤¦µ¶\u2500-\u259F]/gu;

/** How much a decoded text reads like Cyrillic prose: lowercase letters dominate, few odd symbols. */
function plausibility(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return -1;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  const odd = text.match(ODD)?.length ?? 0;
  const bad = text.match(/[\uFFFD\u0080-\u009F]/gu)?.length ?? 0;
  return lower / letters - (4 * odd + 10 * bad) / letters;
}

const CYRILLIC_PAGES = ['windows-1251', 'rk1048', 'koi8-r', 'koi8-u', 'cp866', 'iso-8859-5', 'pt154'] as const;

/** Maps chardet's names to iconv-lite's. */
function iconvName(name: string): string | null {
  const n = name.toLowerCase();
  if (n === 'windows-1251') return 'windows-1251';
  if (n === 'koi8-r') return 'koi8-r';
  if (n === 'iso-8859-5') return 'iso-8859-5';
  if (n.startsWith('iso-8859-') || n.startsWith('windows-125')) return iconv.encodingExists(n) ? n : null;
  return null;
}

function decodeSingleByte(b: Uint8Array): string {
  return guessSingleByte(b).text;
}

/** The Cyrillic single-byte code page a sample reads best in (for streams decoded line by line). */
export function guessSingleByteEncoding(sample: Uint8Array): string {
  return guessSingleByte(sample).encoding;
}

function guessSingleByte(b: Uint8Array): { text: string; encoding: string } {
  const candidates = new Set<string>();
  for (const m of chardet.analyse(b)) {
    const n = iconvName(m.name);
    if (n) candidates.add(n);
  }
  // Always weigh the Cyrillic pages: chardet often says ISO-8859-1 for short Cyrillic text.
  for (const p of CYRILLIC_PAGES) candidates.add(p);
  let best: { text: string; score: number; encoding: string } | null = null;
  for (const enc of candidates) {
    const text = iconv.decode(Buffer.from(b), enc);
    const score = plausibility(text) + (enc === 'windows-1251' ? 0.01 : 0); // tie → the common page
    if (!best || score > best.score) best = { text, score, encoding: enc };
  }
  if (!best || best.score < 0.5) {
    throw new ExtractError('UNDECODABLE', 'not UTF-8, UTF-16 or a Cyrillic code page that reads as text');
  }
  return best;
}

/** U+0000–U+0008, U+000E–U+001F and U+007F: the C0 controls other than tab, newlines, vertical tab, form feed, CR. */
const isStrayControl = (code: number): boolean => code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0x7f;

/** Control characters other than tab/newline/CR/form feed: a few are tolerated, many mean binary. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isStrayControl(text.charCodeAt(i))) n++;
  return n / text.length;
}

/**
 * Decodes one input file to a string (BOM removed, line breaks as \n, NFC).
 * Throws ExtractError: EMPTY_FILE, BINARY_FILE, UNDECODABLE, NO_TEXT (messages name the problem, not the path:
 * the caller reports the path beside them; `path` is kept on the error).
 */
export function decodeFile(bytes: Uint8Array, path: string): string {
  try {
    return decodeBytes(bytes);
  } catch (e) {
    if (e instanceof ExtractError) e.path = path;
    throw e;
  }
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ExtractError('EMPTY_FILE', 'the file is empty');
  for (const [name, sig] of MAGIC) {
    if (startsWith(bytes, sig)) throw new ExtractError('BINARY_FILE', `a ${name} file, not text`);
  }
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = utf8(bytes.subarray(3));
  else if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) text = iconv.decode(Buffer.from(bytes.subarray(4)), 'utf-32le');
  else if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) text = iconv.decode(Buffer.from(bytes.subarray(4)), 'utf-32be');
  else if (startsWith(bytes, [0xff, 0xfe])) text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
  else if (startsWith(bytes, [0xfe, 0xff])) text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be');
  else {
    const u16 = utf16Guess(bytes);
    if (u16) text = iconv.decode(Buffer.from(bytes), u16);
    else if (bytes.includes(0)) throw new ExtractError('BINARY_FILE', 'contains NUL bytes (binary data)');
    else {
      const strict = tryUtf8(bytes);
      text = strict ?? decodeSingleByte(bytes);
    }
  }
  if (controlShare(text) > 0.01) throw new ExtractError('BINARY_FILE', 'contains control characters (binary data)');
  const replacement = text.match(/\uFFFD/g)?.length ?? 0;
  if (replacement > 0 && replacement / text.length > 0.01) {
    throw new ExtractError('UNDECODABLE', `${replacement} undecodable characters`);
  }
  text = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  if (!/\p{L}/u.test(text)) throw new ExtractError('NO_TEXT', 'no letters in the file');
  return text;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function utf8(bytes: Uint8Array): string {
  const t = tryUtf8(bytes);
  if (t === null) {
    // A BOM promised UTF-8; a few broken bytes are kept as U+FFFD and judged by their share above.
    const loose = new TextDecoder('utf-8').decode(bytes);
    if (!loose) throw new ExtractError('UNDECODABLE', 'invalid UTF-8 after a UTF-8 BOM');
    return loose;
  }
  return t;
}
