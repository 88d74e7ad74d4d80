import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize.js';
import { fold } from './fold.js';
import { cyrillicToLatin } from './latin.js';
import { KAZAKH_WORDS } from './words.fixture.js';

describe('fold', () => {
  it.each([
    ['қазақстанның', 'казакстаннын'],
    ['ғылым', 'гылым'],
    ['өңір', 'онир'],
    ['ұйым', 'уйым'],
    ['үкімет', 'укимет'],
    ['әлем', 'алем'],
    ['шаһар', 'шахар'],
    ['министрлері', 'министрлери'],
    ['москва', 'москва'],
    ['covid', 'covid'],
    ['', ''],
  ])('%s → %s', (w, f) => {
    expect(fold(w)).toBe(f);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'қғңөұүіәһкгноуиахбвҚ x'.split('')) }), (w) => {
        expect(fold(fold(w))).toBe(fold(w));
      }),
    );
  });

  it('leaves no Kazakh-only letter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KAZAKH_WORDS), (w) => {
        expect(fold(w)).not.toMatch(/[қғңөұүіәһ]/u);
      }),
    );
  });

  it.each([
    ['Қазақстан', 'ҚАЗАҚСТАН', 'Qazaqstan', 'қазақстан', 'казакстан', 'QAZAQSTAN', 'Qazaqstan'],
    ['Шымкент', 'ШЫМКЕНТ', 'Shymkent', 'шымкент', 'шымкент', 'ŞYMKENT', 'Şymkent'],
    ['Мәскеу', 'МӘСКЕУ', 'Máskeý', 'мәскеу', 'маскеу', 'MÄSKEU', 'Mäskeu'],
    ['Түркия', 'ТҮРКИЯ', 'Túrkııa', 'түркия', 'туркия', 'TÜRKİİA', 'Türkiia'],
  ])('every spelling of %s folds to one key', (...spellings) => {
    const keys = spellings.map((s) => {
      const latin = /\p{Script=Latin}/u.test(s);
      const alphabet = /[ŞÄÜİş]|ü|ä/u.test(s) ? '2021' : '2018';
      return fold(normalize(s, latin ? { latin: alphabet } : undefined));
    });
    expect(new Set(keys).size).toBe(1);
  });

  it('folding never separates the spellings of one word (Cyrillic, upper case, 2018 and 2021 Latin)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KAZAKH_WORDS), (w) => {
        const key = fold(normalize(w));
        expect(fold(normalize(w.toUpperCase()))).toBe(key);
        expect(fold(normalize(cyrillicToLatin(w, '2018'), { latin: '2018' }))).toBe(key);
        expect(fold(normalize(cyrillicToLatin(w, '2021'), { latin: '2021' }))).toBe(key);
        expect(fold(key)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});
