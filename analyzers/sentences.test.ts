import { describe, expect, it } from 'vitest';
import { sentenceStarts } from './sentences.js';

const split = (text: string) => {
  const starts = sentenceStarts(text);
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).trim());
};

describe('sentenceStarts', () => {
  it.each([
    ['Министр прибыл в Астану. Переговоры начались утром.', ['Министр прибыл в Астану.', 'Переговоры начались утром.']],
    ['Саммит өтті! «Келесі жылы» кездесеміз? Иә.', ['Саммит өтті!', '«Келесі жылы» кездесеміз?', 'Иә.']],
    ['Бірінші абзац.\nЕкінші абзац', ['Бірінші абзац.', 'Екінші абзац']],
    ['Премьер А. Смаилов выступил.', ['Премьер А. Смаилов выступил.']],
    ['Президент Дж. Байден заявил об этом.', ['Президент Дж. Байден заявил об этом.']],
    ['2024 ж. Министрлер кездесті.', ['2024 ж. Министрлер кездесті.']],
    ['Это т. н. Верховный суд.', ['Это т. н. Верховный суд.']],
    ['Бюджет 5 млн. Тенге выделено.', ['Бюджет 5 млн. Тенге выделено.']],
    ['Он сказал: «Всё готово». Затем ушёл.', ['Он сказал: «Всё готово».', 'Затем ушёл.']],
    ['Генсек ООН. Министр согласился.', ['Генсек ООН.', 'Министр согласился.']],
    [
      'Qazaqstan men Ózbekstan kelisti. Kelesi kezdesý Tashkentte.',
      ['Qazaqstan men Ózbekstan kelisti.', 'Kelesi kezdesý Tashkentte.'],
    ],
    ['Цена 2.5 процента. 10 июня решение.', ['Цена 2.5 процента.', '10 июня решение.']],
  ])('%s', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it('starts at 0 and is sorted, without duplicates', () => {
    const starts = sentenceStarts('А. Б. В.\n\nГ. Д.');
    expect(starts[0]).toBe(0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);
  });
});
