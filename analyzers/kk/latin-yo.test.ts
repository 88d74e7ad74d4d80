import { describe, expect, it } from 'vitest';
import { wordKeys } from '../analyze.js';
import { withLoanYo } from './latin-yo.js';

describe('withLoanYo', () => {
  it.each([
    ['актиор', 'актер'],
    ['волонтиорлерді', 'волонтерлерді'],
    ['самолиоттен', 'самолеттен'],
    ['шофиорлар', 'шоферлар'],
    ['туберкулиозге', 'туберкулезге'],
  ])('reads the glide and o of a Russian loan as ё: %s → %s', (cyrillic, read) => {
    expect(withLoanYo(cyrillic)).toBe(read);
  });

  it.each([
    'радио', // a Russian word with и + о
    'трионың', // … and its Kazakh case form
    'миллион',
    'пионер',
    'биология',
    'ионосфера', // no consonant before: never a ё
    'джуниор', // neither reading is a Russian word
    'дириор',
  ])('keeps и + о where the dictionary does not ask for ё: %s', (cyrillic) => {
    expect(withLoanYo(cyrillic)).toBe(cyrillic);
  });

  it('makes a Kazakh Latin loan meet its Cyrillic spelling, in both alphabets', () => {
    const cyrillic = wordKeys('актёрлер', 'kk').term;
    expect(wordKeys('aktıorler', 'kk', { alphabet: '2018' }).term).toBe(cyrillic);
    expect(wordKeys('aktiorler', 'kk', { alphabet: '2021' }).term).toBe(cyrillic);
    expect(wordKeys('radıo', 'kk').term).toBe(wordKeys('радио', 'kk').term);
  });
});
