import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths, readLock, sleep } from '../engine/index.js';
import { createLogger } from './logger.js';
import { startTestServer, type TestServer } from './testing.js';

const lines: string[] = [];
const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
let server: TestServer;

const BEARER = 'bearer-secret-0123456789';
const COOKIE = 'cookie-secret-0123456789';

beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles'], logger });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('server logs never hold a secret', () => {
  it('a logged request carrying Authorization: Bearer and a cookie prints neither', async () => {
    const headers = { authorization: `Bearer ${BEARER}`, cookie: `session=${COOKIE}; theme=dark` };
    for (const path of ['/api/search?q=saммit', '/api/nothing-here', `/api/articles/x?token=${BEARER}`]) {
      await fetch(`${server.url}${path}`, { headers });
    }
    // What a future serializer or a debugging line might log: the whole request with its headers.
    logger.info({ req: { method: 'GET', url: '/api/search', headers } }, 'request with headers');
    logger.debug({ headers }, `raw header line authorization: Bearer ${BEARER}`);
    const log = lines.join('');
    expect(log).toMatch(/"url":"\/api\/search\?q=sa/); // the requests were logged…
    expect(log).toMatch(/\/api\/nothing-here 404/);
    expect(log).toContain('request with headers');
    expect(log).not.toContain(BEARER); // …without their secrets
    expect(log).not.toContain(COOKIE);
    expect(log).toContain('[REDACTED]');
  });

  it('the master key and the search key never appear, even in errors with their causes and stacks', async () => {
    const masterKey = readFileSync(dataPaths(server.dataDir).key, 'utf8').trim();
    const searchKey = (await server.gateway.searchClient()).config.apiKey;
    expect(searchKey).toBeTruthy();
    // An engine failure is logged with its error chain (503, `err` with causes); the engine then comes back.
    process.kill(readLock(dataPaths(server.dataDir).lock)?.pid ?? 0, 'SIGKILL');
    await sleep(100);
    const down = await server.get('/api/search?q=x');
    expect(down.status).toBe(503);
    // Errors that quote a key (a failure message or a stack) are logged with it replaced.
    logger.error({ err: new Error(`refused key ${masterKey}`) }, `with ${searchKey}`);
    for (let i = 0; i < 50 && (await server.get('/api/health')).status !== 200; i++) await sleep(200);
    const log = lines.join('');
    expect(log).toMatch(/request failed/);
    expect(log).toMatch(/refused key \[REDACTED\]/);
    expect(log).not.toContain(masterKey);
    expect(log).not.toContain(searchKey);
  });
});
