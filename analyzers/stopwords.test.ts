import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isStopword } from './languages.js';
import { normalize } from './normalize.js';
import { cleanStopwordList, KK_STOPWORDS, OTHER_STOPWORDS, RU_STOPWORDS, readWordList } from './stopwords.js';

const LATIN = /\p{Script=Latin}/u;
const SINGLE_TOKEN = /^[\p{L}\p{M}]+$/u;

describe.each([
  ['stopwords-kk.txt', readWordList('stopwords-kk.txt')],
  ['stopwords-ru-extra.txt', readWordList('stopwords-ru-extra.txt')],
])('data file %s', (_name, words) => {
  it('is not empty', () => expect(words.length).toBeGreaterThan(20));
  it('has no duplicates', () => {
    const dups = words.filter((w, i) => words.indexOf(w) !== i);
    expect(dups).toEqual([]);
  });
  it('has no Latin letters (look-alikes) in its Cyrillic words', () => {
    expect(words.filter((w) => LATIN.test(w))).toEqual([]);
  });
  it('has single tokens only', () => {
    expect(words.filter((w) => !SINGLE_TOKEN.test(w))).toEqual([]);
  });
  it('has every entry already normalized (lowercase, ё→е)', () => {
    expect(words.filter((w) => normalize(w) !== w)).toEqual([]);
  });
});

describe.each([
  ['kk', KK_STOPWORDS],
  ['ru (cleaned package list + extras)', RU_STOPWORDS],
  ['other (cleaned English list)', OTHER_STOPWORDS],
])('final list %s', (_name, set) => {
  const words = [...set];
  it('entries are normalized single tokens', () => {
    expect(words.filter((w) => !SINGLE_TOKEN.test(w) || normalize(w) !== w)).toEqual([]);
  });
});

describe('Russian list: no Latin look-alikes inside Cyrillic words', () => {
  it('cleaned', () => expect([...RU_STOPWORDS].filter((w) => LATIN.test(w))).toEqual([]));
});

describe('cleanStopwordList repairs the defects of third-party lists', () => {
  it.each([
    [['эт\u006F'], ['это']], // Latin o inside a Cyrillic word
    [
      ['c', 'o'],
      ['с', 'о'],
    ], // Latin c and o alone (natural's Russian list has these)
    [['и', 'и', 'И'], ['и']], // duplicates and case
    [['то есть', 'из-за', 'её'], ['ее']], // multi-word, hyphenated, ё
    [['the', 'bмw'], []], // a Latin word in a Cyrillic list is dropped
  ])('%j → %j', (input, expected) => {
    expect(cleanStopwordList(input, 'cyrillic')).toEqual(expected);
  });
});

describe('isStopword', () => {
  it.each([
    ['және', 'kk', true],
    ['мен', 'kk', true],
    ['туралы', 'kk', true],
    ['үшін', 'kk', true],
    ['оның', 'kk', true],
    ['деп', 'kk', true],
    ['қазақстан', 'kk', false],
    ['ел', 'kk', false],
    ['жыл', 'kk', false],
    ['ақ', 'kk', false],
    ['нато', 'kk', false],
    ['на', 'ru', true],
    ['то', 'ru', true],
    ['также', 'ru', true],
    ['который', 'ru', true],
    ['нато', 'ru', false],
    ['казахстан', 'ru', false],
    ['the', 'other', true],
    ['euronews', 'other', false],
    ['мен', 'ru', false],
  ] as const)('%s (%s) → %s', (w, lang, expected) => {
    expect(isStopword(w, lang)).toBe(expected);
  });
});

describe('content words people search for are never Kazakh stopwords', () => {
  it.each(['ел', 'жыл', 'бас', 'ақ', 'қарсы', 'министр', 'президент', 'саммит', 'кеңес', 'ұйым', 'қала', 'халық'])(
    '%s',
    (w) => expect(KK_STOPWORDS.has(w)).toBe(false),
  );
});

describe('the stopword package itself', () => {
  it('still exports the Russian list we clean', () => {
    const pkg = JSON.parse(readFileSync(new URL('../node_modules/stopword/package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(pkg.version).toMatch(/^3\./u);
    expect(RU_STOPWORDS.has('и')).toBe(true);
  });
});
