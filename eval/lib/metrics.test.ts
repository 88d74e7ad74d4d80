import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { f1, meanScores, scoreQuery } from './metrics.js';

describe('scoreQuery', () => {
  it.each([
    { name: 'perfect', hits: ['a', 'b'], relevant: ['a', 'b'], recall: 1, precision: 1 },
    { name: 'half found, nothing wrong', hits: ['a'], relevant: ['a', 'b'], recall: 0.5, precision: 1 },
    { name: 'all found, half wrong', hits: ['a', 'x'], relevant: ['a'], recall: 1, precision: 0.5 },
    { name: 'nothing relevant, nothing hit', hits: [], relevant: [], recall: 1, precision: 1 },
    { name: 'nothing relevant, something hit', hits: ['x'], relevant: [], recall: 0, precision: 0 },
    { name: 'something relevant, nothing hit', hits: [], relevant: ['a'], recall: 0, precision: 1 },
    { name: 'duplicate hits count once', hits: ['a', 'a', 'x'], relevant: ['a'], recall: 1, precision: 0.5 },
  ])('$name', ({ hits, relevant, recall, precision }) => {
    const s = scoreQuery(hits, new Set(relevant));
    expect(s.recall).toBe(recall);
    expect(s.precision).toBe(precision);
    expect(s.f1).toBeCloseTo(f1(recall, precision));
  });

  it('lists found, missed and wrong ids', () => {
    const s = scoreQuery(['a', 'x'], new Set(['a', 'b']));
    expect(s).toMatchObject({ found: ['a'], missed: ['b'], wrong: ['x'] });
  });

  it('keeps every figure in [0, 1] and accounts for every id', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'));
    fc.assert(
      fc.property(ids, ids, (hits, relevant) => {
        const s = scoreQuery(hits, new Set(relevant));
        for (const v of [s.recall, s.precision, s.f1]) expect(v >= 0 && v <= 1).toBe(true);
        expect(s.found.length + s.missed.length).toBe(relevant.length);
        expect(s.found.length + s.wrong.length).toBe(hits.length);
        // The harmonic mean lies between the smaller and the larger of the two.
        expect(s.f1).toBeLessThanOrEqual(Math.max(s.recall, s.precision) + 1e-12);
        expect(s.f1).toBeGreaterThanOrEqual(Math.min(s.recall, s.precision) - 1e-12);
      }),
    );
  });
});

describe('meanScores', () => {
  it('weighs every query the same', () => {
    const m = meanScores([
      { recall: 1, precision: 0.5, f1: f1(1, 0.5) },
      { recall: 0, precision: 1, f1: 0 },
    ]);
    expect(m).toMatchObject({ n: 2, recall: 0.5, precision: 0.75 });
  });

  it('is NaN with no queries rather than a made-up figure', () => {
    expect(meanScores([]).recall).toBeNaN();
  });
});
