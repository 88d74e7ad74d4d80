import { describe, expect, it } from 'vitest';
import { caseAsTyped, hyphenatedTail } from './suggest.js';

describe('caseAsTyped: a completion written as the word was typed', () => {
  it.each([
    ['сша', 'СШ', 'США'], // capitals: an abbreviation being typed
    ['нато', 'НАТ', 'НАТО'],
    ['тоқаев', 'Тоқ', 'Тоқаев'], // a capital first: a name, or the start of a sentence
    ['брюсселя', 'Брюс', 'Брюсселя'],
    ['ıntymaqtastyq', 'Int', 'Intymaqtastyq'],
    ['тоқаев', 'тоқ', 'тоқаев'], // lower case: as stored
    ['министрлері', 'минист', 'министрлері'],
    ['үкімет', 'Ү', 'Үкімет'], // one capital letter is a capitalized word, not an abbreviation
  ])('%s typed as «%s» → %s', (word, typed, expected) => {
    expect(caseAsTyped(word, typed)).toBe(expected);
  });
});

describe('hyphenatedTail: the compound a query ends with', () => {
  it.each([
    ['Усть-Камено', 'Усть-Камено'],
    ['жители Усть-Камено', 'Усть-Камено'],
    ['Нұр‑Сұл', 'Нұр‑Сұл'], // a non-breaking hyphen
    ['Усть-', null], // the next part not begun yet
    ['Камено', null],
    ['Усть - Камено', null], // a dash between words, not a hyphen inside one
  ])('%j → %j', (text, expected) => {
    expect(hyphenatedTail(text)).toBe(expected);
  });
});
