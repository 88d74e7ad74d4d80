import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lightStemRu } from './light-stem.js';

describe('lightStemRu', () => {
  // Expected stems follow the algorithm by hand: longest listed ending that leaves the minimum length,
  // then -ь/-и dropped and -нн shortened.
  it.each([
    ['организациями', 'организац'], // -ями (len ≥ 6), then final -и
    ['министрами', 'министр'],
    ['министров', 'министр'],
    ['министр', 'министр'],
    ['казахстан', 'казахстан'],
    ['казахстане', 'казахстан'],
    ['казахстаном', 'казахстан'],
    ['шанхайской', 'шанхайск'],
    ['экономического', 'экономическ'],
    ['длинный', 'длин'], // -ый, then -нн → -н
    ['мать', 'мат'], // the -ь of a four-letter word still goes (normalize)
    ['дом', 'дом'], // too short for -ом
    ['сон', 'сон'],
    ['подписал', 'подписал'], // no verb morphology
  ])('%s → %s', (word, stem) => {
    expect(lightStemRu(word)).toBe(stem);
  });

  it('only ever removes a suffix (the stem is a prefix of the word, never shorter than 2 letters)', () => {
    const letter = fc.constantFrom(...'абвгдежзийклмнопрстуфхцчшщъыьэюя');
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 16 }), (letters) => {
        const word = letters.join('');
        const stem = lightStemRu(word);
        expect(word.startsWith(stem)).toBe(true);
        expect(stem.length).toBeGreaterThanOrEqual(Math.min(word.length, 2));
      }),
    );
  });
});
