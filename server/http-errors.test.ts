import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrorFor } from './client-errors.js';
import { countQueryParameters, REQUEST_LIMITS } from './request-limits.js';
import { type RawResponse, rawHttp, startTestServer, type TestServer } from './testing.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const big = (n: number) => 'a'.repeat(n);
const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: x\r\n${headers}\r\n`;

function expectErrorShape(res: RawResponse, status: number, code: string) {
  expect(res.status, res.raw.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(res.body);
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(res.body).not.toMatch(/\n\s+at /); // never a stack trace
}

describe("Node's own HTTP parser errors get the error shape (raw sockets)", () => {
  it.each([
    [
      'a query string over the header limit',
      get(`/api/search?q=${big(REQUEST_LIMITS.headerBytes + 100)}`),
      431,
      'HEADERS_TOO_LARGE',
    ],
    ['a path over the header limit', get(`/api/articles/${big(40_000)}`), 431, 'HEADERS_TOO_LARGE'],
    ['one huge header', get('/api/search?q=a', `X-Big: ${big(20_000)}\r\n`), 431, 'HEADERS_TOO_LARGE'],
    [
      'many headers over the limit',
      get('/api/health', Array.from({ length: 4000 }, (_, i) => `X-H${i}: v\r\n`).join('')),
      431,
      'HEADERS_TOO_LARGE',
    ],
    ['an unknown method', 'BREW /api/search HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'BAD_REQUEST'],
    ['an invalid HTTP version', 'GET /api/search HTTP/9.9\r\nHost: x\r\n\r\n', 400, 'BAD_REQUEST'],
    ['a space in a header name', get('/api/search', 'Bad Header: x\r\n'), 400, 'BAD_REQUEST'],
    ['a control character in the URL', 'GET /api/search?q=a\x01b HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'BAD_REQUEST'],
    ['an invalid Content-Length', get('/api/search', 'Content-Length: abc\r\n'), 400, 'BAD_REQUEST'],
    [
      'two different Content-Lengths',
      get('/api/search', 'Content-Length: 1\r\nContent-Length: 2\r\n'),
      400,
      'BAD_REQUEST',
    ],
    [
      'an invalid Transfer-Encoding with a length',
      get('/api/search', 'Transfer-Encoding: chunked, gzip\r\nContent-Length: 3\r\n'),
      400,
      'BAD_REQUEST',
    ],
    ['HTTP/2 spoken to an HTTP/1 port', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400, 'BAD_REQUEST'],
    [
      'binary garbage',
      Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]),
      400,
      'BAD_REQUEST',
    ],
  ])('%s → %i %s', async (_name, request, status, code) => {
    const res = await rawHttp(server.url, request);
    expectErrorShape(res, status, code);
    expect(res.headers.connection).toBe('close');
  });

  it('an oversized request after a good one on the same keep-alive connection still gets the error shape', async () => {
    const res = await rawHttp(server.url, get('/api/health') + get(`/api/search?q=${big(20_000)}`));
    const responses = res.raw.split(/(?=HTTP\/1\.1 )/);
    expect(responses).toHaveLength(2);
    expect(responses[0]).toMatch(/^HTTP\/1\.1 200 /);
    expect(responses[1]).toMatch(/^HTTP\/1\.1 431 /);
    expect(responses[1]).toContain('"code":"HEADERS_TOO_LARGE"');
  });

  it('a request just under the limit is served normally', async () => {
    const res = await rawHttp(
      server.url,
      get(`/api/suggest?x=${big(REQUEST_LIMITS.headerBytes - 200)}`, 'Connection: close\r\n'),
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'HEADERS_TOO_LARGE'],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413, 'PAYLOAD_TOO_LARGE'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', 400, 'BAD_REQUEST'],
    [undefined, 400, 'BAD_REQUEST'],
  ])('parser code %s → %i %s', (code, status, apiCode) => {
    expect(clientErrorFor(code)).toMatchObject({ status, code: apiCode });
  });
});

describe('body and parameter limits', () => {
  it('a body declared larger than the limit → 413 in the error shape, and the connection is closed', async () => {
    const res = await rawHttp(
      server.url,
      get('/api/search?q=a', `Content-Length: ${REQUEST_LIMITS.bodyBytes + 1}\r\n`) + big(1000),
    );
    expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.headers.connection).toBe('close');
  });

  it('chunk extensions over the limit → 413 or the route’s own answer, always in the error shape', async () => {
    const res = await rawHttp(
      server.url,
      `POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;${big(20_000)}\r\na\r\n0\r\n\r\n`,
    );
    expect([404, 413]).toContain(res.status);
    expect(JSON.parse(res.body).error.code).toMatch(/^(NOT_FOUND|PAYLOAD_TOO_LARGE)$/);
  });

  it('more query parameters than allowed → 400 (the parser would silently drop a filter)', async () => {
    const params = Array.from({ length: REQUEST_LIMITS.queryParameters + 1 }, (_, i) => `x${i}=1`).join('&');
    const res = await server.get(`/api/search?${params}&year=2024`);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'BAD_PARAMETER',
      message: expect.stringMatching(/Too many query parameters/),
    });
    const ok = await server.get(`/api/search?${params.split('&').slice(1).join('&')}`);
    expect(ok.status).toBe(200);
  });

  it.each([
    ['a=1&b=2', 2],
    ['a=1&&b=2&', 2],
    ['', 0],
    ['q', 1],
  ])('countQueryParameters(%j) = %i', (raw, n) => {
    expect(countQueryParameters(raw)).toBe(n);
  });

  it.each([
    '/api/articles/%E0%A4%A',
    '/api/articles/%',
    '/api/search?q=%FF%FE',
    '/api/search?q=%',
    '/api/search?year=%00',
    '/api/suggest?q=%F0%9F',
  ])('a malformed percent-encoding never gets a 5xx: %s', async (path) => {
    const res = await rawHttp(server.url, get(path, 'Connection: close\r\n'));
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) expectErrorShape(res, res.status, JSON.parse(res.body).error.code);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    '%s on a read-only route → an error in the error shape',
    async (method) => {
      const res = await fetch(`${server.url}/api/search?q=a`, {
        method,
        ...(method === 'POST' || method === 'PUT' || method === 'PATCH'
          ? { body: '{}', headers: { 'content-type': 'application/json' } }
          : {}),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await res.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    },
  );
});
