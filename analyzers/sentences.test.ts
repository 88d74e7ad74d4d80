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
    ['Выход из ЕС. «Премьер-министр рассказала»', ['Выход из ЕС.', '«Премьер-министр рассказала»']], // two capitals: no initial
    [
      'Qazaqstan men Ózbekstan kelisti. Kelesi kezdesý Tashkentte.',
      ['Qazaqstan men Ózbekstan kelisti.', 'Kelesi kezdesý Tashkentte.'],
    ],
    ['Цена 2.5 процента. 10 июня решение.', ['Цена 2.5 процента.', '10 июня решение.']],
    ['Итоги 2024. 15 марта начался сев.', ['Итоги 2024.', '15 марта начался сев.']],
    [
      'Н. Назарбаев сөйледі. 2025 ж. 11 сәуірде кездесу өтті.',
      ['Н. Назарбаев сөйледі.', '2025 ж. 11 сәуірде кездесу өтті.'],
    ],
    ['a lowercase start. after a period', ['a lowercase start. after a period']],
  ])('%s', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it('starts at 0 and is sorted, without duplicates', () => {
    const starts = sentenceStarts('А. Б. В.\n\nГ. Д.');
    expect(starts[0]).toBe(0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('only reports starts inside the asked window, reading just before it for the boundary', () => {
    const text = 'Бір. Екі. Үш. Төрт.';
    expect(sentenceStarts(text, 5, 11).map((i) => text.slice(i, i + 3))).toEqual(['Екі', 'Үш.']);
  });

  it("gives in a window exactly the whole text's starts that fall in it", () => {
    const text = 'Бірінші сөйлем. Екінші сөйлем! Үшінші?\nТөртінші… Бесінші А. Смаилов. 2024 ж. Алтыншы.';
    const all = sentenceStarts(text);
    for (let from = 0; from < text.length; from += 3)
      for (const to of [from, from + 7, from + 20, text.length])
        expect(sentenceStarts(text, from, to)).toEqual(all.filter((s) => s >= from && s <= to));
  });
});
