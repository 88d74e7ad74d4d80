import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../analyzers/index.js';
import { type ExternalMeilisearch, startExternalMeilisearch } from '../engine/testing.js';
import { startTestServer, type TestServer } from './testing.js';

let ext: ExternalMeilisearch;
let server: TestServer;
let extDir: string;

beforeAll(async () => {
  extDir = mkdtempSync(join(tmpdir(), 'izde-ext-'));
  ext = await startExternalMeilisearch(extDir);
  server = await startTestServer({
    engine: { url: ext.url, masterKey: ext.masterKey },
    indexIfEmpty: ['data/articles'],
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await ext?.kill();
  rmSync(extDir, { recursive: true, force: true });
});

describe('the server on MEILI_URL', () => {
  it('indexes into and searches the external engine', async () => {
    const health = await server.get('/api/health');
    expect(health.body).toEqual({
      status: 'ok',
      meilisearch: 'available',
      documents: 5,
      analyzerVersion: ANALYZER_VERSION,
      indexAnalyzerVersions: { [ANALYZER_VERSION]: 5 },
    });
    const res = await server.get(
      '/api/search?q=%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD%D0%BD%D1%8B%D2%A3',
    );
    expect(res.body.total).toBeGreaterThanOrEqual(4);
  });

  it('answers 503 while Meilisearch is down, and recovers when it returns', async () => {
    await ext.kill();
    const health = await server.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('unavailable');
    const search = await server.get('/api/search?q=x');
    expect(search.status).toBe(503);
    expect(search.body.error.code).toBe('SEARCH_UNAVAILABLE');
    const article = await server.get('/api/articles/000_e8a1e4d83fa26186');
    expect(article.status).toBe(503);

    await ext.start();
    expect((await server.get('/api/health')).status).toBe(200);
    expect((await server.get('/api/search?q=x')).status).toBe(200);
  });
});
