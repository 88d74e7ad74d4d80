/**
 * The admin API against a real server and engine: adding and deleting with the token, refusing without it, limits,
 * bad records by index, and the token kept out of the logs.
 */

import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WriterLocks } from '../../engine/index.js';
import { DEFAULT_STATIC_DIR } from '../config.js';
import { createLogger } from '../logger.js';
import { type RunningServer, startServer } from '../start.js';
import { rawHttp, responseBody, startTestServer, type TestServer } from '../testing.js';

const TOKEN = 'admin-token-for-tests-0123456789';
const PUBLIC_KEY = 'public-key-for-tests-0123';
const lines: string[] = [];
const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    logger,
    server: { adminToken: TOKEN, adminRateLimitPerMinute: 0, publicKey: PUBLIC_KEY },
    admin: { lockWaitMs: 1500, limits: { maxRecords: 50 } },
  });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function admin(
  method: string,
  path: string,
  options: { body?: string; type?: string | null; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const type = options.type === undefined ? 'application/json' : options.type;
  if (type !== null) headers['content-type'] = type;
  const res = await fetch(`${server.url}/api/admin${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  // Asserted by the callers: every answer is JSON.
  return { status: res.status, body: await responseBody(res), headers: res.headers };
}

const put = (records: unknown, options: Parameters<typeof admin>[2] = {}) =>
  admin('PUT', '/articles', { body: typeof records === 'string' ? records : JSON.stringify(records), ...options });
const search = async (q: string) => (await server.get(`/api/search?q=${encodeURIComponent(q)}`)).body;
const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('admin API: adding and deleting', () => {
  it('PUT adds articles and answers once they are searchable, with each bad record by index', async () => {
    expect((await search('зебраның')).total).toBe(0); // answered (and cached) before the change
    const res = await put([
      { id: 'cms/zebra', title: 'Зебраның хабары', text: 'Алматы хайуанаттар бағында зебра туды.' },
      { id: 'cms/no-text', title: 'Мәтінсіз' },
      42,
      { id: 'cms/second', lang: 'ru', text: 'В зоопарке Алматы родилась зебра.' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      indexed: 2,
      problems: [
        { where: '[1]', index: 1, id: 'cms/no-text', reason: expect.stringMatching(/text/) },
        { where: '[2]', index: 2, reason: expect.stringMatching(/JSON object/) },
      ],
    });
    const found = await search('зебраның');
    expect(found.hits.map((h: { id: string }) => h.id)).toContain('cms/zebra');
    expect((await server.get('/api/articles/cms%2Fsecond')).status).toBe(200);
  });

  it('PUT takes NDJSON; a line that is not JSON is a problem by its line', async () => {
    const body = [
      JSON.stringify({ id: 'cms/nd1', text: 'Қарағандыда жаңа мектеп ашылды.' }),
      '',
      '{ not json',
      JSON.stringify({ id: 'cms/nd2', text: 'В Караганде открылась новая школа.' }),
    ].join('\r\n');
    const res = await put(body, { type: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.body.indexed).toBe(2);
    expect(res.body.problems).toEqual([{ where: 'line 3', index: 2, reason: expect.stringMatching(/not valid JSON/) }]);
  });

  it('PUT replaces an article: search, the article and its highlights follow at once', async () => {
    await put([{ id: 'cms/replace', title: 'Бірінші нұсқа', text: 'Түйеқұс туралы алғашқы мәтін.' }]);
    expect((await search('түйеқұс')).total).toBe(1);
    await put([{ id: 'cms/replace', title: 'Екінші нұсқа', text: 'Енді мұнда пингвин туралы жазылған.' }]);
    expect((await search('түйеқұс')).total).toBe(0);
    const now = await search('пингвин');
    expect(now.hits[0]).toMatchObject({ id: 'cms/replace', title: 'Екінші нұсқа' });
    expect(now.hits[0].snippet).toContain('<mark>пингвин</mark>');
  });

  it('DELETE removes one article ({"deleted": 1}), then 404 in the error shape', async () => {
    await put([{ id: 'cms/gone soon', text: 'Жойылатын мақала: керуен.' }]);
    expect((await search('керуен')).total).toBe(1);
    const res = await admin('DELETE', '/articles/cms%2Fgone%20soon', { type: null });
    expect(res).toMatchObject({ status: 200, body: { deleted: 1 } });
    expect((await search('керуен')).total).toBe(0);
    const again = await admin('DELETE', '/articles/cms%2Fgone%20soon', { type: null });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No article with id "cms/gone soon"' } });
  });

  it('an empty array is fine and changes nothing', async () => {
    expect(await put([])).toMatchObject({ status: 200, body: { indexed: 0, problems: [] } });
  });
});

describe('admin API: who may use it', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong token', 'wrong-token-0123456789-0123456789'],
    ['the token with one character more', `${TOKEN}x`],
    ['the public key', PUBLIC_KEY],
    ['an empty bearer', ''],
  ])('%s: 401 in the error shape, nothing indexed', async (_what, token) => {
    const res = await put([{ id: 'cms/intruder', text: 'Бөтен мәтін.' }], { token });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(errorShape);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await server.get('/api/articles/cms%2Fintruder')).status).toBe(404);
  });

  it('the Meilisearch search key and a token in the URL do not open it either', async () => {
    const searchKey = (await server.gateway.searchClient()).config.apiKey ?? '';
    expect((await put([], { token: searchKey })).status).toBe(401);
    const inUrl = await fetch(`${server.url}/api/admin/articles?token=${TOKEN}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(inUrl.status).toBe(401);
    expect((await admin('DELETE', '/articles/cms%2Fzebra', { token: null, type: null })).status).toBe(401);
  });

  it('the token never reaches the logs, even when a client puts it in a URL', async () => {
    await fetch(`${server.url}/api/admin/articles?token=${TOKEN}&admin_token=${TOKEN}`, { method: 'PUT', body: '[]' });
    await put([]);
    await put([], { token: 'wrong-token-0123456789-0123456789' });
    const log = lines.join('');
    expect(log).toMatch(/PUT \/api\/admin\/articles/);
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain('wrong-token-0123456789');
  });
});

