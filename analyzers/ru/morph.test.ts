import Az from 'az';
import { describe, expect, it } from 'vitest';
import { ruReadings } from './morph.js';

describe('ruReadings: az loaded without its Russian tag copies', () => {
  it('reads grammemes as before', () => {
    const r = ruReadings('министров').find((x) => x.pos === 'NOUN');
    expect(r?.lemma).toBe('министр');
    expect([...(r?.grammemes ?? [])]).toEqual(expect.arrayContaining(['NOUN', 'plur', 'gent']));
  });

  it('leaves the copies with Russian grammeme names empty (only az’s debug printers read them)', () => {
    const [parse] = Az.Morph('министров');
    expect(parse?.tag.toString()).toContain('NOUN');
    expect(String((parse?.tag as { ext?: unknown } | undefined)?.ext)).toBe('');
  });
});
