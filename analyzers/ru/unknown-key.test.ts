import { describe, expect, it } from 'vitest';
import { surnameBase, unknownKeyRu } from './unknown-key.js';

describe('surnameBase', () => {
  it.each([
    ['бектенов', 'бектенов'],
    ['бектенова', 'бектенов'],
    ['бектеновым', 'бектенов'],
    ['бектеновой', 'бектенов'],
    ['бектеновых', 'бектенов'],
    ['жумангарину', 'жумангарин'],
    ['ашимбаевы', 'ашимбаев'],
    ['шымкент', null],
    ['ов', null], // too short to be a surname
    ['шымкентом', null],
  ])('%s → %s', (word, base) => {
    expect(surnameBase(word)).toBe(base);
  });
});

describe('unknownKeyRu', () => {
  it.each([
    ['шымкент', 'шымкент'],
    ['шымкентом', 'шымкент'],
    ['костанай', 'костан'],
    ['костанаю', 'костан'],
    ['костаная', 'костан'],
    ['тенге', 'тенг'],
    ['ауа', 'ауа'], // trimming would leave too little: keep the light stem
    ['covid', 'covid'],
  ])('%s → %s', (word, key) => {
    expect(unknownKeyRu(word)).toBe(key);
  });
});