describe('admin API: limits and bad bodies', () => {
  it.each([
    ['text/plain', '[]', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [null, '[]', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['application/x-www-form-urlencoded', 'id=1&text=x', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['application/json', '{"id": "x", "text": "not in an array"}', 400, 'BAD_REQUEST'],
    ['application/json', '[{"id": "x", "text": "cut off"', 400, 'BAD_REQUEST'],
    ['application/json', '', 400, 'BAD_REQUEST'],
    ['application/json; charset=koi8-unknown', '[]', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('Content-Type %s, body %j: %i %s', async (type, body, status, code) => {
    const res = await put(body, { type });
    expect(res.status).toBe(status);
    expect(res.body).toEqual(errorShape);
    expect(res.body.error.code).toBe(code);
  });

  it('more records than allowed: 413', async () => {
    const res = await put(Array.from({ length: 51 }, (_, i) => ({ id: `n${i}`, text: 'x' })));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/51 records; at most 50/),
    });
  });

  it('a body over 10 MiB: 413 in the error shape, declared or streamed', async () => {
    const big = `[${'"x",'.repeat(2_700_000)}"x"]`;
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const declared = await put(big);
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    // Chunked, no Content-Length: refused while it is being read.
    const head =
      'PUT /api/admin/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      `Authorization: Bearer ${TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = 'x'.repeat(1024 * 1024);
    const chunks = Array.from({ length: 12 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const streamed = await rawHttp(server.url, `${head}${chunks}0\r\n\r\n`, 15_000);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/10 MiB/) },
    });
  });

  it('methods other than PUT and DELETE: 405 with Allow; other routes: 404', async () => {
    const get = await admin('GET', '/articles', { type: null });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('PUT');
    expect(get.body).toEqual(errorShape);
    const nothing = await admin('GET', '/keys', { type: null });
    expect(nothing.status).toBe(404);
    expect(nothing.body).toEqual(errorShape);
  });

  it('while a reindex swaps its index in, a write waits, then answers 503 with Retry-After', async () => {
    const swap = await new WriterLocks(() => server.gateway.admin, 'articles', { owner: 'a-reindex' }).acquire('swap', {
      what: 'npm run reindex',
    });
    try {
      const res = await put([{ id: 'cms/late', text: 'Кеш қалған мәтін.' }]);
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'INDEX_BUSY', message: expect.stringMatching(/npm run reindex/) });
      expect(res.headers.get('retry-after')).toBe('60');
    } finally {
      await swap.release();
    }
    expect((await put([{ id: 'cms/late', text: 'Кеш қалған мәтін.' }])).body.indexed).toBe(1);
  });
});

