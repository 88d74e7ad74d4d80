import { afterEach, describe, expect, it } from 'vitest';
import { serverConfigFromEnv } from './config.js';
import { startTestServer, type TestServer } from './testing.js';
import { parseTrustProxy } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, uniquelocal', ['loopback', 'uniquelocal']],
    ['10.0.0.1,192.168.0.0/16', ['10.0.0.1', '192.168.0.0/16']],
    ['::1, fd00::/8', ['::1', 'fd00::/8']],
    ['10.0.0.0/255.0.0.0', ['10.0.0.0/255.0.0.0']],
  ])('%j → %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each([
    ['true', /evade the rate limit/],
    ['*', /evade the rate limit/],
    ['banana', /"banana" is not an IP address/],
    ['10.0.0.300', /"10\.0\.0\.300"/],
    ['10.0.0.0/33', /"10\.0\.0\.0\/33"/],
    ['::1/129', /"::1\/129"/],
    ['10.0.0.1/8/8', /"10\.0\.0\.1\/8\/8"/],
    ['-1', /"-1"/],
    ['loopback,,', /"" is not/],
  ])('refuses %j with a message that says what is accepted', (value, message) => {
    expect(() => parseTrustProxy(value)).toThrow(message);
  });

  it('is read from the environment with the rest of the configuration', () => {
    expect(serverConfigFromEnv({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(serverConfigFromEnv({}).trustProxy).toBe(false);
    expect(() => serverConfigFromEnv({ TRUST_PROXY: 'yes' })).toThrow(/^Bad configuration: TRUST_PROXY/);
  });
});

describe('the rate limit behind a reverse proxy', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  const from = (s: TestServer, client: string) =>
    fetch(`${s.url}/api/health`, { headers: { 'x-forwarded-for': client } }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));

  it('with TRUST_PROXY each forwarded client has its own allowance', async () => {
    server = await startTestServer({ server: { rateLimitPerMinute: 3, trustProxy: ['loopback'] } });
    for (let i = 0; i < 3; i++) expect((await from(server, '203.0.113.7')).status).toBe(200);
    const limited = await from(server, '203.0.113.7');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect((await from(server, '198.51.100.9')).status).toBe(200); // another reader behind the same proxy
  }, 60_000);

  it('without it a client cannot escape the limit by sending its own X-Forwarded-For', async () => {
    server = await startTestServer({ server: { rateLimitPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await from(server, `203.0.113.${i}`)).status).toBe(200);
    expect((await from(server, '198.51.100.9')).status).toBe(429);
  }, 60_000);

  it('a number of hops trusts only that many: a forged address further left is ignored', async () => {
    server = await startTestServer({ server: { rateLimitPerMinute: 2, trustProxy: 1 } });
    // The proxy appends the address it saw; the forged one the client sent stays on the left.
    for (let i = 0; i < 2; i++) expect((await from(server, `10.9.9.${i}, 203.0.113.7`)).status).toBe(200);
    expect((await from(server, '10.9.9.99, 203.0.113.7')).status).toBe(429);
  }, 60_000);
});
