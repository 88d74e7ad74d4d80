import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKey, decodeQuery, encodeKey, keysCodedIn } from './key-code.js';

const RUSSIAN = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
const key = fc.stringMatching(/^[a-zа-яёәғқңөұүһі0-9'’:.-]{1,16}$/u);
const foldKey = fc.stringMatching(/^[ъь][а-яъь]{1,15}$/u).filter((k) => !k.includes('ё'));

describe('the engine key code', () => {
  it.each([
    ['ъанай', '0anay'],
    ['ьминистр', '2ministr'],
    ['ъүлке', '06ylke'],
    ['ъъъкалалык', '000kalal1k'],
    ['trump', '9trump'],
    ['zzsco', '9zzsco'],
    ['ковид19', 'kovid7179'],
    ['x-y', '7x800197y'],
  ])('codes %s as %s', (k, code) => {
    expect(encodeKey(k)).toBe(code);
    expect(decodeKey(code)).toBe(k);
  });

  it('writes the fold alphabet one ASCII byte a letter', () => {
    for (const letter of RUSSIAN) expect(encodeKey(`ь${letter}`)).toMatch(/^2[a-z0-5]$/);
    expect(new Set([...RUSSIAN].map(encodeKey)).size).toBe(RUSSIAN.length);
  });

  it('reads every key back, and holds nothing Meilisearch splits a word at', () => {
    fc.assert(
      fc.property(key, (k) => {
        const code = encodeKey(k);
        expect(code).toMatch(/^[a-z0-9]+$/);
        expect(decodeKey(code)).toBe(k);
      }),
    );
  });

  it('codes no two keys alike', () => {
    fc.assert(fc.property(key, key, (a, b) => a === b || encodeKey(a) !== encodeKey(b)));
  });

  it('codes a prefix of a Cyrillic key as a prefix of its code (prefix search holds)', () => {
    fc.assert(
      fc.property(key, fc.nat(), (k, n) => {
        fc.pre(!/^[a-z0-9]+$/.test(k));
        const prefix = k.slice(0, 1 + (n % k.length));
        fc.pre(!/^[a-z0-9]+$/.test(prefix));
        expect(encodeKey(k).startsWith(encodeKey(prefix))).toBe(true);
      }),
    );
    expect(encodeKey('trump').startsWith(encodeKey('tru'))).toBe(true);
  });

  it('changes one character of the code for one letter of a fold key changed (typos hold)', () => {
    fc.assert(
      fc.property(foldKey, fc.nat(), fc.constantFrom(...RUSSIAN), (k, n, letter) => {
        const i = 1 + (n % (k.length - 1));
        const changed = `${k.slice(0, i)}${letter}${k.slice(i + 1)}`;
        const a = encodeKey(k);
        const b = encodeKey(changed);
        expect(a.length).toBe(k.length);
        expect([...a].filter((c, j) => c !== b[j]).length).toBe(changed === k ? 0 : 1);
      }),
    );
  });

  it('refuses a string that is no code', () => {
    expect(() => decodeKey('6q')).toThrow();
    expect(() => decodeKey('8zz')).toThrow();
    expect(() => decodeKey('A')).toThrow();
  });

  it('reads the keys of a query back, phrase quotes kept', () => {
    expect(decodeQuery('"0anay" "2ministr" kaz')).toBe('"ъанай" "ьминистр" каз');
    expect(decodeQuery('9trump ')).toBe('trump ');
  });

  it('knows the analyzer versions that write keys in the code', () => {
    expect(keysCodedIn('2026.12.01-terms-short-9')).toBe(false);
    expect(keysCodedIn('2026.12.01-key-code-10')).toBe(true);
    expect(keysCodedIn('something else')).toBe(false);
  });
});
