import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTermValue, termValue } from './term-value.js';

describe('terms facet values', () => {
  it.each([
    [{ fold: 'условиях', form: 'условиях', stem: 'ьусловие' }, 'условиях ь6:е'],
    [{ fold: 'казакстаннын', form: 'қазақстанның', stem: 'ъқазақстан' }, 'казакстаннын қазақстанның ъ9:'],
    [{ fold: 'нато', form: 'нато', stem: 'нато' }, 'нато 4:'],
    [{ fold: 'шли', form: 'шли', stem: 'ьидти' }, 'шли ь0:идти'],
    [{ fold: 'g20', form: 'g20', stem: 'g20' }, 'g20 3:'],
  ])('writes %j short as %s and reads it back', (term, value) => {
    expect(termValue(term)).toBe(value);
    expect(parseTermValue(value)).toEqual(term);
  });

  it('reads any term back exactly', () => {
    const word = fc.stringMatching(/^[a-zа-яёәғқңөұүһіъь0-9:]{1,12}$/u);
    fc.assert(
      fc.property(word, word, word, (fold, form, stem) => {
        expect(parseTermValue(termValue({ fold, form, stem }))).toEqual({ fold, form, stem });
      }),
    );
  });

  it('reads the values written before the short form', () => {
    expect(parseTermValue('казакстан қазақстан ъқазақстан')).toEqual({
      fold: 'казакстан',
      form: 'қазақстан',
      stem: 'ъқазақстан',
    });
  });

  it.each(['', 'одно', 'a b c d', 'нато 9:', 'x y'])('refuses %j', (value) => {
    expect(parseTermValue(value)).toBeNull();
  });
});
