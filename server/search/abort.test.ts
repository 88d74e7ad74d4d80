/**
 * A search whose client has gone stops: the page drops a keystroke's request once a newer answer is on screen, and
 * the server should not spend its time (engine requests, highlighting) on an answer nobody reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseParams, searchParamsSchema } from '../params.js';
import { startTestServer, type TestServer } from '../testing.js';
import { SearchService } from './service.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles'] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const params = (q: string) => parseParams(searchParamsSchema, { q });

describe('a search whose client has gone', () => {
  it('stops with an AbortError, and a live one answers', async () => {
    const service = new SearchService({ gateway: server.gateway });
    await expect(service.search(params('Қазақстан'), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const live = await service.search(params('Қазақстан'), { signal: new AbortController().signal });
    expect(live.total).toBeGreaterThan(0);
  });

  it('over HTTP: a request dropped in flight gets no answer, and the next one is answered', async () => {
    const controller = new AbortController();
    const dropped = fetch(`${server.url}/api/search?q=${encodeURIComponent('Өзбекстанмен')}`, {
      signal: controller.signal,
      headers: { 'cache-control': 'no-cache' },
    });
    setTimeout(() => controller.abort(), 2);
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    const next = await server.get(`/api/search?q=${encodeURIComponent('Өзбекстанмен')}`);
    expect(next.status).toBe(200);
    expect((next.body as { total: number }).total).toBeGreaterThan(0);
  });
});
