import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cyrillicToLatin } from '../../analyzers/index.js';
import { parseScriptParam } from './display-script.fixture.js';
import {
  conversionFor,
  convertMarkedHtml,
  convertText,
  displayArticle,
  displayHit,
  latinWordToCyrillic,
  parseMarked,
} from './display-script.js';
import { markHtml } from './highlight.js';

describe('which articles are converted', () => {
  it.each([
    ['kk', 'latn', 'toLatin'],
    ['kk', 'cyrl', null],
    ['kk-Latn', 'cyrl', 'toCyrillic'],
    ['kk-Latn', 'latn', null],
    ['ru', 'latn', null],
    ['ru', 'cyrl', null],
    ['en', 'cyrl', null],
    ['kk', undefined, null],
  ] as const)('%s shown as %s → %s', (lang, script, expected) => {
    expect(conversionFor(lang, script)).toBe(expected);
  });

  it('the parameter takes cyrl or latn once', () => {
    expect(parseScriptParam('latn')).toBe('latn');
    expect(parseScriptParam(undefined)).toBeUndefined();
    expect(() => parseScriptParam('lat')).toThrow(/cyrl or latn/);
    expect(() => parseScriptParam(['cyrl', 'latn'])).toThrow(/once/);
  });
});

describe('Kazakh Latin words in Cyrillic, capitals kept', () => {
  it.each([
    ['Qazaqstan', '2018', 'Қазақстан'],
    ['qazaqstannyń', '2018', 'қазақстанның'],
    ['ShYU', '2018', 'ШЫҰ'],
    ['AQSh', '2018', 'АҚШ'],
    ['QR', '2018', 'ҚР'],
    ['Qazaqstannyñ', '2021', 'Қазақстанның'],
    ['ŞYŪ', '2021', 'ШЫҰ'],
    ['iPhone', '2018', 'iPhone'],
    // A loan's ё, which Kazakh Latin writes as the glide and o; радио is и + о.
    ['Volontıorler', '2018', 'Волонтёрлер'],
    ['aktiorlar', '2021', 'актёрлар'],
    ['radıo', '2018', 'радио'],
  ] as const)('%s (%s) → %s', (word, alphabet, expected) => {
    expect(latinWordToCyrillic(word, alphabet)).toBe(expected);
  });
});

describe('highlighted HTML in the other script', () => {
  it.each([
    [
      '<mark>Qazaqstannyń</mark> &quot;ShYU&quot; saıty inform.kz',
      'toCyrillic',
      '<mark>Қазақстанның</mark> &quot;ШЫҰ&quot; сайты inform.kz',
    ],
    [
      '… <mark>Shanhaı yntymaqtastyq uıymynyń</mark> <mark>sammıtine</mark> qatysty.',
      'toCyrillic',
      '… <mark>Шанхай ынтымақтастық ұйымының</mark> <mark>саммитіне</mark> қатысты.',
    ],
    [
      '<mark>Қазақстанның</mark> &amp; ШЫҰ-ға <mark>Астана</mark>, https://egemen.kz/x',
      'toLatin',
      '<mark>Qazaqstannyñ</mark> &amp; ŞYŪ-ğa <mark>Astana</mark>, https://egemen.kz/x',
    ],
    ['Қасым-<mark>Жомарт</mark> Тоқаев', 'toLatin', 'Qasym-<mark>Jomart</mark> Toqaev'],
    ['&lt;b&gt;Астана&lt;/b&gt;', 'toLatin', '&lt;b&gt;Astana&lt;/b&gt;'],
  ] as const)('%s (%s)', (html, direction, expected) => {
    expect(convertMarkedHtml(html, direction)).toBe(expected);
  });

  it('a mark that started inside a word covers the whole converted word', () => {
    // Never produced by the highlighter (marks cover whole tokens), but the conversion must not split letters.
    expect(convertMarkedHtml('Қаз<mark>ақстан</mark> елі', 'toLatin')).toBe('<mark>Qazaqstan</mark> elı');
  });

  const kazakhWord = fc.constantFrom(
    'Қазақстан',
    'министрлері',
    'ШЫҰ',
    'өңірлік',
    'Үкімет',
    'ынтымақтастық',
    'Астана',
    'ҚР',
    'әлеуметтік',
    'жиынында',
  );
  const gap = fc.constantFrom(' ', ', ', ' — ', '. ', ' «', '» ', ' & ', ' <', '> ', '-');

  it('keeps every mark on the same word, and the text equals the plain conversion (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(kazakhWord, fc.boolean(), gap), { minLength: 1, maxLength: 12 }), (parts) => {
        let text = '';
        const ranges: [number, number][] = [];
        const marked: string[] = [];
        for (const [word, mark, sep] of parts) {
          if (mark) {
            ranges.push([text.length, text.length + word.length]);
            marked.push(word);
          }
          text += word + sep;
        }
        const converted = parseMarked(convertMarkedHtml(markHtml(text, ranges), 'toLatin'));
        expect(converted.text).toBe(convertText(text, 'toLatin'));
        const shown = converted.ranges.map(([s, e]) => converted.text.slice(s, e));
        // Adjacent marks merge (as the highlighter merges them), so compare the marked words in order.
        expect(
          shown
            .join(' ')
            .split(/[\s\-—«»,.&<>]+/u)
            .filter(Boolean),
        ).toEqual(marked.map((w) => cyrillicToLatin(w, '2021')));
      }),
    );
  });
});

describe('hits and articles', () => {
  const hit = {
    id: 'a',
    title: 'Astanada ShYU sammıti ótti',
    titleHtml: 'Astanada <mark>ShYU</mark> <mark>sammıti</mark> ótti',
    snippet: '<mark>Shanhaı yntymaqtastyq uıymy</mark> memleket basshylarynyń keńesi ótti.',
    lang: 'kk-Latn',
  };

  it('converts title, titleHtml and snippet and says so', () => {
    expect(displayHit(hit, 'cyrl')).toEqual({
      ...hit,
      title: 'Астанада ШЫҰ саммиті өтті',
      titleHtml: 'Астанада <mark>ШЫҰ</mark> <mark>саммиті</mark> өтті',
      snippet: '<mark>Шанхай ынтымақтастық ұйымы</mark> мемлекет басшыларының кеңесі өтті.',
      script: 'cyrl',
    });
  });

  it('leaves text in the asked script, Russian and unconverted requests alone', () => {
    expect(displayHit(hit, 'latn')).toBe(hit);
    expect(displayHit(hit, undefined)).toBe(hit);
    const ru = { ...hit, lang: 'ru', title: 'Саммит ШОС', titleHtml: 'Саммит ШОС', snippet: 'Саммит' };
    expect(displayHit(ru, 'latn')).toBe(ru);
  });

  it('converts a whole article', () => {
    const article = {
      lang: 'kk',
      title: 'Астанада ШЫҰ саммиті өтті',
      body: 'Қазақстан.\n\nЕкінші абзац.',
      snippet: 'Қазақстан.',
    };
    expect(displayArticle(article, 'latn')).toEqual({
      lang: 'kk',
      title: 'Astanada ŞYŪ sammitı öttı',
      body: 'Qazaqstan.\n\nEkınşı abzats.',
      snippet: 'Qazaqstan.',
      script: 'latn',
    });
  });
});