describe('admin API: absent without a token, rate-limited with one', () => {
  let others: RunningServer[] = [];
  afterAll(async () => {
    for (const s of others) await s.close();
    others = [];
  });
  const start = async (server: { adminToken?: string | null; adminRateLimitPerMinute?: number }) => {
    const running = await startServer({
      engine: { url: undefined, masterKey: undefined, dataDir: serverDataDir(), indexName: 'articles' },
      server: {
        port: 0,
        host: '127.0.0.1',
        logLevel: 'silent',
        rateLimitPerMinute: 0,
        staticDir: DEFAULT_STATIC_DIR,
        ...server,
      },
      logger: pino({ level: 'silent' }),
    });
    others.push(running);
    return running;
  };

  it('404 in the error shape for every admin route when IZDE_ADMIN_TOKEN is unset, even with a token', async () => {
    const plain = await start({ adminToken: null });
    for (const [method, path] of [
      ['PUT', '/api/admin/articles'],
      ['DELETE', '/api/admin/articles/x'],
      ['GET', '/api/admin'],
      ['POST', '/api/admin/anything?x=1'],
    ] as const) {
      const res = await fetch(`${plain.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: '[]' }),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: 'NOT_FOUND', message: expect.stringMatching(/^No API route/) },
      });
    }
  });

  it('429 in the error shape past ADMIN_RATE_LIMIT_PER_MINUTE, counted before the token is checked', async () => {
    const limited = await start({ adminToken: TOKEN, adminRateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${limited.url}/api/admin/articles`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${i % 2 ? TOKEN : 'wrong-token-0123456789'}`,
          'content-type': 'application/json',
        },
        body: '[]',
      });
      statuses.push(res.status);
      if (res.status === 429)
        expect(await res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    }
    expect(statuses).toEqual([401, 200, 401, 429]);
  });
});

function serverDataDir(): string {
  return server.dataDir;
}

describe('admin API configuration', () => {
  it('IZDE_ADMIN_TOKEN is read, trimmed, registered as a secret, and may not be the public key', async () => {
    const { serverConfigFromEnv } = await import('../config.js');
    const { redactText } = await import('../../engine/index.js');
    const config = serverConfigFromEnv({ IZDE_ADMIN_TOKEN: '  config-token-0123456789  ' });
    expect(config).toMatchObject({ adminToken: 'config-token-0123456789', adminRateLimitPerMinute: 60 });
    expect(redactText('x config-token-0123456789 y')).toBe('x [REDACTED] y');
    expect(serverConfigFromEnv({}).adminToken).toBeNull();
    expect(serverConfigFromEnv({ ADMIN_RATE_LIMIT_PER_MINUTE: '0' }).adminRateLimitPerMinute).toBe(0);
    expect(() =>
      serverConfigFromEnv({ IZDE_ADMIN_TOKEN: 'same-key-0123456789', IZDE_PUBLIC_KEY: 'same-key-0123456789' }),
    ).toThrow(/must differ from IZDE_PUBLIC_KEY/);
  });
});
