import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, typedEndingStart } from './tokenize.js';
import type { TokenKind } from './types.js';

/** Surfaces and kinds, compact: "ТМД:abbr". */
function compact(text: string): string[] {
  return tokenize(text).map((t) => `${t.surface}:${t.kind}`);
}

describe('typedEndingStart: a hyphenated ending still being typed', () => {
  it.each([
    ['ЕАЭО-ғ', 5], // on the way to «ЕАЭО-ға»
    ['ТМД-ны', 4], // «-ның»
    ['NATO-ǵ', 5],
    ['BUU-n', 4],
    ['21-ш', 3], // «21-ші»
    ['ЕАЭО-ға', 5], // finished, left out as well
    ['саммит ЕАЭО-ғ', 12],
  ])('%s → %i', (text, start) => {
    expect(typedEndingStart(text)).toBe(start);
  });

  it.each([
    'СІМ-ар', // «СІМ-аралық»: a word after the hyphen, not an ending
    'қазақ-ағ', // a compound of two words in one script
    'Нур-С', // capitals: a name
    '2025-жы', // «2025-жылы»: a word
    'ЕАЭО-ғ ', // finished with a space: the tokenizer's business
    'ЕАЭО',
  ])('%s → null', (text) => {
    expect(typedEndingStart(text)).toBeNull();
  });
});

describe('tokenize: hyphenated endings and compounds', () => {
  it.each([
    ['ШЫҰ-ға', ['ШЫҰ:abbr']],
    ['ТМД-ның', ['ТМД:abbr']],
    ['ТМД-дағы', ['ТМД:abbr']],
    ['БАҚ-тарға', ['БАҚ:abbr']],
    ['ЖОО-лардың', ['ЖОО:abbr']],
    ['2025-жылы', ['2025:number', 'жылы:word']],
    ['21-ші', ['21:number']],
    ['1-інші', ['1:number']],
    ['57%-ы', ['57:number']],
    ['2020-да', ['2020:number']],
    ['1990-х', ['1990:number']],
    ['5-й', ['5:number']],
    ['COVID-19-ға', ['COVID:abbr', '19:number']],
    ['iPhone-ның', ['iPhone:word']],
    ['TMD-nyń', ['TMD:abbr']],
    ['іс-шара', ['іс:word', 'шара:word']],
    ['күш-жігер', ['күш:word', 'жігер:word']],
    ['Қасым-Жомарт', ['Қасым:word', 'Жомарт:word']],
    ['мәдени-гуманитарлық', ['мәдени:word', 'гуманитарлық:word']],
    ['Санкт-Петербург', ['Санкт:word', 'Петербург:word']],
    ['СІМ-аралық', ['СІМ:abbr', 'аралық:word']],
    ['государства-члены', ['государства:word', 'члены:word']],
    ['1941-1945', ['1941:number', '1945:number']],
  ])('%s', (text, expected) => {
    expect(compact(text)).toEqual(expected);
  });
});

describe('tokenize: abbreviations, numbers, scripts', () => {
  it.each([
    ['ТМД ШОС', ['ТМД:abbr', 'ШОС:abbr']],
    ['ҚР СІМ', ['ҚР:abbr', 'СІМ:abbr']],
    ['ҚАЗАҚСТАННЫҢ', ['ҚАЗАҚСТАННЫҢ:word']],
    ['ҚАЗАҚСТАН МЕН ҚЫТАЙ ТМД', ['ҚАЗАҚСТАН:word', 'МЕН:word', 'ҚЫТАЙ:word', 'ТМД:abbr']],
    ['ЮНЕСКО', ['ЮНЕСКО:abbr']],
    ['G20', ['G20:abbr']],
    ['В Москве', ['В:word', 'Москве:word']],
    ['23.05.2024', ['23.05.2024:number']],
    ['2,5 млрд', ['2,5:number', 'млрд:word']],
    ['2024.', ['2024:number']],
    ['16:47', ['16:number', '47:number']],
    ["Qazaqstan Respy'bli'kasy", ['Qazaqstan:word', "Respy'bli'kasy:word"]],
    ["Shanhai' qalasy", ["Shanhai':word", 'qalasy:word']],
    ["'Shanhai' qalasy", ['Shanhai:word', 'qalasy:word']],
    ['«Қазақстан» „Ресей“ "Қытай"', ['Қазақстан:word', 'Ресей:word', 'Қытай:word']],
    ['Ел’ басы', ['Ел:word', 'басы:word']],
    ['Qyrǵyzstanda ǵ', ['Qyrǵyzstanda:word', 'ǵ:word']],
    ['Қазақ\u00ADстан', ['Қазақ\u00ADстан:word']],
    ['а\u0301бв', ['а\u0301бв:word']],
    ['\u0301abc', ['abc:word']],
    ['әғқңөұүһі ӘҒҚҢӨҰҮҺІ', ['әғқңөұүһі:word', 'ӘҒҚҢӨҰҮҺІ:word']],
    ['𝐀𝐁 x', ['𝐀𝐁:abbr', 'x:word']],
    ['', []],
    ['— , . !', []],
  ])('%j', (text, expected) => {
    expect(compact(text)).toEqual(expected);
  });
});

