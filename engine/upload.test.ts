import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './embedded.js';
import { EngineError } from './errors.js';
import { nodeHttpClient } from './http-client.js';
import { waitForTask } from './tasks.js';
import { type ExternalMeilisearch, startExternalMeilisearch } from './testing.js';
import { addDocumentsFile } from './upload.js';

let dir: string;
let engine: ExternalMeilisearch;
let client: Meilisearch;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'izde-upload-'));
  engine = await startExternalMeilisearch(dir);
  client = new Meilisearch({ host: engine.url, apiKey: engine.masterKey, httpClient: nodeHttpClient });
}, 60_000);
afterAll(async () => {
  await engine?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function ndjson(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

describe('addDocumentsFile: a batch streamed from an NDJSON file', () => {
  it('enqueues a task that indexes every line with the given primary key', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ key: `k${i}`, title: `Мақала ${i} «ШОС»` }));
    const uid = await addDocumentsFile(client, 'uploads', ndjson('a.ndjson', `${lines.join('\n')}\n`), 'key');
    const task = await waitForTask(client, uid, 'index the upload');
    expect(task.status).toBe('succeeded');
    const stats = await client.index('uploads').getStats();
    expect(stats.numberOfDocuments).toBe(300);
    expect((await client.index('uploads').getDocument('k7')).title).toBe('Мақала 7 «ШОС»');
  });

  it('a payload Meilisearch refuses is an API error with its code; an engine that is gone is MEILI_UNAVAILABLE', async () => {
    const bad = addDocumentsFile(client, 'uploads', ndjson('bad.ndjson', '{"key": "x", broken\n'), 'key');
    await expect(bad).rejects.toMatchObject({ code: 'MEILI_API_ERROR', message: /malformed_payload/ });
    const nobody = new Meilisearch({ host: `http://127.0.0.1:${await freePort()}`, httpClient: nodeHttpClient });
    const gone = addDocumentsFile(nobody, 'uploads', ndjson('b.ndjson', '{"key":"y"}\n'), 'key');
    await expect(gone).rejects.toBeInstanceOf(EngineError);
    await expect(gone).rejects.toMatchObject({ code: 'MEILI_UNAVAILABLE' });
  });
});
