import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskSpace, diskTrouble, isFull, isLow, storageTrouble } from './disk-space.js';

describe('storageTrouble: Meilisearch’s words for a write that failed', () => {
  it.each([
    'Meilisearch refused the request (internal): Error while receiving the playload. `File too large (os error 27)`.',
    'Meilisearch could not index a batch of documents (task 5): io_error: Input/output error (os error 5). This error generally happens when you have no space left on device',
    'No space left on device (os error 28)',
    "Meilisearch refused the request (malformed_payload): The `json` payload provided is malformed. `Couldn't serialize document value: trailing characters at line 1 column 8008478`.",
  ])('%s', (message) => {
    expect(storageTrouble([message])).toMatch(/disk is probably full/);
  });

  it.each([
    'Meilisearch cannot be reached',
    'Meilisearch refused the request (invalid_api_key): The provided API key is invalid.',
    'the record has no `text`',
  ])('not for: %s', (message) => {
    expect(storageTrouble([message])).toBeNull();
  });
});

describe('disk space of a data folder', () => {
  it('reads the free and total space, and blames a disk only when it is low', () => {
    const dir = mkdtempSync(join(tmpdir(), 'izde-disk-'));
    try {
      const d = diskSpace(dir);
      expect(d?.totalBytes).toBeGreaterThan(0);
      expect(d?.freeBytes).toBeLessThanOrEqual(d?.totalBytes ?? 0);
      expect(diskTrouble(dir) === null).toBe(!isLow(d ?? { path: dir, freeBytes: 0, totalBytes: 1 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(diskSpace('/nonexistent/izde')).toBeNull();
    expect(diskTrouble('/nonexistent/izde')).toBeNull();
  });

  it.each([
    [{ freeBytes: 512 * 1024, totalBytes: 16 * 2 ** 20 }, true, true],
    [{ freeBytes: 8 * 2 ** 20, totalBytes: 16 * 2 ** 20 }, false, true],
    [{ freeBytes: 5 * 2 ** 30, totalBytes: 500 * 2 ** 30 }, false, true], // 1% of a big disk
    [{ freeBytes: 50 * 2 ** 30, totalBytes: 500 * 2 ** 30 }, false, false],
  ])('%j: full %s, low %s', (space, full, low) => {
    const d = { path: '/x', ...space };
    expect(isFull(d)).toBe(full);
    expect(isLow(d)).toBe(low);
  });
});
