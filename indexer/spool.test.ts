import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NdjsonSpool } from './spool.js';

const spools: NdjsonSpool[] = [];
afterEach(() => {
  for (const s of spools.splice(0)) s.close();
});
const spool = () => {
  const s = new NdjsonSpool();
  spools.push(s);
  return s;
};

describe('NdjsonSpool: a batch of documents in a temporary NDJSON file', () => {
  it('writes one line per document and counts documents and bytes exactly (UTF-8, newlines included)', () => {
    const s = spool();
    const docs = [
      { id: 'a', title: 'Қазақстан' },
      { id: 'b\nc', title: 'Саммит «ШОС»' },
      { id: 'd', n: 1 },
    ];
    for (const d of docs) s.write(d);
    expect(s.documents).toBe(3);
    const file = s.seal();
    expect(file).not.toBeNull();
    if (!file) return;
    expect(file.bytes).toBe(statSync(file.path).size);
    const lines = readFileSync(file.path, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(docs);
    expect(s.documents).toBe(0);
    expect(s.bytes).toBe(0);
  });

  it('has nothing to seal when empty; a sealed file is released on demand and the next batch gets a new file', () => {
    const s = spool();
    expect(s.seal()).toBeNull();
    s.write({ id: 1 });
    const first = s.seal();
    s.write({ id: 2 });
    const second = s.seal();
    if (!first || !second) throw new Error('expected two files');
    expect(second.path).not.toBe(first.path);
    s.release(first);
    expect(existsSync(first.path)).toBe(false);
    expect(JSON.parse(readFileSync(second.path, 'utf8'))).toEqual({ id: 2 });
  });

  it('close deletes its folder, the unsealed file included, and the spool can be used again', () => {
    const s = spool();
    s.write({ id: 1 });
    const sealed = s.seal();
    s.write({ id: 2 });
    if (!sealed) throw new Error('expected a file');
    s.close();
    expect(existsSync(dirname(sealed.path))).toBe(false);
    s.write({ id: 3 });
    const again = s.seal();
    expect(again && JSON.parse(readFileSync(again.path, 'utf8'))).toEqual({ id: 3 });
  });
});
