import { describe, expect, it } from 'vitest';
import { candidates, otherLanguageQuery } from './alternatives.js';

describe('the same words in the other language', () => {
  it.each([
    // A Kazakh form binds a loanword to Kazakh articles; its stem is read in both languages.
    ['ШОС саммиті', 'ШОС саммит'],
    ['парламенті Brexit', 'парламент Brexit'],
    ['Шанхай ынтымақтастық ұйымы саммиті', 'Шанхай ынтымақтастық ұйымы саммит'],
    ['министрлері', 'министр'],
    // Kazakh Latin: the stem is offered in Cyrillic, where the Russian reading can find it.
    ['sammıti', 'саммит'],
    // A Russian-only form binds a query to Russian articles; the lemma is read in both.
    ['президентом', 'президент'],
    // Nothing bound: a word in its base form, a Kazakh stem that keeps Kazakh letters, an English word.
    ['саммит', null],
    ['Қазақстанның', null],
    ['SCO summit', null],
    ['ШОС', null],
  ])('%s → %s', (query, expected) => {
    expect(otherLanguageQuery(query)).toBe(expected);
  });
});

describe('candidates', () => {
  const queries = (q: string) => candidates(q).map((c) => `${c.kind}:${c.query}`);

  it('offers the other language first, then each word alone', () => {
    expect(queries('ШОС саммиті')).toEqual(['other-language:ШОС саммит', 'partial:ШОС', 'partial:саммиті']);
    expect(queries('SCO summit')).toEqual(['partial:SCO', 'partial:summit']);
  });

  it('keeps a name of several words and a quoted phrase whole', () => {
    expect(queries('Шанхай ынтымақтастық ұйымы Пекинде')).toEqual([
      'partial:Шанхай ынтымақтастық ұйымы',
      'partial:Пекинде',
    ]);
    expect(queries('"саммит ШОС" Астана')).toEqual(['partial:«саммит ШОС»', 'partial:Астана']);
  });

  it('for three words or more, first the query without one of them', () => {
    expect(queries('Қазақстан саммит Брюсселе')).toEqual([
      'partial:саммит Брюсселе',
      'partial:Қазақстан Брюсселе',
      'partial:Қазақстан саммит',
      'partial:Қазақстан',
      'partial:саммит',
      'partial:Брюсселе',
    ]);
  });

  it('has nothing to offer for one word in its base form or a query of stopwords', () => {
    expect(candidates('саммит')).toEqual([]);
    expect(candidates('и на')).toEqual([]);
  });
});