describe('tokenize: golden sentences with offsets', () => {
  type Row = [string, number, number, TokenKind];
  const cases: [string, Row[]][] = [
    [
      'Алматыда ТМД-ның 2025 жылғы отырысы өтті.',
      [
        ['Алматыда', 0, 8, 'word'],
        ['ТМД', 9, 12, 'abbr'],
        ['2025', 17, 21, 'number'],
        ['жылғы', 22, 27, 'word'],
        ['отырысы', 28, 35, 'word'],
        ['өтті', 36, 40, 'word'],
      ],
    ],
    [
      '«Бүгінде Достастық» – деді ҚР СІМ басшысы.',
      [
        ['Бүгінде', 1, 8, 'word'],
        ['Достастық', 9, 18, 'word'],
        ['деді', 22, 26, 'word'],
        ['ҚР', 27, 29, 'abbr'],
        ['СІМ', 30, 33, 'abbr'],
        ['басшысы', 34, 41, 'word'],
      ],
    ],
    [
      'Пекин, 28 ноября – 1 декабря 2023 года.',
      [
        ['Пекин', 0, 5, 'word'],
        ['28', 7, 9, 'number'],
        ['ноября', 10, 16, 'word'],
        ['1', 19, 20, 'number'],
        ['декабря', 21, 28, 'word'],
        ['2023', 29, 33, 'number'],
        ['года', 34, 38, 'word'],
      ],
    ],
    [
      'ASTANA. KAZINFORM – Qyrǵyzstanda is-sharalar ótkiziledi.',
      [
        ['ASTANA', 0, 6, 'word'],
        ['KAZINFORM', 8, 17, 'word'],
        ['Qyrǵyzstanda', 20, 32, 'word'],
        ['is', 33, 35, 'word'],
        ['sharalar', 36, 44, 'word'],
        ['ótkiziledi', 45, 55, 'word'],
      ],
    ],
  ];
  it.each(cases)('%s', (text, rows) => {
    expect(tokenize(text).map((t) => [t.surface, t.start, t.end, t.kind])).toEqual(rows);
  });
});

describe('tokenize: laws', () => {
  it('offsets always slice the original text back to the surface, in order, without overlap', () => {
    const alphabet = fc.constantFrom(
      ...'ақәғңөұүһі ТМД-ның 2025 ШЫҰ-ға 57%-ы «» "" ’\'- .,:;\n\t Qazaqstan ǵ ı á ý I İ ё Ё soft\u00AD а\u0301 😀 𝐀 ab'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (text) => {
          let prevEnd = 0;
          for (const t of tokenize(text)) {
            expect(text.slice(t.start, t.end)).toBe(t.surface);
            expect(t.start).toBeGreaterThanOrEqual(prevEnd);
            expect(t.end).toBeGreaterThan(t.start);
            prevEnd = t.end;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
  it('never splits inside a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        for (const t of tokenize(text)) {
          const first = t.surface.charCodeAt(0);
          const last = t.surface.charCodeAt(t.surface.length - 1);
          expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
