import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger, pino } from 'pino';
import type { EngineConfig } from '../engine/config.js';
import { DEFAULT_STATIC_DIR } from './config.js';
import { type RunningServer, startServer } from './start.js';

/** A real izde server on a temporary data folder (embedded Meilisearch) or on `engine.url`, for tests. */
export interface TestServer extends RunningServer {
  dataDir: string;
  get(path: string): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startTestServer(
  options: { indexIfEmpty?: string[]; engine?: Partial<EngineConfig>; logger?: Logger } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'izde-test-'));
  const running = await startServer({
    engine: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles', ...options.engine },
    server: { port: 0, host: '127.0.0.1', logLevel: 'silent', rateLimitPerMinute: 0, staticDir: DEFAULT_STATIC_DIR },
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(options.indexIfEmpty ? { indexIfEmpty: options.indexIfEmpty } : {}),
  });
  return {
    ...running,
    dataDir,
    async get(path: string) {
      const res = await fetch(`${running.url}${path}`);
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (static files)
      }
      return { status: res.status, body, headers: res.headers };
    },
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `/api/search?…` with repeated parameters. */
export function searchPath(params: Record<string, string | number | (string | number)[]>): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const item of Array.isArray(v) ? v : [v]) usp.append(k, String(item));
  return `/api/search?${usp}`;
}
