import { describe, expect, it } from 'vitest';
import { caseAsTyped } from './suggest.js';

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
