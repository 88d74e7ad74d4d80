import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRawTermValue, parseTermValue, termValue } from './term-value.js';

describe('terms facet values', () => {
  it.each([
    [{ fold: 'условиях', form: 'условиях', stem: 'ьусловие' }, 'uslovi5h r6:e'],
    [{ fold: 'казакстаннын', form: 'қазақстанның', stem: 'ъқазақстан' }, 'kazakstann1n 6kaza6kstann16n k9:'],
    [{ fold: 'нато', form: 'нато', stem: 'нато' }, 'nato 4:'],
    [{ fold: 'шли', form: 'шли', stem: 'ьидти' }, 'wli r0:idti'],
    [{ fold: 'g20', form: 'g20', stem: 'g20' }, '9g20 3:'],
  ])('writes %j short, in the key code, as %s and reads it back', (term, value) => {
    expect(termValue(term)).toBe(value);
    expect(parseTermValue(value)).toEqual(term);
  });

  it('reads any term back exactly', () => {
    const word = fc.stringMatching(/^[a-zа-яёәғқңөұүһіъь0-9:'-]{1,12}$/u);
    fc.assert(
      fc.property(word, word, word, (fold, form, stem) => {
        expect(parseTermValue(termValue({ fold, form, stem }))).toEqual({ fold, form, stem });
      }),
    );
  });

  it('starts with the code of the fold, so a typed prefix in the code finds it', () => {
    expect(termValue({ fold: 'казакстаннын', form: 'қазақстанның', stem: 'ъқазақстан' }).startsWith('kazak')).toBe(
      true,
    );
  });

  it.each(['', 'одно', 'a b c d', 'nato 9:', 'x y', 'ab 1:Я'])('refuses %j', (value) => {
    expect(parseTermValue(value)).toBeNull();
  });
});

describe('values written before the key code', () => {
  it.each([
    ['условиях ь6:е', { fold: 'условиях', form: 'условиях', stem: 'ьусловие' }],
    ['казакстаннын қазақстанның ъ9:', { fold: 'казакстаннын', form: 'қазақстанның', stem: 'ъқазақстан' }],
    ['казакстан қазақстан ъқазақстан', { fold: 'казакстан', form: 'қазақстан', stem: 'ъқазақстан' }],
  ])('reads %s', (value, term) => {
    expect(parseRawTermValue(value)).toEqual(term);
  });

  it.each(['', 'одно', 'a b c d', 'нато 9:', 'x y'])('refuses %j', (value) => {
    expect(parseRawTermValue(value)).toBeNull();
  });
});
