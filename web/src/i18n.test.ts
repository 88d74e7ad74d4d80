import { describe, expect, it } from 'vitest';
import { fill, initialUiLang, MESSAGES, type Messages, type Plural, plural, UI_LANGS } from './i18n.js';

const keys = Object.keys(MESSAGES.en).sort() as (keyof Messages)[];
const isPlural = (v: unknown): v is Plural => typeof v === 'object' && v !== null && 'other' in v;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

describe('interface strings', () => {
  it.each(UI_LANGS)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
  });

  const cells = UI_LANGS.flatMap((lang) => keys.map((key) => [lang, key] as const));
  it.each(cells)('%s.%s is not empty and keeps the placeholders of English', (lang, key) => {
    const value = MESSAGES[lang][key];
    const en = MESSAGES.en[key];
    const texts = isPlural(value) ? Object.values(value) : [value];
    for (const t of texts) expect(t.trim()).not.toBe('');
    const holes = (v: string | Plural) =>
      [...new Set((isPlural(v) ? Object.values(v).join(' ') : v).match(/\{\w+\}/g) ?? [])].sort();
    expect(holes(value)).toEqual(holes(en));
  });

  // Kazakh and Russian strings are Cyrillic: a Latin look-alike letter inside a Cyrillic word is a typo.
  it.each(UI_LANGS.filter((l) => l !== 'en').flatMap((lang) => keys.map((key) => [lang, key] as const)))(
    '%s.%s has no mixed-script words',
    (lang, key) => {
      const value = MESSAGES[lang][key];
      const text = isPlural(value) ? Object.values(value).join(' ') : value;
      for (const word of text.split(/[^\p{L}]+/u))
        if (word) expect(LATIN.test(word) && CYRILLIC.test(word), word).toBe(false);
    },
  );
});

describe('plural', () => {
  it.each([
    ['ru', 1, '1 результат'],
    ['ru', 3, '3 результата'],
    ['ru', 5, '5 результатов'],
    ['ru', 21, '21 результат'],
    ['en', 1, '1 result'],
    ['en', 2, '2 results'],
    ['kk', 7, '7 нәтиже'],
  ] as const)('%s %d → %s', (lang, n, expected) => {
    expect(plural(lang, MESSAGES[lang].resultCount, n)).toBe(expected);
  });
});

describe('fill', () => {
  it('replaces known placeholders and leaves unknown ones', () => {
    expect(fill('«{q}» {x}', { q: 'ШЫҰ' })).toBe('«ШЫҰ» {x}');
  });
});

describe('initialUiLang', () => {
  it.each([
    ['url wins', 'kk', 'ru', ['en-US'], 'kk'],
    ['stored next', null, 'ru', ['en-US'], 'ru'],
    ['bad url value ignored', 'de', null, ['ru-RU'], 'ru'],
    ['browser kk-KZ', null, null, ['kk-KZ', 'ru'], 'kk'],
    ['first known browser language', null, null, ['de-DE', 'ru-RU', 'en'], 'ru'],
    ['fallback English', null, 'xx', ['de-DE'], 'en'],
  ] as const)('%s', (_name, url, stored, browser, expected) => {
    expect(initialUiLang(url, stored, browser)).toBe(expected);
  });
});
