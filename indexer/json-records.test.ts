import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type JsonItem, readJsonRecords } from './json-records.js';

const dir = mkdtempSync(join(tmpdir(), 'izde-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function read(content: string, options: Parameters<typeof readJsonRecords>[1] = {}): Promise<JsonItem[]> {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, content);
  const out: JsonItem[] = [];
  for await (const item of readJsonRecords(path, options)) out.push(item);
  return out;
}
const shown = (items: JsonItem[]) => items.map((i) => ('value' in i ? [i.index, i.value] : [i.index, `!${i.problem}`]));

describe('readJsonRecords', () => {
  const records = [
    { id: '1', text: 'Қазақстан Президенті' },
    { id: '2', text: 'Саммит ШОС «в Астане»', nested: { a: [1, 2] } },
    { id: '3', text: 'x'.repeat(3000) },
  ];

  it.each([1, 5, 17, 4096])(
    'streams an array element by element, records split across reads (%i bytes)',
    async (chunkBytes) => {
      const items = await read(JSON.stringify(records, null, 2), { chunkBytes });
      expect(shown(items)).toEqual(records.map((r, i) => [i, r]));
    },
  );

  it('accounts for the bytes it read (progress)', async () => {
    const text = JSON.stringify(records);
    const items = await read(text, { chunkBytes: 10 });
    expect(items.reduce((s, i) => s + i.bytes, 0)).toBeCloseTo(Buffer.byteLength(text), -1);
  });

  it('reads a single record object whole', async () => {
    expect(shown(await read(JSON.stringify(records[0])))).toEqual([[null, records[0]]]);
  });

  it('keeps the records before a syntax error and reports the error', async () => {
    const items = await read('[{"id":"1","text":"a"}, {"id":"2","text":"b"} {"id":"3"}]', { chunkBytes: 8 });
    expect(shown(items).slice(0, 2)).toEqual([
      [0, { id: '1', text: 'a' }],
      [1, { id: '2', text: 'b' }],
    ]);
    expect(shown(items)[2]?.[1]).toMatch(/^!not valid JSON/);
  });

  it.each([
    ['[{"id":"x","text":"a"', /cut short/],
    ['[]', /holds no records/],
    ['"just a string"', /not a JSON array/],
    ['   ', /holds no JSON/],
  ])('%j is a problem', async (content, reason) => {
    const items = await read(content);
    expect(items).toHaveLength(1);
    expect(shown(items)[0]?.[1]).toMatch(reason);
  });

  it('refuses a single object larger than the limit', async () => {
    const items = await read(JSON.stringify({ text: 'x'.repeat(5000) }), { maxObjectBytes: 1000, chunkBytes: 100 });
    expect(shown(items)).toEqual([[null, '!a JSON object larger than 1000 bytes']]);
  });
});
