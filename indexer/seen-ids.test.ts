import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenIds } from './seen-ids.js';

describe('SeenIds', () => {
  it('says whether an id was seen, and lists the repeated ones once each', () => {
    const seen = new SeenIds();
    expect(['a', 'b', 'a', 'c', 'a', 'b'].map((id) => seen.add(id))).toEqual([false, false, true, false, true, true]);
    expect(seen.duplicates()).toEqual(['a', 'b']);
    expect(seen.size).toBe(3);
  });

  it('agrees with a Set of strings on any ids, through growth from a small table', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), (ids) => {
        const seen = new SeenIds(16);
        const reference = new Set<string>();
        const repeated = new Set<string>();
        for (const id of ids) {
          const before = reference.has(id);
          if (before) repeated.add(id);
          reference.add(id);
          expect(seen.add(id)).toBe(before);
        }
        expect(seen.size).toBe(reference.size);
        expect(seen.duplicates()).toEqual([...repeated]);
      }),
    );
  });

  it('holds a million ids (16 MB of typed arrays) with no false repeat among them', () => {
    const seen = new SeenIds();
    let repeats = 0;
    for (let n = 0; n < 1_000_000; n++) if (seen.add(`scale-${String(n).padStart(7, '0')}`)) repeats++;
    expect(repeats).toBe(0);
    expect(seen.size).toBe(1_000_000);
    expect(seen.add('scale-0000042')).toBe(true);
  });
});
