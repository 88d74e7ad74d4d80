import { spawn } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('sends a request again on a fresh connection when the kept-alive one was closed under it', async () => {
    // An engine that closes each connection when a second request arrives on it: what a request written to a
    // connection Meilisearch just closed for idleness meets.
    let connections = 0;
    const closing = createNetServer((socket) => {
      connections++;
      let requests = 0;
      socket.on('data', (chunk) => {
        if (!chunk.toString('latin1').includes('\r\n\r\n')) return;
        if (++requests > 1) return void socket.destroy();
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}');
      });
    });
    await new Promise<void>((r) => closing.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/x`;
    try {
      for (let i = 0; i < 4; i++)
        expect(await nodeHttpClient(url, { method: 'POST', body: '{}' })).toEqual({ ok: true });
      expect(connections).toBe(4);
    } finally {
      closing.close();
    }
  });
});

describe('postFile', () => {
  it('an engine that refuses an upload before reading it all: the error, the upload dropped, the process free to exit', async () => {
    // An engine that answers as soon as a request arrives and never reads the body (Meilisearch refusing a payload
    // it cannot store). The client runs in a child process: it must end by itself once the answer is in.
    const refusal = JSON.stringify({ message: 'File too large (os error 27)', code: 'internal', type: 'internal' });
    const refusing = createNetServer((socket) => {
      socket.once('data', () => {
        socket.write(
          `HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: ${refusal.length}\r\n\r\n${refusal}`,
        );
        socket.pause(); // reads no more of the body, and keeps the connection open
      });
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'izde-post-'));
    try {
      const path = join(dir, 'big.ndjson');
      writeFileSync(path, Buffer.alloc(32 * 1024 * 1024, 0x20));
      const url = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/indexes/x/documents`;
      const script = `import { postFile } from ${JSON.stringify(new URL('./http-client.ts', import.meta.url).pathname)};
        await postFile(new URL(${JSON.stringify(url)}), {}, { path: ${JSON.stringify(path)}, bytes: ${32 * 1024 * 1024} })
          .then(() => console.log('resolved'), (e) => console.log('rejected', e.cause?.message ?? e.message));`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      const exited = await Promise.race([
        new Promise<boolean>((r) => child.once('exit', () => r(true))),
        new Promise<boolean>((r) => setTimeout(() => r(false), 20_000)),
      ]);
      if (!exited) child.kill('SIGKILL');
      expect(out).toMatch(/rejected .*File too large/);
      expect(exited, 'the client process should exit by itself').toBe(true);
    } finally {
      refusing.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
