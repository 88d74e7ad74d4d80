import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { parseParams, searchParamsSchema } from './params.js';

const parse = (q: Record<string, unknown>) => parseParams(searchParamsSchema, q);

describe('search parameters', () => {
  it('applies the contract defaults', () => {
    expect(parse({})).toEqual({
      q: '',
      year: [],
      org: [],
      lang: [],
      source: [],
      page: 1,
      limit: 20,
      sort: 'relevance',
      correct: true,
    });
    expect(parse({ correct: '0' }).correct).toBe(false);
  });

  it('accepts repeated facets and a single value alike', () => {
    const p = parse({ year: ['2023', '2024'], org: 'SCO', lang: ['kk'], source: 'zakon.kz' });
    expect(p.year).toEqual([2023, 2024]);
    expect(p.org).toEqual(['SCO']);
    expect(p.lang).toEqual(['kk']);
    expect(p.source).toEqual(['zakon.kz']);
  });

  it.each([
    [{ limit: '0' }, /limit/],
    [{ limit: '101' }, /limit/],
    [{ limit: 'ten' }, /limit/],
    [{ page: '0' }, /page/],
    [{ page: '-1' }, /page/],
    [{ sort: 'newest' }, /sort/],
    [{ year: 'twenty' }, /year/],
    [{ year: ['2024', '24'] }, /year/],
    [{ q: ['a', 'b'] }, /q/],
    [{ q: 'x'.repeat(501) }, /q/],
    [{ org: '' }, /org/],
    [{ correct: 'maybe' }, /correct/],
  ])('rejects %j with a 400 naming the parameter', (query, message) => {
    try {
      parse(query);
      expect.unreachable('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).code).toBe('BAD_PARAMETER');
      expect((err as ApiError).message).toMatch(message);
    }
  });
});
