/**
 * Chaos: Meilisearch killed with SIGKILL while clients keep the server busy. During the outage the API answers 503
 * in the error shape (never a 500, never a hang), and afterwards it answers again — the same server process, never
 * restarted: the embedded engine is brought back by the server, an external one by its operator.
 */
import { describe, expect, it } from 'vitest';
import { sleep } from '../engine/index.js';
import { startExternalMeilisearch } from '../engine/testing.js';
import { responseBody, startTestServer, type TestServer } from '../server/testing.js';
import { engineOf, tempDirs, waitFor } from './testing.js';

const temp = tempDirs();

const PATHS = [
  '/api/search?q=%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD', // Қазақстан
  '/api/search?q=%D0%BC%D0%B8%D0%BD%D0%B8%D1%81%D1%82%D1%80&year=2025', // министр
  '/api/search?q=&sort=date_desc',
  '/api/suggest?q=%D2%9A%D0%B0%D0%B7',
  '/api/articles/000_e8a1e4d83fa26186',
  '/api/health',
];

interface Sample {
  at: number;
  path: string;
  status: number;
  body: unknown;
}

/** `clients` loops sending PATHS round-robin until `stop()`; every answer is kept with its time. */
function load(server: TestServer, clients: number) {
  const samples: Sample[] = [];
  let running = true;
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = c; running; i++) {
      const path = PATHS[i % PATHS.length] ?? '/api/health';
      // A fresh answer each time: the result cache must not hide the outage.
      const res = await fetch(`${server.url}${path}`, {
        headers: { 'cache-control': 'no-cache' },
        signal: AbortSignal.timeout(15_000),
      });
      samples.push({ at: Date.now(), path, status: res.status, body: await responseBody(res) });
    }
  });
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

function expectOnly503sThenRecovery(samples: Sample[], killedAt: number) {
  const statuses = new Set(samples.map((s) => s.status));
  const unexpected = samples.filter((s) => s.status !== 200 && s.status !== 503);
  expect(unexpected.map((s) => `${s.status} ${s.path} ${JSON.stringify(s.body)}`)).toEqual([]);
  expect(statuses).toContain(503); // the outage was seen…
  for (const s of samples.filter((x) => x.status === 503)) {
    if (s.path === '/api/health') expect(s.body).toMatchObject({ status: 'unavailable' });
    else
      expect(s.body).toEqual({
        error: { code: expect.stringMatching(/^SEARCH_(UNAVAILABLE|TIMEOUT)$/), message: expect.any(String) },
      });
  }
  const lastFailure = Math.max(...samples.filter((s) => s.status === 503).map((s) => s.at));
  const after = samples.filter((s) => s.at > lastFailure);
  expect(after.length).toBeGreaterThan(0); // …and it ended: answers again, for every kind of request
  expect(new Set(after.map((s) => s.path)).size).toBe(PATHS.length);
  expect(samples.filter((s) => s.at < killedAt).every((s) => s.status === 200)).toBe(true);
}

describe('chaos: Meilisearch killed under load', () => {
  it('embedded: 503s during the outage, then answers, without restarting the server', async () => {
    const server = await startTestServer({ indexIfEmpty: ['data/articles'] });
    try {
      const before = engineOf(server.dataDir);
      expect(before).not.toBeNull();
      const traffic = load(server, 6);
      await sleep(1000);
      const killedAt = Date.now();
      process.kill(before?.pid ?? 0, 'SIGKILL');
      // The server notices on the next failed request and brings its engine back.
      await waitFor(
        'the engine to come back',
        () => {
          const now = engineOf(server.dataDir);
          return now && now.pid !== before?.pid ? now : null;
        },
        60_000,
      );
      await waitFor(
        'answers again',
        () =>
          traffic.samples.some((s) => s.at > killedAt + 100 && s.status === 200 && s.path.startsWith('/api/search')),
        60_000,
      );
      await sleep(1500);
      await traffic.stop();
      expectOnly503sThenRecovery(traffic.samples, killedAt);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('MEILI_URL: 503s while the external engine is down, then answers when it is back', async () => {
    const dir = temp('izde-chaos-ext-');
    const ext = await startExternalMeilisearch(dir);
    const server = await startTestServer({
      engine: { url: ext.url, masterKey: ext.masterKey },
      indexIfEmpty: ['data/articles'],
    });
    try {
      const traffic = load(server, 6);
      await sleep(1000);
      const killedAt = Date.now();
      await ext.kill();
      await sleep(2000); // the outage
      await ext.start();
      await waitFor(
        'answers again',
        () =>
          traffic.samples.some((s) => s.at > killedAt + 2000 && s.status === 200 && s.path.startsWith('/api/search')),
        60_000,
      );
      await sleep(1500);
      await traffic.stop();
      expectOnly503sThenRecovery(traffic.samples, killedAt);
    } finally {
      await server.stop();
      await ext.kill();
    }
  }, 120_000);
});
