import { describe, expect, it } from 'vitest';
import {
  formatDate,
  langName,
  type OrgLabels,
  orgFullName,
  orgName,
  pageList,
  paragraphs,
  readerLocale,
  safeHttpUrl,
} from './format.js';

const labels: OrgLabels = {
  SCO: { short: { kk: 'ШЫҰ', ru: 'ШОС', en: 'SCO' }, full: { en: 'Shanghai Cooperation Organisation' } },
  CIS: { short: { ru: 'СНГ' }, full: {} },
};

describe('orgName', () => {
  it.each([
    ['SCO', 'kk', 'ШЫҰ'],
    ['SCO', 'ru', 'ШОС'],
    ['CIS', 'ru', 'СНГ'],
    ['CIS', 'en', 'CIS'], // no English label: the code
    ['C5+RU', 'kk', 'C5+RU'], // not in the gazetteer: the code
  ] as const)('%s in %s → %s', (code, lang, expected) => {
    expect(orgName(code, lang, labels)).toBe(expected);
  });

  it('full names fall back to the short one', () => {
    expect(orgFullName('SCO', 'en', labels)).toBe('Shanghai Cooperation Organisation');
    expect(orgFullName('SCO', 'kk', labels)).toBe('ШЫҰ');
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-04-11T16:47:00', 2025, 'en', '11 April 2025'],
    ['2025-04-11T23:30:00-10:00', 2025, 'en', '11 April 2025'], // the offset never moves the day
    ['2020-10-15', 2020, 'ru', '15 октября 2020 г.'],
    [null, 2019, 'en', '2019'],
    [null, null, 'en', null],
    ['garbage', null, 'en', null],
  ] as const)('%s / %s in %s → %s', (iso, year, lang, expected) => {
    expect(formatDate(iso, year, lang)).toBe(expected);
  });

  it.each([
    ['2024-05-23', '23 мамыр 2024 ж.'],
    ['2025-01-01T00:00:00Z', '1 қаңтар 2025 ж.'],
    ['2020-12-31', '31 желтоқсан 2020 ж.'],
  ])('spells Kazakh dates out itself: %s → %s', (iso, expected) => {
    expect(formatDate(iso, null, 'kk')).toBe(expected);
  });
});

describe('readerLocale and dates in it', () => {
  it.each([
    ['en', ['en-US', 'ru'], 'en-US', 'July 4, 2024'],
    ['en', ['en-GB'], 'en-GB', '4 July 2024'],
    ['en', ['ru-RU', 'kk'], 'en-GB', '4 July 2024'], // no English among the browser's: the interface's default
    ['ru', ['en-US', 'ru-RU'], 'ru-RU', '4 июля 2024 г.'],
    ['kk', ['kk-KZ'], 'kk-KZ', '4 шілде 2024 ж.'],
  ] as const)('%s with browser %j → %s: %s', (lang, browser, locale, date) => {
    expect(readerLocale(lang, browser)).toBe(locale);
    expect(formatDate('2024-07-04', 2024, lang, readerLocale(lang, browser))).toBe(date);
  });
});

describe('langName', () => {
  it.each([
    ['kk', 'en', 'Kazakh (Cyrillic)'],
    ['kk-Latn', 'ru', 'Казахский (латиница)'],
    ['kk', 'kk', 'Қазақша (кирил)'],
    ['kk-Latn', 'kk', 'Қазақша (латын)'],
    ['kk-Arab', 'en', 'Kazakh'],
    ['ru', 'kk', 'Орысша'],
    ['de', 'en', 'German'],
    ['other', 'en', 'Other language'],
  ] as const)('%s in %s → %s', (tag, lang, expected) => {
    expect(langName(tag, lang)).toBe(expected);
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://egemen.kz/a?b=1', 'https://egemen.kz/a?b=1'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['/relative', null],
    [null, null],
  ] as const)('%s → %s', (url, expected) => {
    expect(safeHttpUrl(url)).toBe(expected);
  });
});

describe('paragraphs', () => {
  it.each([
    ['blank lines separate', 'A\nb.\n\nC.', ['A b.', 'C.']],
    ['single newlines only', 'A.\nB.\nC.', ['A.', 'B.', 'C.']],
    ['one paragraph', 'Just text.', ['Just text.']],
    ['trailing space dropped', '\n\n  A  \n\n\n', ['A']],
  ] as const)('%s', (_name, body, expected) => {
    expect(paragraphs(body)).toEqual(expected);
  });
});

describe('pageList', () => {
  it.each([
    [1, 1, []],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, null, 10]],
    [5, 10, [1, null, 4, 5, 6, null, 10]],
    [3, 10, [1, 2, 3, 4, null, 10]],
    [10, 10, [1, null, 9, 10]],
  ] as const)('page %d of %d', (current, total, expected) => {
    expect(pageList(current, total)).toEqual(expected);
  });

  it('always holds the first, last and current page, in order, each once', () => {
    for (let total = 2; total < 30; total++) {
      for (let current = 1; current <= total; current++) {
        const pages = pageList(current, total).filter((p): p is number => p !== null);
        expect(pages).toContain(1);
        expect(pages).toContain(total);
        expect(pages).toContain(current);
        expect([...pages].sort((a, b) => a - b)).toEqual(pages);
        expect(new Set(pages).size).toBe(pages.length);
      }
    }
  });
});
