import { describe, expect, it } from 'vitest';
import type { SearchService } from './search/service.js';
import { warmUpSearch } from './warm-up.js';

type Warmable = Pick<SearchService, 'search' | 'suggest'>;

/** A search service that records what it was asked and answers (or not) as told. */
function fake(answer: (q: string) => Promise<unknown>) {
  const asked: string[] = [];
  const fresh: (boolean | undefined)[] = [];
  const service = {
    search: async (params: { q: string }, options?: { fresh?: boolean }) => {
      asked.push(`search ${params.q}`);
      fresh.push(options?.fresh);
      return answer(params.q);
    },
    suggest: async (params: { q: string }) => {
      asked.push(`suggest ${params.q}`);
      return answer(params.q);
    },
  } as unknown as Warmable;
  return { service, asked, fresh };
}

describe('warmUpSearch', () => {
  it('searches and suggests a few words in each script, past the result cache', async () => {
    const { service, asked, fresh } = fake(async () => ({}));
    expect((await warmUpSearch(service)).completed).toBe(true);
    const words = asked.filter((a) => a.startsWith('search ')).map((a) => a.slice(7));
    expect(words.length).toBeGreaterThanOrEqual(3);
    expect(words.some((w) => /[әіңғүұқөһ]/.test(w))).toBe(true); // Kazakh Cyrillic
    expect(words.some((w) => /^[a-z]+$/.test(w))).toBe(true); // Kazakh Latin
    expect(asked.filter((a) => a.startsWith('suggest ')).length).toBe(words.length);
    expect(fresh.every((f) => f === true)).toBe(true);
  });

  it('never fails the start: an engine error ends the warm-up at once', async () => {
    const { service, asked } = fake(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    expect((await warmUpSearch(service)).completed).toBe(false);
    expect(asked.filter((a) => a.startsWith('search ')).length).toBe(1);
  });

  it('gives up on an engine that does not answer after the time allowed', async () => {
    const { service } = fake(() => new Promise(() => {}));
    const started = performance.now();
    const { completed } = await warmUpSearch(service, 150);
    const ms = performance.now() - started;
    expect(completed).toBe(false);
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(2_000);
  });
});
