import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze, analyzeWithEvidence } from '../../analyzers/index.js';
import { searchPath, startTestServer, type TestServer } from '../testing.js';

// Every pass of the pipeline over a text goes through analyzeWithEvidence, or through analyze(), which calls it inside
// its own module (out of a mock's reach), so both are counted. Counting the calls with the query's own text counts how
// often the server analyzed that query (articles indexed at start, the alternatives' shorter queries and another
// keyboard layout's reading are other texts, each analyzed once on its own).
vi.mock('../../analyzers/analyze.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../analyzers/index.js')>();
  return { ...mod, analyzeWithEvidence: vi.fn(mod.analyzeWithEvidence), analyze: vi.fn(mod.analyze) };
});
const passesOf = (text: string) =>
  [...vi.mocked(analyzeWithEvidence).mock.calls, ...vi.mocked(analyze).mock.calls].filter(([t]) => t === text).length;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles'] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => {
  vi.mocked(analyzeWithEvidence).mockClear();
  vi.mocked(analyze).mockClear();
});

describe('the server analyzes a query once', () => {
  it.each([
    // Found: plan, typing plan, completions and highlighting.
    ['found', 'ШЫҰ Бас хатшысы', true],
    // Nothing found: the prefix plan, the other language and the partial alternatives reuse the analysis.
    ['nothing found', 'марсқа ұшқан ғарышкерлер', false],
  ])('GET /api/search, %s: «%s»', async (_case, q, found) => {
    const res = await server.get(searchPath({ q, correct: 0 }));
    expect(res.status).toBe(200);
    expect(res.body.total > 0).toBe(found);
    expect(passesOf(q)).toBe(1);
  });

  it('GET /api/search under a filter that leaves nothing: the unfiltered count reuses it too', async () => {
    const q = 'Душанбе саммиті';
    const res = await server.get(searchPath({ q, year: 1999, correct: 0 }));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    expect(res.body.alternatives.map((a: { kind: string }) => a.kind)).toContain('unfiltered');
    expect(passesOf(q)).toBe(1);
  });

  it('POST /meili/indexes/articles/search that finds nothing: whole words and prefix from one analysis', async () => {
    const q = 'марсқа ұшқан ғарышкер';
    const res = await fetch(`${server.url}/meili/indexes/articles/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { hits: unknown[] }).hits).toEqual([]);
    expect(passesOf(q)).toBe(1);
  });
});
