import { describe, expect, it } from 'vitest';
import { clauseStart, sentenceStarts } from './sentence-start.js';

const startsOf = (text: string) => sentenceStarts(text, 0, text.length).map((i) => text.slice(i, i + 8));

describe('sentenceStarts', () => {
  it.each([
    [
      'Бірінші сөйлем. Екінші сөйлем! Үшінші? Төртінші…  Бесінші',
      ['Бірінші ', 'Екінші с', 'Үшінші? ', 'Төртінші', 'Бесінші'],
    ],
    ['Встреча прошла. «Новый» проект начат.', ['Встреча ', '«Новый» ']],
    ['Сказал: «Да.» Потом ушёл.', ['Сказал: ', 'Потом уш']],
    ['Первый абзац\nВторой абзац', ['Первый а', 'Второй а']],
    // An initial is no sentence end; a digit after an abbreviation continues the sentence.
    ['Н. Назарбаев сөйледі. 2025 ж. 11 сәуірде кездесу өтті.', ['Н. Назар', '2025 ж. ']],
    ['Итоги 2024. 15 марта начался сев.', ['Итоги 20']],
    ['Итоги сезона. 15 марта начался сев.', ['Итоги се', '15 марта']],
    ['a lowercase start. after a period', ['a lowerc']],
  ])('%s', (text, expected) => {
    expect(startsOf(text)).toEqual(expected);
  });

  it('only reports starts inside the asked window', () => {
    const text = 'Бір. Екі. Үш. Төрт.';
    expect(sentenceStarts(text, 5, 11).map((i) => text.slice(i, i + 3))).toEqual(['Екі', 'Үш.']);
  });
});

describe('clauseStart', () => {
  it('finds the last clause start in the window', () => {
    const text = 'Когда делегации собрались, министры обсудили торговлю; затем — транзит';
    expect(text.slice(clauseStart(text, 0, text.length))).toBe('транзит');
    expect(clauseStart('без запятых вовсе', 0, 17)).toBe(-1);
  });
});
