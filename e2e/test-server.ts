/**
 * A real izde server for the e2e run: embedded Meilisearch in a temporary folder, port 0, no rate limit, silent
 * logs, indexing the five seed articles (data/articles) and our fixtures (e2e/fixtures), allowing the given
 * origins (CORS_ORIGINS). close() stops the server and the engine and removes the folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { DEFAULT_STATIC_DIR } from '../server/config.js';
import type { CorsOrigins } from '../server/http/cors.js';
import { startServer } from '../server/start.js';

export const SEED_DIR = fileURLToPath(new URL('../data/articles/', import.meta.url));
export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(options: { corsOrigins?: CorsOrigins } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'izde-e2e-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const running = await startServer({
      engine: { url: undefined, masterKey: undefined, dataDir: join(dir, 'meilisearch'), indexName: 'articles' },
      server: {
        port: 0,
        host: '127.0.0.1',
        logLevel: 'silent',
        rateLimitPerMinute: 0,
        staticDir: DEFAULT_STATIC_DIR,
        corsOrigins: options.corsOrigins ?? [],
      },
      indexIfEmpty: [SEED_DIR, FIXTURE_DIR],
      logger: pino({ level: 'silent' }),
    });
    let closed: Promise<void> | undefined;
    return {
      url: running.url,
      close: () => (closed ??= running.close().finally(remove)),
    };
  } catch (err) {
    remove();
    throw err;
  }
}
