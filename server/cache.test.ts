import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from '../engine/index.js';
import { runIndexer } from '../indexer/run.js';
import { startTestServer, type TestServer } from './testing.js';

let server: TestServer;
let inputs: string;
const quiet = () => ({ advance() {}, note() {}, stop() {} });

beforeAll(async () => {
  inputs = mkdtempSync(join(tmpdir(), 'izde-cache-'));
  server = await startTestServer({ indexIfEmpty: ['data/articles'] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(inputs, { recursive: true, force: true });
});

describe('the result cache', () => {
  it('answers a repeated search from the cache, and retires it when the index changes', async () => {
    const path = '/api/search?q=%D0%B6%D1%83%D0%B0%D0%BD%D0%B1%D0%B0%D1%82%D0%BF%D0%B5%D0%BD'; // «жуанбатпен»: in no article yet
    expect((await server.get(path)).body.total).toBe(0);
    expect((await server.get(path)).body.total).toBe(0);

    writeFileSync(join(inputs, 'new.txt'), 'Жаңа мақала\n\nБұл мақалада жуанбатпен деген сирек сөз бар.');
    await runIndexer(server.gateway, { paths: [inputs], progress: quiet });

    const fresh = await fetch(`${server.url}${path}`, { headers: { 'cache-control': 'no-cache' } }).then((r) =>
      r.json(),
    );
    expect(fresh.total).toBe(1); // a client that asks for a fresh answer gets one at once
    await sleep(1100); // the cache checks the index version at most once a second
    expect((await server.get(path)).body.total).toBe(1);
  });
});
