import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFile } from './decode.js';
import { ExtractError } from './errors.js';

const KK = 'Қазақстан мен Өзбекстан ынтымақтастықты нығайтады. Министрлер кездесуде келісімге қол қойды.';
const RU = 'Министры иностранных дел обсудили вопросы сотрудничества в рамках Содружества Независимых Государств.';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof ExtractError ? e.code : 'not an ExtractError';
  }
  return undefined;
}

describe('decodeFile', () => {
  it.each<[string, Uint8Array, string]>([
    ['UTF-8', utf8(KK), KK],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], utf8(KK)), KK],
    ['UTF-16 LE with BOM', withBom([0xff, 0xfe], iconv.encode(KK, 'utf-16le')), KK],
    ['UTF-16 BE with BOM', withBom([0xfe, 0xff], iconv.encode(KK, 'utf-16be')), KK],
    ['UTF-16 LE without BOM', new Uint8Array(iconv.encode(KK, 'utf-16le')), KK],
    ['UTF-16 BE without BOM', new Uint8Array(iconv.encode(RU, 'utf-16be')), RU],
    ['Windows-1251', new Uint8Array(iconv.encode(RU, 'windows-1251')), RU],
    ['KOI8-R', new Uint8Array(iconv.encode(RU, 'koi8-r')), RU],
    ['KZ-1048 (Kazakh letters)', new Uint8Array(iconv.encode(KK, 'rk1048')), KK],
  ])('%s', (_name, bytes, text) => expect(decodeFile(bytes, 'f.txt')).toBe(text));

  it('normalizes line ends and composes to NFC', () => {
    expect(decodeFile(utf8('a\r\nb\rc\u0438\u0306'), 'f.txt')).toBe('a\nb\ncй');
  });
  it.each<[string, Uint8Array, string]>([
    ['empty', new Uint8Array(), 'EMPTY_FILE'],
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'BINARY_FILE'],
    ['PDF', utf8('%PDF-1.7\n1 0 obj'), 'BINARY_FILE'],
    [
      'random bytes with NULs',
      new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)),
      'BINARY_FILE',
    ],
    ['control characters', utf8('abc\u0001\u0002\u0003\u0004def\u0005\u0006'), 'BINARY_FILE'],
    ['no letters', utf8('12.05.2024 — 155\n'), 'NO_TEXT'],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf]), 'NO_TEXT'],
  ])('%s → %s', (_name, bytes, code) => expect(codeOf(() => decodeFile(bytes, 'f.txt'))).toBe(code));

  it('keeps the path on the error, not in the message', () => {
    try {
      decodeFile(new Uint8Array(), 'dir/empty.txt');
    } catch (e) {
      expect(e).toBeInstanceOf(ExtractError);
      expect((e as ExtractError).path).toBe('dir/empty.txt');
      expect((e as ExtractError).message).not.toContain('dir/empty.txt');
    }
  });
});
