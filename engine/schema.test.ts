import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentKey } from './schema.js';

const SAFE = /^[A-Za-z0-9_-]{1,511}$/;

describe('documentKey', () => {
  it.each(['000_e8a1e4d83fa26186', 'kazinform-qz/2025/12/01/x y', 'қазақ/ақпарат?#', 'a'.repeat(2000), '«ШЫҰ»'])(
    'makes a Meilisearch-safe key of %j',
    (id) => {
      expect(documentKey(id)).toMatch(SAFE);
    },
  );

  it('never gives two ids the same key', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, unit: 'grapheme' }),
        fc.string({ minLength: 1, unit: 'grapheme' }),
        (a, b) => {
          fc.pre(a !== b);
          expect(documentKey(a)).not.toBe(documentKey(b));
        },
      ),
    );
  });

  it('is stable, so re-indexing replaces instead of duplicating', () => {
    expect(documentKey('kazinform-qz/1')).toBe(documentKey('kazinform-qz/1'));
  });
});
