import { describe, expect, it } from 'vitest';
import { oneTypoApart } from './match.js';

describe('oneTypoApart (mirrors Meilisearch one-typo matching on the fold tier)', () => {
  it.each([
    ['казакстан', 'казахстан', true], // substitution
    ['казакстан', 'казакстна', true], // transposition
    ['казакстан', 'казакстанн', true], // insertion
    ['казакстан', 'казакста', true], // deletion
    ['казакстан', 'казакстан', false], // equal is not a typo
    ['казакстан', 'базакстан', false], // first letter differs: Meilisearch counts that as two
    ['казакстан', 'казахстна', false], // two edits
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(oneTypoApart(a, b)).toBe(expected);
    expect(oneTypoApart(b, a)).toBe(expected);
  });
});
