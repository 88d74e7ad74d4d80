import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, wordScript } from './normalize.js';

describe('normalize', () => {
  it.each([
    ['Қазақстанның', 'қазақстанның'],
    ['ҚАЗАҚСТАН', 'қазақстан'],
    ['Ёлка', 'елка'],
    ['ІС', 'іс'],
    ['İstanbul', 'istanbul'],
    ['IRAN', 'iran'],
    ['Qyrǵyzstan', 'qyrǵyzstan'],
    ['ıa', 'ıa'],
    ['бiрiншi', 'бірінші'], // Latin i typed for Kazakh і
    ['Kaзaқстан', 'қазақстан'.replace('қ', 'к')], // Latin K, a inside a Cyrillic word
    ['Президентi', 'президенті'],
    ['Heмiс', 'немісі'.slice(0, 5)], // Latin H (looks like Н) and i
    ['мəдени', 'мәдени'], // Latin schwa
    ['Kаzakhstan', 'kazakhstan'], // Cyrillic а inside a Latin word
    ['а\u0301дрес', 'адрес'], // stress accent
    ['и\u0306', 'й'], // NFD short i
    ['Қазақ\u00ADстан', 'қазақстан'], // soft hyphen
    ["O'Brien", 'obrien'],
    ['2025', '2025'],
    ['COVID', 'covid'],
    ['BMW', 'bmw'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it.each([
    ['Qazaqstan', '2018', 'қазақстан'],
    ['Qazaqstannyń', '2018', 'қазақстанның'],
    ['Qazaqstannyñ', '2021', 'қазақстанның'],
    ['Qazaqstannıñ', '2021-turkish', 'қазақстанның'], // ı for ы: the Turkish habit
    ["Qazaqstannyn'", '2017', 'қазақстанның'],
    ['Prezıdent', '2018', 'президент'],
    ['Euronews', false, 'euronews'],
  ] as const)('%s (latin %s) → %s', (input, latin, expected) => {
    expect(normalize(input, { latin })).toBe(expected);
  });

  it.each([
    ['қазақ', 'cyrillic'],
    ['Kaзaқ', 'cyrillic'],
    ['Qazaq', 'latin'],
    ['iPhoneның', 'mixed'],
    ['2025', 'none'],
    ['ТОР', 'cyrillic'],
  ] as const)('wordScript(%s) = %s', (w, s) => {
    expect(wordScript(w)).toBe(s);
  });

  const wordChars = fc.constantFrom(
    ..."aAeEiIıİoOpPcCxXyYkKhHBMTəƏ қҚәӘіІаАеЕоОрРсСуУхХнНмМтТвВёЁйЙ ǵń ́̆\u00AD'’ýÝ".split(''),
  );
  const words = fc.array(wordChars, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(words, (w) => {
        const once = normalize(w);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['2017', '2018', '2021'] as const)('is idempotent with Latin transliteration (%s)', (latin) => {
    fc.assert(
      fc.property(words, (w) => {
        const once = normalize(w, { latin });
        expect(normalize(once, { latin })).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('never leaves uppercase, ё or apostrophes', () => {
    fc.assert(
      fc.property(words, (w) => {
        const n = normalize(w);
        expect(n).toBe(n.toLowerCase());
        expect(n).not.toMatch(/[ё'’]/u);
      }),
      { numRuns: 1000 },
    );
  });
});
