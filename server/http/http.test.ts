import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExternalMeilisearch, startExternalMeilisearch } from '../../engine/testing.js';
import { runIndexer } from '../../indexer/run.js';
import { serverConfigFromEnv } from '../config.js';
import { startTestServer, type TestServer } from '../testing.js';
import { parseCorsOrigins } from './cors.js';

const ALLOWED = 'http://news.example.kz';
const KEY = 'public-key-for-tests';
const SEARCH = `/api/search?q=${encodeURIComponent('Қазақстанның')}&limit=3`;
const ARTICLE = '/api/articles/000_e8a1e4d83fa26186';
const SUGGEST = `/api/suggest?q=${encodeURIComponent('Қаз')}`;

let ext: ExternalMeilisearch;
let dir: string;
/** Several izde servers on one engine, as behind a load balancer, each with its own HTTP settings. */
let listed: TestServer; // CORS_ORIGINS=ALLOWED, CACHE_MAX_AGE=30
let open: TestServer; // CORS_ORIGINS=*, IZDE_PUBLIC_KEY
let plain: TestServer; // nothing set but CACHE_MAX_AGE=0
let limited: TestServer; // RATE_LIMIT_PER_MINUTE=3

const get = (server: TestServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'izde-http-'));
  ext = await startExternalMeilisearch(join(dir, 'engine'));
  const engine = { url: ext.url, masterKey: ext.masterKey };
  listed = await startTestServer({
    engine,
    indexIfEmpty: ['data/articles'],
    server: { corsOrigins: [ALLOWED], cacheMaxAge: 30 },
  });
  [open, plain, limited] = await Promise.all([
    startTestServer({ engine, server: { corsOrigins: '*', publicKey: KEY } }),
    startTestServer({ engine, server: { cacheMaxAge: 0 } }),
    startTestServer({ engine, server: { rateLimitPerMinute: 3 } }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([listed, open, plain, limited].map((s) => s?.stop()));
  await ext?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('configuration', () => {
  it.each<[string | undefined, unknown]>([
    [undefined, []],
    ['', []],
    ['*', '*'],
    [' https://A.example.kz , http://b.example.kz:8080 ', ['https://a.example.kz', 'http://b.example.kz:8080']],
    ['https://a.example.kz:443', ['https://a.example.kz']],
  ])('CORS_ORIGINS=%j', (value, expected) => {
    expect(parseCorsOrigins(value)).toEqual(expected);
  });

  it.each(['news.example.kz', 'https://a.example.kz/search', 'ftp://a.example.kz', 'https://a.example.kz?x=1'])(
    'CORS_ORIGINS=%s is refused at start-up',
    (value) => {
      expect(() => serverConfigFromEnv({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
    },
  );

  it('reads CACHE_MAX_AGE and IZDE_PUBLIC_KEY, with defaults', () => {
    expect(serverConfigFromEnv({})).toMatchObject({ corsOrigins: [], cacheMaxAge: 5, publicKey: null });
    expect(serverConfigFromEnv({ CACHE_MAX_AGE: '0', IZDE_PUBLIC_KEY: KEY })).toMatchObject({
      cacheMaxAge: 0,
      publicKey: KEY,
    });
    expect(() => serverConfigFromEnv({ CACHE_MAX_AGE: '-1' })).toThrow(/CACHE_MAX_AGE/);
  });
});

describe('CORS', () => {
  it.each([
    ['/api/search', SEARCH],
    ['/meili', '/meili/indexes/articles/search?q=x'],
  ])('an allowed origin may read %s; CORP lets it', async (_name, path) => {
    const res = await get(listed, path, { origin: ALLOWED });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('an allowed page may read the ETag and the rate-limit budget of an answer', async () => {
    const res = await get(listed, SEARCH, { origin: ALLOWED });
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['etag', 'ratelimit', 'ratelimit-policy', 'retry-after']));
  });

  it('another origin gets no CORS header', async () => {
    const res = await get(listed, SEARCH, { origin: 'http://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight of a Meilisearch client', async () => {
    const preflight = (origin: string) =>
      fetch(`${listed.url}/meili/multi-search`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-meilisearch-client,authorization',
        },
      });
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')).toBe('content-type,x-meilisearch-client,authorization');
    const refused = await preflight('http://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('`*` lets any origin read', async () => {
    const res = await get(open, SEARCH, { origin: 'http://anyone.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('unset: same origin only, and CORP stays same-origin', async () => {
    const res = await get(plain, SEARCH, { origin: ALLOWED });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const preflight = await fetch(`${plain.url}/api/search`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the page keeps its strict headers', async () => {
    const res = await get(listed, '/', { origin: ALLOWED });
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('HTTP caching', () => {
  it.each([
    ['search', SEARCH],
    ['article', ARTICLE],
    ['suggestions', SUGGEST],
  ])('%s: public for CACHE_MAX_AGE seconds; If-None-Match → 304 while the index is unchanged', async (_name, path) => {
    const first = await get(listed, path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    const again = await get(listed, path, { 'if-none-match': tag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get(listed, path, { 'if-none-match': 'W/"something-else"' });
    expect(other.status).toBe(200);
  });

  it('parameters in another order are the same answer', async () => {
    const a = await get(listed, '/api/search?q=x&limit=3&year=2024');
    const b = await get(listed, '/api/search?year=2024&limit=3&q=x');
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });

  it.each([
    ['a bad parameter', '/api/search?limit=0', 400],
    ['an unknown article', '/api/articles/nope', 404],
  ])('%s is never cached', async (_name, path, status) => {
    const res = await get(listed, path);
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('CACHE_MAX_AGE=0 keeps no-store', async () => {
    const res = await get(plain, SEARCH);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('two servers on one engine give the same answers and the same ETags, and both move on when it changes', async () => {
    const without = (body: { tookMs?: number }) => ({ ...body, tookMs: 0 });
    for (const path of [SEARCH, ARTICLE, SUGGEST]) {
      const [a, b] = await Promise.all([get(listed, path), get(plain, path)]);
      expect(without(await a.json()), path).toEqual(without(await b.json()));
      expect(a.headers.get('etag'), path).toBe(b.headers.get('etag'));
    }
    const before = (await get(listed, SEARCH)).headers.get('etag') ?? '';
    writeFileSync(join(dir, 'new.txt'), 'Жаңа мақала\n\nҚазақстанның жаңа мақаласы индекске қосылды.');
    await runIndexer(listed.gateway, {
      paths: [join(dir, 'new.txt')],
      progress: () => ({ advance() {}, note() {}, stop() {} }),
    });
    // A client asking for the current answer gets it at once; without asking, within a second.
    const fresh = { 'if-none-match': before, 'cache-control': 'no-cache' };
    const [a, b] = await Promise.all([get(listed, SEARCH, fresh), get(plain, SEARCH, fresh)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.headers.get('etag')).not.toBe(before);
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });
});

describe('IZDE_PUBLIC_KEY', () => {
  const path = '/meili/indexes/articles/search?q=x';
  it.each<[Record<string, string>, number, string | null]>([
    [{}, 401, 'missing_authorization_header'],
    [{ authorization: 'Basic abc' }, 401, 'missing_authorization_header'],
    [{ authorization: 'Bearer wrong-key' }, 403, 'invalid_api_key'],
    [{ authorization: `Bearer ${KEY}x` }, 403, 'invalid_api_key'],
    [{ authorization: `Bearer ${KEY}` }, 200, null],
  ])('%j → %i', async (headers, status, code) => {
    const res = await get(open, path, headers);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { code?: string; type?: string };
    if (code) expect(body).toMatchObject({ code, type: 'auth' });
  });

  it('health needs no key, and /api is not affected', async () => {
    expect((await get(open, '/meili/health')).status).toBe(200);
    expect((await get(open, SEARCH)).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('/api and /meili share one budget per client, and each answers 429 in its own shape', async () => {
    expect((await get(limited, '/api/health')).status).toBe(200);
    expect((await get(limited, '/meili/version')).status).toBe(200);
    expect((await get(limited, '/meili/health')).status).toBe(200);
    const meili = await get(limited, '/meili/version');
    expect(meili.status).toBe(429);
    expect(await meili.json()).toMatchObject({ code: 'too_many_requests', type: 'system' });
    const api = await get(limited, '/api/health');
    expect(api.status).toBe(429);
    expect(await api.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });
});

describe('Meilisearch down', () => {
  it('/meili answers 503 in Meilisearch’s shape, and nothing is cached', async () => {
    await ext.kill();
    const res = await fetch(`${plain.url}/meili/indexes/articles/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'ШОС' }),
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'search_unavailable', type: 'system' });
    expect((await get(plain, '/meili/health')).status).toBe(503);
    const api = await get(listed, SEARCH, { 'cache-control': 'no-cache' });
    expect(api.status).toBe(503);
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('etag')).toBeNull();
    await ext.start();
    expect((await get(plain, '/meili/health')).status).toBe(200);
  });
});
