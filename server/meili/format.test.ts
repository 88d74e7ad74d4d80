import { describe, expect, it } from 'vitest';
import type { PlannedHit } from '../search/planned.js';
import { cropFields, type FormatOptions, formatHit, formatText, publicFields } from './format.js';

const tags = { preTag: '<em>', postTag: '</em>', cropMarker: '…' };
const body =
  'Бүгін Астанада Қазақстан мен Ресей президенттері кездесті. Саммитте сауда, көлік және энергетика талқыланды.';
const at = (text: string, word: string): [number, number] => {
  const i = text.indexOf(word);
  return [i, i + word.length];
};

describe('formatText', () => {
  it.each<[string, Parameters<typeof formatText>[2], [number, number][], string]>([
    ['marks every range', { highlight: true, ...tags }, [at(body, 'Ресей')], body.replace('Ресей', '<em>Ресей</em>')],
    ['leaves the text as it is without highlight', { highlight: false, ...tags }, [at(body, 'Ресей')], body],
    [
      'crops around the match',
      { highlight: true, cropLength: 4, ...tags },
      [at(body, 'Ресей')],
      '…Қазақстан мен <em>Ресей</em> президенттері…',
    ],
    [
      'crops from the start without a match',
      { highlight: true, cropLength: 3, ...tags },
      [],
      'Бүгін Астанада Қазақстан…',
    ],
    [
      'keeps the window with the most distinct matches',
      { highlight: true, cropLength: 3, ...tags },
      [at(body, 'Астанада'), at(body, 'сауда,'), at(body, 'көлік')],
      '…Саммитте <em>сауда,</em> <em>көлік</em>…',
    ],
    [
      'a window at the end shows no marker after it',
      { highlight: true, cropLength: 3, ...tags },
      [at(body, 'талқыланды.')],
      '…және энергетика <em>талқыланды.</em>',
    ],
    ['cropLength 0 crops nothing', { highlight: false, cropLength: 0, ...tags }, [], body],
    [
      'custom tags and marker',
      {
        highlight: true,
        cropLength: 2,
        preTag: '__ais-highlight__',
        postTag: '__/ais-highlight__',
        cropMarker: '[..]',
      },
      [at(body, 'Ресей')],
      '[..]мен __ais-highlight__Ресей__/ais-highlight__[..]',
    ],
  ])('%s', (_name, options, ranges, expected) => {
    expect(formatText(body, ranges, options)).toBe(expected);
  });

  it('never escapes: _formatted is text with tags, as Meilisearch gives it', () => {
    expect(formatText('<b>x</b>', [[3, 4]], { highlight: true, ...tags })).toBe('<b><em>x</em></b>');
  });
});

describe('attribute lists', () => {
  it('keep public fields only: internal and analyzed fields are never named', () => {
    expect([...publicFields(['title', 'title_x', 'key', 'ts', 'body_s', 'nope'], false)]).toEqual(['title']);
    expect([...publicFields(['*'], false)]).toEqual([
      'id',
      'title',
      'body',
      'date',
      'year',
      'lang',
      'source',
      'url',
      'org',
    ]);
    expect([...publicFields(undefined, true)]).toHaveLength(9);
    expect([...publicFields(undefined, false)]).toEqual([]);
  });

  it('attributesToCrop takes a length per field', () => {
    expect([...cropFields(['body:3', 'title', 'title_x'], 10)]).toEqual([
      ['body', 3],
      ['title', 10],
    ]);
  });
});

describe('formatHit', () => {
  const hit: PlannedHit = {
    document: {
      id: 'a',
      title: 'Қазақстан мен Ресей',
      body: 'Ресей',
      date: '2025-01-02',
      year: 2025,
      lang: 'kk',
      source: null,
      url: null,
      org: ['CIS'],
    },
    query: 0,
    score: 0.9,
    ranges: { title: [[14, 19]], body: [[0, 5]] },
  };
  const options: FormatOptions = {
    retrieve: new Set(['id', 'year']),
    highlight: new Set(['title']),
    crop: new Map(),
    ...tags,
    showMatchesPosition: true,
    showRankingScore: true,
  };

  it('has the retrieved fields, _formatted over retrieved and formatted ones, byte positions and the score', () => {
    expect(formatHit(hit, options)).toEqual({
      id: 'a',
      year: 2025,
      _formatted: { id: 'a', title: 'Қазақстан мен <em>Ресей</em>', year: '2025' },
      // UTF-8 bytes, as Meilisearch counts them: «Қазақстан мен » is 26 bytes.
      _matchesPosition: { title: [{ start: 26, length: 10 }], body: [{ start: 0, length: 10 }] },
      _rankingScore: 0.9,
    });
  });

  it('has no _formatted when nothing is highlighted or cropped', () => {
    expect(
      formatHit(hit, { ...options, highlight: new Set(), showMatchesPosition: false, showRankingScore: false }),
    ).toEqual({
      id: 'a',
      year: 2025,
    });
  });
});
