import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { type LineItem, readLines } from './lines.js';

const dir = mkdtempSync(join(tmpdir(), 'izde-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${n++}.jsonl`);
  writeFileSync(path, content);
  return path;
}

async function all(path: string, options: Parameters<typeof readLines>[1] = {}): Promise<LineItem[]> {
  const out: LineItem[] = [];
  for await (const item of readLines(path, options)) out.push(item);
  return out;
}
const lines = (items: LineItem[]) => items.map((i) => ('line' in i ? i.line : `!${i.problem}`));

describe('readLines', () => {
  it.each([1, 3, 7, 64, 1 << 20])(
    'cuts lines right whatever the read size (%i bytes): records split across reads',
    async (chunkBytes) => {
      const text = ['{"id":"1","text":"Қазақстан"}', '{"id":"2","text":"Россия — ёлка"}', '', '{"id":"3"}'].join('\n');
      const items = await all(file(`${text}\n`), { chunkBytes });
      expect(lines(items)).toEqual([
        '{"id":"1","text":"Қазақстан"}',
        '{"id":"2","text":"Россия — ёлка"}',
        '',
        '{"id":"3"}',
      ]);
      expect(items.map((i) => i.lineNo)).toEqual([1, 2, 3, 4]);
    },
  );

  it('reads a last line without a final newline, and CRLF lines', async () => {
    expect(lines(await all(file('a\r\nb\r\nc'), { chunkBytes: 2 }))).toEqual(['a', 'b', 'c']);
  });

  it('counts every byte of the file once (progress)', async () => {
    const content = 'один\nдва\nтри';
    const items = await all(file(content), { chunkBytes: 3 });
    expect(items.reduce((s, i) => s + i.bytes, 0)).toBeGreaterThanOrEqual(Buffer.byteLength(content));
    expect(items.reduce((s, i) => s + i.bytes, 0)).toBeLessThanOrEqual(Buffer.byteLength(content) + 1);
  });

  it('skips and reports a line longer than the limit, without holding it, and reads the next ones', async () => {
    const huge = 'x'.repeat(5000);
    const items = await all(file(`short\n${huge}\nafter\n${huge}`), { chunkBytes: 100, maxLineBytes: 1000 });
    expect(lines(items)).toEqual([
      'short',
      '!a line longer than 1000 bytes',
      'after',
      '!a line longer than 1000 bytes',
    ]);
    expect(items.map((i) => i.lineNo)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the lines around invalid UTF-8: a line with many bad bytes is reported, one bad byte becomes U+FFFD', async () => {
    const bad = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0xfd, 0xc3]), Buffer.from('"}')]);
    const oneBad = Buffer.concat([Buffer.from(`{"text":"${'а'.repeat(200)}`), Buffer.from([0xff]), Buffer.from('"}')]);
    const content = Buffer.concat([
      Buffer.from('первая\n'),
      bad,
      Buffer.from('\n'),
      oneBad,
      Buffer.from('\nпоследняя\n'),
    ]);
    const items = await all(file(content), { chunkBytes: 5 });
    expect(lines(items)[0]).toBe('первая');
    expect(lines(items)[1]).toMatch(/^!not valid UTF-8/);
    expect(lines(items)[2]).toContain('\uFFFD');
    expect(lines(items)[3]).toBe('последняя');
  });

  it('strips a UTF-8 BOM', async () => {
    expect(lines(await all(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('бір\nекі')]))))).toEqual([
      'бір',
      'екі',
    ]);
  });

  it('reads UTF-16 with a BOM and Windows-1251 without one', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('бір\nекі\nүш', 'utf-16le')]);
    expect(lines(await all(file(utf16), { chunkBytes: 3 }))).toEqual(['бір', 'екі', 'үш']);
    const cp1251 = iconv.encode(
      '{"text":"Президент провёл встречу с министрами"}\n{"text":"Второй текст"}\n',
      'windows-1251',
    );
    expect(lines(await all(file(cp1251)))).toEqual([
      '{"text":"Президент провёл встречу с министрами"}',
      '{"text":"Второй текст"}',
    ]);
  });
});
