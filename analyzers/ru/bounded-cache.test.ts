import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('never holds more than its capacity and always holds the latest write', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(fc.string(), fc.integer())), (capacity, writes) => {
        const cache = new BoundedCache<string, number>(capacity);
        for (const [k, v] of writes) {
          cache.set(k, v);
          expect(cache.size).toBeLessThanOrEqual(capacity);
          expect(cache.get(k)).toBe(v);
        }
      }),
    );
  });

  it('forgets the oldest insertion first', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3); // an update, not a new entry: nothing is evicted
    cache.set('c', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 4]);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects capacity %s', (capacity) => {
    expect(() => new BoundedCache(capacity)).toThrow(RangeError);
  });
});
