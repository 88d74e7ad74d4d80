import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeWithEvidence, kindOfWord, wordKeys } from './analyze.js';
import { fold } from './kk/fold.js';
import { stemKk, stemKkFolded } from './kk/stem.js';
import { stemRu } from './ru/stem.js';
import type { AnalyzedToken, LangTag, TokenKind } from './types.js';

type Row = [surface: string, start: number, end: number, kind: TokenKind, lang: LangTag, norm: string];
const rows = (tokens: AnalyzedToken[]): Row[] => tokens.map((t) => [t.surface, t.start, t.end, t.kind, t.lang, t.norm]);

describe('analyze: golden sentences (surface, offsets, kind, lang, norm)', () => {
  const cases: [string, string, Row[]][] = [
    [
      'kk',
      'Қазақстанның ТМД-ға қатысушы мемлекеттермен іс-қимылы, деп хабарлайды Zakon.kz.',
      [
        ['Қазақстанның', 0, 12, 'word', 'kk', 'қазақстанның'],
        ['ТМД', 13, 16, 'abbr', 'kk', 'тмд'],
        ['қатысушы', 20, 28, 'word', 'kk', 'қатысушы'],
        ['мемлекеттермен', 29, 43, 'word', 'kk', 'мемлекеттермен'],
        ['іс', 44, 46, 'word', 'kk', 'іс'],
        ['қимылы', 47, 53, 'word', 'kk', 'қимылы'],
        ['деп', 55, 58, 'word', 'kk', 'деп'],
        ['хабарлайды', 59, 69, 'word', 'kk', 'хабарлайды'],
        ['Zakon', 70, 75, 'word', 'other', 'zakon'],
        ['kz', 76, 78, 'word', 'other', 'kz'],
      ],
    ],
    [
      'ru',
      'Под председательством Казахстана ШОС и НАТО обсудили COVID-19.',
      [
        ['Под', 0, 3, 'word', 'ru', 'под'],
        ['председательством', 4, 21, 'word', 'ru', 'председательством'],
        ['Казахстана', 22, 32, 'word', 'ru', 'казахстана'],
        ['ШОС', 33, 36, 'abbr', 'ru', 'шос'],
        ['и', 37, 38, 'word', 'ru', 'и'],
        ['НАТО', 39, 43, 'abbr', 'ru', 'нато'],
        ['обсудили', 44, 52, 'word', 'ru', 'обсудили'],
        ['COVID', 53, 58, 'abbr', 'other', 'covid'],
        ['19', 59, 61, 'number', 'ru', '19'],
      ],
    ],
    [
      'kk-Latn 2018',
      'Shanhaı yntymaqtastyq uıymynyń sammıti Eýrazııada ótti.',
      [
        ['Shanhaı', 0, 7, 'word', 'kk-Latn', 'шанхай'],
        ['yntymaqtastyq', 8, 21, 'word', 'kk-Latn', 'ынтымақтастық'],
        ['uıymynyń', 22, 30, 'word', 'kk-Latn', 'ұйымының'],
        ['sammıti', 31, 38, 'word', 'kk-Latn', 'саммиті'],
        ['Eýrazııada', 39, 49, 'word', 'kk-Latn', 'еуразияда'],
        ['ótti', 50, 54, 'word', 'kk-Latn', 'өтті'],
      ],
    ],
    [
      'kk-Latn 2018: Kazakh words spelled like foreign ones stay Kazakh (ел, құ-, -лы, -мент)',
      'Qazaqstan qurylys salasynda el joly toly jumys istedi, parlament Google.',
      [
        ['Qazaqstan', 0, 9, 'word', 'kk-Latn', 'қазақстан'],
        ['qurylys', 10, 17, 'word', 'kk-Latn', 'құрылыс'],
        ['salasynda', 18, 27, 'word', 'kk-Latn', 'саласында'],
        ['el', 28, 30, 'word', 'kk-Latn', 'ел'],
        ['joly', 31, 35, 'word', 'kk-Latn', 'жолы'],
        ['toly', 36, 40, 'word', 'kk-Latn', 'толы'],
        ['jumys', 41, 46, 'word', 'kk-Latn', 'жұмыс'],
        ['istedi', 47, 53, 'word', 'kk-Latn', 'істеді'],
        ['parlament', 55, 64, 'word', 'kk-Latn', 'парламент'], // one English ending is not enough
        ['Google', 65, 71, 'word', 'other', 'google'], // English letters are
      ],
    ],
    [
      'kk-Latn 2021 with an English name',
      'Būryñğy ötken zamanda Euronews habarlady.',
      [
        ['Būryñğy', 0, 7, 'word', 'kk-Latn', 'бұрыңғы'],
        ['ötken', 8, 13, 'word', 'kk-Latn', 'өткен'],
        ['zamanda', 14, 21, 'word', 'kk-Latn', 'заманда'],
        ['Euronews', 22, 30, 'word', 'other', 'euronews'],
        ['habarlady', 31, 40, 'word', 'kk-Latn', 'хабарлады'],
      ],
    ],
    [
      'mixed article: a Russian paragraph after a Kazakh one',
      'Алматыда кеңес өтті және ол туралы айтылды.\nВ Алматы прошло заседание совета министров.',
      [
        ['Алматыда', 0, 8, 'word', 'kk', 'алматыда'],
        ['кеңес', 9, 14, 'word', 'kk', 'кеңес'],
        ['өтті', 15, 19, 'word', 'kk', 'өтті'],
        ['және', 20, 24, 'word', 'kk', 'және'],
        ['ол', 25, 27, 'word', 'kk', 'ол'],
        ['туралы', 28, 34, 'word', 'kk', 'туралы'],
        ['айтылды', 35, 42, 'word', 'kk', 'айтылды'],
        ['В', 44, 45, 'word', 'ru', 'в'],
        ['Алматы', 46, 52, 'word', 'ru', 'алматы'],
        ['прошло', 53, 59, 'word', 'ru', 'прошло'],
        ['заседание', 60, 69, 'word', 'ru', 'заседание'],
        ['совета', 70, 76, 'word', 'ru', 'совета'],
        ['министров', 77, 86, 'word', 'ru', 'министров'],
      ],
    ],
    [
      'Kazakh letters decide a word inside a Russian paragraph',
      'Президент Қасым-Жомарт Тоқаев провел встречу с министрами.',
      [
        ['Президент', 0, 9, 'word', 'ru', 'президент'],
        ['Қасым', 10, 15, 'word', 'kk', 'қасым'],
        ['Жомарт', 16, 22, 'word', 'ru', 'жомарт'],
        ['Тоқаев', 23, 29, 'word', 'kk', 'тоқаев'],
        ['провел', 30, 36, 'word', 'ru', 'провел'],
        ['встречу', 37, 44, 'word', 'ru', 'встречу'],
        ['с', 45, 46, 'word', 'ru', 'с'],
        ['министрами', 47, 57, 'word', 'ru', 'министрами'],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(rows(analyze(text))).toEqual(expected);
  });
});

describe('analyze: keys per language', () => {
  it('Kazakh words: term = stemKk(norm), fold = stemKkFolded(fold(norm)); stopwords null', () => {
    for (const t of analyze('Қазақстанның министрлері және Мәскеуде')) {
      if (t.norm === 'және') {
        expect([t.term, t.fold]).toEqual([null, null]);
        continue;
      }
      expect(t.term).toBe(stemKk(t.norm));
      expect(t.fold).toBe(stemKkFolded(fold(t.norm)));
    }
  });
  it('Russian words: term = fold = stemRu(norm); stopwords null', () => {
    for (const t of analyze('Министры иностранных дел и председатели')) {
      if (t.norm === 'и') {
        expect([t.term, t.fold]).toEqual([null, null]);
        continue;
      }
      expect(t.term).toBe(stemRu(t.norm));
      expect(t.fold).toBe(t.term);
    }
  });
  it('abbreviations and numbers are never stemmed nor stopwords; a Kazakh abbreviation folds', () => {
    const [shy, num] = analyze('ШЫҰ 2025');
    expect([shy?.term, shy?.fold]).toEqual(['шыұ', 'шыу']);
    expect([num?.term, num?.fold]).toEqual(['2025', '2025']);
  });
  it('«НАТО» is one abbreviation, not the stopwords «на то»', () => {
    const t = analyze('Саммит НАТО прошел в Вашингтоне').find((x) => x.surface === 'НАТО');
    expect(t?.kind).toBe('abbr');
    expect(t?.term).toBe('нато');
  });
  it('a Cyrillic word typed with Latin look-alikes is still decided by its Kazakh letters', () => {
    const t = analyze('Министр бiрiншi рет сөйледі. Президент провел встречу.').find((x) => x.surface === 'бiрiншi');
    expect(t?.norm).toBe('бірінші');
    const r = analyze('Президент провел встречу бiрiншi раз').find((x) => x.surface === 'бiрiншi');
    expect(r?.lang).toBe('kk');
  });
  it('forced language', () => {
    expect(analyze('министр', { lang: 'kk' })[0]?.lang).toBe('kk');
    expect(analyze('Qazaqstan', { lang: 'kk' })[0]?.norm).toBe('қазақстан');
    expect(analyze('Qazaqstan', { lang: 'ru' })[0]?.lang).toBe('other');
  });
  it('an empty text has no tokens', () => expect(analyze('')).toEqual([]));
  it('a word read as Kazakh Latin whose letters are all outside the alphabets keeps them (never an empty key)', () => {
    for (const word of ['ß', 'ſ', 'ø']) {
      const keys = wordKeys(word, 'kk-Latn');
      expect(keys.norm, word).not.toBe('');
      expect(keys.term, word).not.toBe('');
    }
    expect(wordKeys('ßa', 'kk-Latn').norm).toBe('а');
  });
});

describe('the spellings of a Kazakh word meet in the keys', () => {
  it.each([
    ['Қазақстанның', 'ҚАЗАҚСТАННЫҢ', 'Qazaqstannyń', 'Qazaqstannıñ'],
    ['Мәскеуде', 'МӘСКЕУДЕ', 'Máskeýde', 'Mäskeude'],
  ])('%s: same norm and term', (...spellings) => {
    const keys = spellings.map((s) => wordKeys(s, 'kk'));
    expect(new Set(keys.map((k) => k.norm)).size).toBe(1);
    expect(new Set(keys.map((k) => k.term)).size).toBe(1);
    expect(new Set(keys.map((k) => k.fold)).size).toBe(1);
  });
  it('Kazakh typed with Russian letters meets on the fold key', () => {
    expect(wordKeys('казакстаннын', 'kk').fold).toBe(wordKeys('Қазақстанның', 'kk').fold);
  });
});

describe('wordKeys', () => {
  it.each([
    ['Қазақстан', 'auto', 'kk', 'қазақстан'],
    ['министров', 'auto', 'ru', 'министров'],
    ['Qazaqstan', 'auto', 'kk-Latn', 'қазақстан'],
    ['Qazaqstan', 'kk', 'kk-Latn', 'қазақстан'],
    ['Euronews', 'auto', 'other', 'euronews'],
    ['Qazaqstan', 'ru', 'other', 'qazaqstan'],
    ['министр', 'kk-Latn', 'kk', 'министр'],
  ] as const)('%s (%s) → %s %s', (w, lang, tag, norm) => {
    const k = wordKeys(w, lang);
    expect([k.lang, k.norm]).toEqual([tag, norm]);
  });
  it('stopwords: null keys unless asked', () => {
    expect(wordKeys('және', 'kk')).toMatchObject({ term: null, fold: null, stop: true });
    expect(wordKeys('және', 'kk', { keepStopwords: true }).term).toBe(stemKk('және'));
  });
  it('stopwords in a text: no keys unless asked, then the keys the word alone gets', () => {
    expect(analyzeWithEvidence('және мен').tokens.map((t) => t.keys)).toEqual([null, null]);
    const kept = analyzeWithEvidence('және', { lang: 'kk', keepStopwords: true }).tokens[0];
    expect(kept?.term).toBe(wordKeys('және', 'kk', { keepStopwords: true }).term);
    expect(kept?.keys).not.toBeNull();
  });
  it('agrees with analyze() on a word in its own paragraph language', () => {
    for (const t of analyze('Қазақстанның министрлері Мәскеуде кездесті')) {
      const k = wordKeys(t.surface, t.lang, { kind: t.kind });
      expect([k.norm, k.term, k.fold]).toEqual([t.norm, t.term, t.fold]);
    }
  });
  it.each([
    ['2025', 'number'],
    ['23.05.2024', 'number'],
    ['ТМД', 'abbr'],
    ['ҚАЗАҚСТАННЫҢ', 'word'],
    ['Алматы', 'word'],
  ] as const)('kindOfWord(%s) = %s', (w, kind) => expect(kindOfWord(w)).toBe(kind));
});

describe('analyze: laws', () => {
  const chars = fc.constantFrom(
    ...'Қазақстан ТМД-ның 2025 ШЫҰ-ға Qazaqstannyń Eýrazııa Москва и на «» \n\n . , 57%-ы ё Ё İ ı I'.split(''),
  );
  const texts = fc.array(chars, { maxLength: 80 }).map((a) => a.join(''));
  it('offsets slice the text back to the surface; keys are lowercase; stopwords have both keys null', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const t of analyze(text)) {
          expect(text.slice(t.start, t.end)).toBe(t.surface);
          expect(t.norm).toBe(t.norm.toLowerCase());
          expect(t.term === null).toBe(t.fold === null);
        }
      }),
      { numRuns: 300 },
    );
  });
});
