/**
 * Property-based tests of every parameter of the read API against a real server and engine: whatever a client
 * sends, never a 5xx, always the error shape on errors, never a filter that widens the result set, never markup
 * other than <mark> in snippets and titles. FUZZ_RUNS=N runs each property N times (default 120).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { responseBody, startTestServer, type TestServer } from './testing.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
// A property's time grows with its runs, and this 2-core machine is shared: allow 0.5 s a run (a default run of the
// markup property takes about 11 s when the machine is loaded; FUZZ_RUNS=300 ran past the suite's 30 s default).
vi.setConfig({ testTimeout: Math.max(60_000, RUNS * 500) });
let server: TestServer;

/** Values of each facet in the test corpus (from a browse), and words that occur in it. */
let facetValues: Record<'year' | 'org' | 'lang' | 'source', string[]>;
const WORDS = [
  'Қазақстан',
  'Қазақстанның',
  'министрлері',
  'ШОС',
  'ШЫҰ',
  'SCO',
  'саммит',
  'Астана',
  'Тоқаев',
  'Brexit',
  'Брексит',
  'НАТО',
  'Kazakhstan',
  'ынтымақтастық',
  'rfpf[cnfy',
  'на то',
  'и',
  'Қаз',
];

interface Answer {
  status: number;
  body: any;
  contentType: string;
}

/** A path short enough for a failure message. */
const short = (path: string) => (path.length > 200 ? `${path.slice(0, 200)}…(${path.length})` : path);

async function call(path: string): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`);
  // Asserted below: every /api answer is JSON.
  return { status: res.status, body: await responseBody(res), contentType: res.headers.get('content-type') ?? '' };
}

/** Every byte of the UTF-8 form percent-encoded (a lone surrogate becomes U+FFFD's bytes, as any client sends it). */
const percentEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

function query(params: [string, string][]): string {
  const usp = new URLSearchParams();
  for (const [k, v] of params) usp.append(k, v);
  return usp.toString();
}

/** The laws every /api answer obeys, whatever was asked. */
function expectLawful(answer: Answer, fullWhat: string): void {
  const what = short(fullWhat);
  expect(answer.status, `${what} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(500);
  expect(answer.contentType, what).toMatch(/^application\/json/);
  if (answer.status >= 400) {
    expect(answer.body, what).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(answer.body.error.message, what).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  }
}

/** HTML with nothing but text, entities and balanced, unnested <mark> elements. */
function expectOnlyMarks(html: string, what: string): void {
  const tags = html.match(/<[^>]*>?/g) ?? [];
  let open = false;
  for (const tag of tags) {
    expect(['<mark>', '</mark>'], `${what}: ${html}`).toContain(tag);
    expect(tag === '<mark>', `${what}: marks nest or close unopened: ${html}`).toBe(!open);
    open = !open;
  }
  expect(open, `${what}: an unclosed mark: ${html}`).toBe(false);
  expect(html.replace(/<\/?mark>/g, ''), what).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|#39|#x27|#\d+);)/);
}

// ── generators ────────────────────────────────────────────────────────────────────────────────────────────────────

const hostile = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e3',
  '99999999999999999999',
  'NaN',
  'null',
  'true',
  '"',
  '\\',
  '\\"',
  "'",
  '%',
  '%00',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '<script>alert(1)</script>',
  '<mark>x</mark>',
  '"><img src=x onerror=alert(1)>',
  '&amp;',
  'x" OR year = 2024 OR source = "y',
  'year = 2024',
  '2024 OR 1=1',
  '*',
  '__proto__',
  'constructor',
  '𝕏'.repeat(300),
  'а'.repeat(501),
  'x'.repeat(2000),
);
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  hostile,
  fc.constantFrom(...WORDS),
  fc.integer({ min: -5, max: 3000 }).map(String),
  // The values the enumerated parameters (sort, correct, script, alternatives) accept, so their valid paths run too.
  fc.constantFrom('0', '1', 'false', 'true', 'cyrl', 'latn', 'relevance', 'date_desc', 'date_asc'),
);
const SEARCH_PARAMS = [
  'q',
  'year',
  'org',
  'lang',
  'source',
  'page',
  'limit',
  'sort',
  'correct',
  'year_from',
  'year_to',
  'script',
  'alternatives',
] as const;
const paramName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SEARCH_PARAMS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('q[]', 'year[0]', '__proto__', 'constructor', 'q[$ne]', '') },
);
const facetParam = fc.constantFrom('year', 'org', 'lang', 'source') as fc.Arbitrary<keyof typeof facetValues>;

beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles', 'server/fixtures'] });
  const browse = (await call('/api/search?limit=100')).body;
  facetValues = {
    year: Object.keys(browse.facets.year),
    org: Object.keys(browse.facets.org),
    lang: Object.keys(browse.facets.lang),
    source: Object.keys(browse.facets.source),
  };
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('GET /api/search under any parameters', () => {
  it('never a 5xx, the error shape on errors, a well-formed answer otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(paramName, anyText), { maxLength: 8 }), async (params) => {
        const path = `/api/search?${query(params)}`;
        const answer = await call(path);
        expectLawful(answer, path);
        expect([200, 400], path).toContain(answer.status);
        if (answer.status === 200) {
          expect(answer.body, path).toMatchObject({ total: expect.any(Number), hits: expect.any(Array) });
          for (const hit of answer.body.hits) {
            expectOnlyMarks(hit.snippet, `${path} snippet`);
            expectOnlyMarks(hit.titleHtml, `${path} titleHtml`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('snippets and titles hold no markup but <mark>, whatever the query', async () => {
    const q = fc.oneof(
      fc.constantFrom(...WORDS),
      fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} ${b}`),
      fc
        .tuple(
          fc.constantFrom(...WORDS),
          hostile.filter((h) => h.length < 400),
        )
        .map(([a, b]) => `${a} ${b}`),
      fc.constantFrom('kazakhstan <b>', 'xss', '<b>', 'script', 'alert', 'img onerror'),
    );
    await fc.assert(
      fc.asyncProperty(q, fc.constantFrom('cyrl', 'latn', undefined), async (text, script) => {
        const path = `/api/search?${query([['q', text], ['limit', '100'], ...(script ? [['script', script] as [string, string]] : [])])}`;
        const answer = await call(path);
        expect(answer.status, path).toBe(200);
        for (const hit of answer.body.hits) {
          expectOnlyMarks(hit.snippet, `${path} snippet of ${hit.id}`);
          expectOnlyMarks(hit.titleHtml, `${path} title of ${hit.id}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a filter never widens the result set, and every hit satisfies it', async () => {
    const value = (facet: keyof typeof facetValues) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...facetValues[facet]) },
        { weight: 1, arbitrary: facet === 'year' ? fc.integer({ min: 1900, max: 2100 }).map(String) : anyText },
      );
    const selection = fc
      .uniqueArray(facetParam, { maxLength: 3 })
      .chain((facets) =>
        fc.tuple(...facets.map((f) => fc.tuple(fc.constant(f), fc.array(value(f), { minLength: 1, maxLength: 3 })))),
      );
    const extra = facetParam.chain((f) => fc.tuple(fc.constant(f), value(f)));
    let narrowed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(''), fc.constantFrom(...WORDS)),
        selection,
        extra,
        async (q, selected, [facet, v]) => {
          if (selected.some(([f]) => f === facet)) return; // within one facet values are OR: that widens by design
          const base: [string, string][] = [
            ['q', q],
            ['limit', '100'],
            ...selected.flatMap(([f, vs]) => vs.map((x) => [f, x] as [string, string])),
          ];
          const before = await call(`/api/search?${query(base)}`);
          const after = await call(`/api/search?${query([...base, [facet, v]])}`);
          expectLawful(before, query(base));
          expectLawful(after, query([...base, [facet, v]]));
          if (before.status !== 200 || after.status !== 200) {
            // A bad value is refused, never ignored: the narrower request cannot succeed with a wider answer.
            expect(after.status === 200 && before.status !== 200, 'a refused base with an accepted extra').toBe(false);
            return;
          }
          const what = `${query(base)} + ${facet}=${v}`;
          expect(after.body.total, what).toBeLessThanOrEqual(before.body.total);
          if (after.body.total < before.body.total) narrowed++;
          const wider = new Set(before.body.hits.map((h: { id: string }) => h.id));
          for (const hit of after.body.hits) {
            expect(wider.has(hit.id), `${what}: ${hit.id} appeared`).toBe(true);
            const field = facet === 'org' ? hit.orgs : [hit[facet]].map(String);
            expect(field, `${what}: ${hit.id}`).toContain(facet === 'year' ? String(Number(v)) : v);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(narrowed, 'some filters actually narrowed the results').toBeGreaterThan(0);
  });

  it('raw query strings (any bytes, broken escapes) never get a 5xx', async () => {
    const raw = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          '%',
          '&',
          '=',
          '+',
          '[',
          ']',
          '%FF',
          '%00',
          '%E0%A4',
          '%2',
          'q',
          'year',
          'limit',
          '1',
          ';',
          '"',
        ),
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(raw, async (qs) => {
        const path = `/api/search?${qs.replace(/[#\s]/g, '')}`;
        expectLawful(await call(path), path);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('GET /api/suggest under any parameters', () => {
  it('never a 5xx, the error shape on errors, plain-text suggestions otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom('q', 'limit'), paramName), anyText), { maxLength: 4 }),
        async (params) => {
          const path = `/api/suggest?${query(params)}`;
          const answer = await call(path);
          expectLawful(answer, path);
          expect([200, 400], path).toContain(answer.status);
          if (answer.status === 200) {
            expect(Array.isArray(answer.body.suggestions), path).toBe(true);
            for (const s of answer.body.suggestions) expect(typeof s.text, path).toBe('string');
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('GET /api/articles/:id under any id', () => {
  // Its one parameter, `script`, given or not, once or twice, with any value; and unknown ones.
  const articleParams = fc.array(fc.tuple(fc.oneof(fc.constant('script'), paramName), anyText), { maxLength: 3 });

  it('the article, or 404 in the error shape; never a 5xx', async () => {
    const id = fc.oneof(
      fc.string({ minLength: 1, maxLength: 60 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
      hostile.filter((s) => s.length > 0 && s.length < 3000),
      fc.constantFrom('fx/xss <b>', '000_e8a1e4d83fa26186', '..', '../..', '%2e%2e', 'a/b/c', 'sha256-x'),
    );
    await fc.assert(
      fc.asyncProperty(id, fc.boolean(), articleParams, async (articleId, encode, params) => {
        // Encoded as a client should, or sent nearly raw (only what fetch cannot carry is escaped).
        const segment = encode ? percentEncode(articleId) : articleId.replace(/[#?\s%]/g, encodeURIComponent);
        const path = `/api/articles/${segment}${params.length ? `?${query(params)}` : ''}`;
        // Dot segments are resolved by the client (`/api/articles/../..` is the page): only what reaches /api counts.
        if (!new URL(path, server.url).pathname.startsWith('/api/')) return;
        const answer = await call(path);
        expectLawful(answer, path);
        expect([200, 400, 404], path).toContain(answer.status);
        if (answer.status === 200) expect(typeof answer.body.body, path).toBe('string');
        if (answer.status === 200 && encode && !/[\uD800-\uDFFF]/.test(articleId))
          expect(answer.body.id, path).toBe(articleId);
      }),
      { numRuns: RUNS },
    );
  });
});
