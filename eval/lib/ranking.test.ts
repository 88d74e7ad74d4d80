import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ndcgAt, precisionAt, typedPrefixes } from './ranking.js';

const ids = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('precisionAt (P@10)', () => {
  it.each([
    { name: 'ten relevant on the screen', ranked: ids(12), relevant: ids(20), expected: 1 },
    { name: 'three relevant, exactly those shown', ranked: ids(3), relevant: ids(3), expected: 1 },
    {
      name: 'three relevant shown, seven wrong after them',
      ranked: [...ids(3), ...ids(7, 'x')],
      relevant: ids(3),
      expected: 0.3,
    },
    { name: 'three shown while ten relevant exist', ranked: ids(3), relevant: ids(10), expected: 0.3 },
    { name: 'one wrong result above nine relevant', ranked: ['x', ...ids(9)], relevant: ids(30), expected: 0.9 },
    {
      name: 'a wrong result below the screen does not count',
      ranked: [...ids(10), 'x'],
      relevant: ids(10),
      expected: 1,
    },
    { name: 'nothing relevant, nothing shown', ranked: [], relevant: [], expected: 1 },
    { name: 'nothing relevant, something shown', ranked: ['x'], relevant: [], expected: 0 },
    { name: 'something relevant, nothing shown', ranked: [], relevant: ['a'], expected: 0 },
    { name: 'a repeated id counts once', ranked: ['r0', 'r0', 'x'], relevant: ['r0'], expected: 0.5 },
  ])('$name → $expected', ({ ranked, relevant, expected }) => {
    expect(precisionAt(ranked, new Set(relevant))).toBeCloseTo(expected, 10);
  });

  it('stays in [0, 1]', () => {
    const list = fc.uniqueArray(fc.constantFrom(...ids(15), ...ids(5, 'x')), { maxLength: 20 });
    fc.assert(
      fc.property(list, list, (ranked, relevant) => {
        const p = precisionAt(ranked, new Set(relevant));
        return p >= 0 && p <= 1;
      }),
    );
  });
});

describe('ndcgAt (nDCG@10)', () => {
  const grades = new Map([
    ['a', 3],
    ['b', 2],
    ['c', 1],
  ]);
  it('is 1 for the ideal order and less for any other', () => {
    expect(ndcgAt(['a', 'b', 'c'], grades)).toBeCloseTo(1, 10);
    expect(ndcgAt(['c', 'b', 'a'], grades)).toBeLessThan(1);
    expect(ndcgAt(['b', 'a', 'c'], grades)).toBeLessThan(1);
    expect(ndcgAt(['b', 'a', 'c'], grades)).toBeGreaterThan(ndcgAt(['c', 'b', 'a'], grades));
  });

  it('loses by a wrong result on top and by a missing relevant one', () => {
    expect(ndcgAt(['x', 'a', 'b', 'c'], grades)).toBeLessThan(1);
    expect(ndcgAt(['a', 'b'], grades)).toBeLessThan(1);
  });

  it('gains 2^grade − 1 discounted by log2(rank + 1)', () => {
    const ideal = 7 + 3 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcgAt(['b', 'a', 'c'], grades)).toBeCloseTo((3 + 7 / Math.log2(3) + 1 / 2) / ideal, 10);
  });

  it.each([
    { ranked: [], expected: 1 },
    { ranked: ['x'], expected: 0 },
  ])('with nothing relevant: $ranked → $expected', ({ ranked, expected }) => {
    expect(ndcgAt(ranked, new Map())).toBe(expected);
  });

  it('stays in [0, 1]', () => {
    const g = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 1, max: 3 }));
    const ranked = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'x', 'y'));
    fc.assert(
      fc.property(g, ranked, (grades, r) => {
        const v = ndcgAt(r, new Map(Object.entries(grades)));
        return v >= 0 && v <= 1 + 1e-12;
      }),
    );
  });
});

describe('typedPrefixes', () => {
  it.each([
    { q: 'казакстан', expected: ['казак', 'казакс', 'казакста'] },
    { q: 'Брюсселе', expected: ['Брюс', 'Брюссе', 'Брюссел'] },
    { q: 'ЛГБТ', expected: ['ЛГ', 'ЛГБ', 'ЛГБ'] },
    { q: 'Ózbekstan', expected: ['Ózbek', 'Ózbeks', 'Ózbeksta'] },
    { q: 'ШОС', expected: [] },
    { q: 'саммит ШОС', expected: [] },
  ])('«$q» → $expected', ({ q, expected }) => {
    expect(typedPrefixes(q).map((p) => p.prefix)).toEqual(expected);
  });

  it('gives a proper prefix of at least two characters for every fraction', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('а', 'қ', 'b', 'ó'), minLength: 4, maxLength: 20 }), (w) => {
        const ps = typedPrefixes(w);
        return (
          ps.length === 3 &&
          ps.every((p) => w.startsWith(p.prefix) && p.prefix.length >= 2 && p.prefix.length < w.length)
        );
      }),
    );
  });
});
