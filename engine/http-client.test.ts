import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MeilisearchApiError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttpClient } from './http-client.js';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/missing') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            message: 'Index `x` not found.',
            code: 'index_not_found',
            type: 'invalid_request',
            link: '',
          }),
        );
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('{}'), 2000);
      } else {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('nodeHttpClient', () => {
  it('sends method, headers and body, and parses the JSON answer', async () => {
    const answer = await nodeHttpClient(`${base}/x`, {
      method: 'POST',
      body: '{"q":"ШЫҰ"}',
      headers: { authorization: 'Bearer k' },
    });
    expect(answer).toEqual({ method: 'POST', body: '{"q":"ШЫҰ"}', auth: 'Bearer k' });
  });

  it('turns an error status into a MeilisearchApiError with Meilisearch’s code', async () => {
    const err = await nodeHttpClient(`${base}/missing`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeilisearchApiError);
    expect((err as MeilisearchApiError).cause?.code).toBe('index_not_found');
  });

  it('stops on abort, and leaves no listener behind on a shared signal', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) await nodeHttpClient(`${base}/x`, { signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const pending = nodeHttpClient(`${base}/slow`, { signal: controller.signal });
    controller.abort(new Error('timeout'));
    await expect(pending).rejects.toThrow('timeout');
  });

  it('rejects when nothing listens', async () => {
    await expect(nodeHttpClient('http://127.0.0.1:9/x')).rejects.toThrow();
  });
});
