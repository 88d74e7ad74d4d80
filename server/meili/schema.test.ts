import { describe, expect, it } from 'vitest';
import { MeiliError } from './errors.js';
import { parseRequest, rejectUnsupported, searchFromQueryString, searchSchema } from './schema.js';

const errorOf = (f: () => unknown): { code: string; message: string } => {
  try {
    f();
  } catch (err) {
    if (err instanceof MeiliError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('no error');
};

describe('search requests', () => {
  it('accept what the meilisearch client and InstantSearch send', () => {
    const body = {
      q: 'Қазақстанның',
      facets: ['org', 'year'],
      attributesToHighlight: ['*'],
      highlightPreTag: '__ais-highlight__',
      highlightPostTag: '__/ais-highlight__',
      limit: 21,
      offset: 0,
      filter: [['"org"="SCO"'], '"year">=2019'],
      attributesToCrop: ['body:30'],
      cropMarker: '…',
    };
    expect(parseRequest(searchSchema, body)).toEqual(body);
  });

  it.each<[unknown, string, RegExp]>([
    [{ q: 5 }, 'invalid_search_q', /Invalid value type at `\.q`: expected a string, but found a positive integer: `5`/],
    [{ limit: -1 }, 'invalid_search_limit', /`\.limit`/],
    [{ limit: 1000 }, 'invalid_search_limit', /at most 200 hits/],
    [{ hitsPerPage: 'x' }, 'invalid_search_hits_per_page', /expected a positive integer, but found a string/],
    [{ attributesToHighlight: 'title' }, 'invalid_search_attributes_to_highlight', /expected an array/],
    [{ matchingStrategy: 'any' }, 'invalid_search_matching_strategy', /matchingStrategy/],
    [{ bogus: 1 }, 'bad_request', /Unknown field `bogus`: expected one of `q`/],
    [[1], 'bad_request', /expected an object/],
    [{ q: 'x'.repeat(501) }, 'invalid_search_q', /longer than 500/],
  ])('%j → %s', (body, code, message) => {
    const e = errorOf(() => parseRequest(searchSchema, body));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it.each([
    [{ vector: [1, 2] }, 'invalid_search_vector'],
    [{ hybrid: { embedder: 'x' } }, 'invalid_search_hybrid'],
    [{ distinct: 'org' }, 'invalid_search_distinct'],
    [{ showRankingScoreDetails: true }, 'invalid_search_show_ranking_score_details'],
  ])('refuses %j, which izde cannot honor', (body, code) => {
    expect(errorOf(() => rejectUnsupported(parseRequest(searchSchema, body))).code).toBe(code);
  });

  it('lets unsupported parameters through when they ask for nothing', () => {
    expect(() => rejectUnsupported(parseRequest(searchSchema, { retrieveVectors: false, vector: null }))).not.toThrow();
  });
});

describe('GET search parameters', () => {
  it('become the body they stand for', () => {
    expect(
      searchFromQueryString({
        q: 'ШОС',
        limit: '5',
        facets: 'year,org',
        showMatchesPosition: 'true',
        filter: 'year = 2024',
        rankingScoreThreshold: '0.5',
      }),
    ).toEqual({
      q: 'ШОС',
      limit: 5,
      facets: ['year', 'org'],
      showMatchesPosition: true,
      filter: 'year = 2024',
      rankingScoreThreshold: 0.5,
    });
  });

  it.each<[Record<string, unknown>, string, RegExp]>([
    [{ limit: 'x' }, 'invalid_search_limit', /could not parse `x` as a positive integer/],
    [{ showRankingScore: 'yes' }, 'invalid_search_show_ranking_score', /`true` or `false`/],
    [{ bogus: 'x' }, 'bad_request', /Unknown parameter `bogus`/],
    [{ q: ['a', 'b'] }, 'invalid_search_q', /more than once/],
  ])('%j → %s', (query, code, message) => {
    const e = errorOf(() => searchFromQueryString(query));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});
