import { describe, expect, it } from 'vitest';
import { mergeRanges } from './highlight.js';
import { analyzeForHighlight, matchedRanges, oneTypoApart } from './match.js';
import { planQuery } from './plan.js';

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

/** The words of `text` the query marks. */
const marked = (query: string, text: string) =>
  mergeRanges(matchedRanges(analyzeForHighlight(text), planQuery(query).keys)).map(([s, e]) => text.slice(s, e));

describe('matchedRanges: what the highlighter marks on the original text', () => {
  it.each([
    ['министрлері', 'Сыртқы істер министрі мен министрлер кеңесі', ['министрі', 'министрлер']],
    ['Қазақстан', 'Qazaqstan Respýblıkasy men Qazaqstannyń ókilderi', ['Qazaqstan Respýblıkasy', 'Qazaqstannyń']], // the entity's whole name
    ['казакстаннын', 'Қазақстанның сыртқы саясаты', ['Қазақстанның']],
    ['ШОС', 'Шанхай ынтымақтастық ұйымының саммиті', ['Шанхай ынтымақтастық ұйымының']],
    ['Брексит', 'Парламент обсудил Brexit.', ['Brexit']],
    ['выборы', 'На выборах в США победил Байден', ['выборах']],
    // One folded letter apart, too short for the engine's typo rule: not marked (the byte count marked them).
    ['қаржылық', 'Қаржылық қолдауға қарсылық болды', ['Қаржылық']],
    ['қарастырды', 'Жобаны қарастырды, кестені құрастырды', ['қарастырды']],
  ])('%s marks %j', (query, text, words) => {
    expect(marked(query, text)).toEqual(words);
  });

  it('marks nothing in the other language for a common word', () => {
    expect(marked('министрлері', 'Министр иностранных дел')).toEqual([]);
  });

  it('never marks stopwords', () => {
    expect(marked('на то', 'Ответ на то письмо')).toEqual([]);
  });
});
