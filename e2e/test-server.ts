/**
 * A real izde server for the e2e run: embedded Meilisearch in a temporary folder, port 0, no rate limit, silent
 * logs, indexing the five seed articles (data/articles) and our fixtures (e2e/fixtures), allowing the given
 * origins (CORS_ORIGINS). close() stops the server and the engine and removes the folder.
 */
import { fileURLToPath } from 'node:url';
import type { CorsOrigins } from '../server/http/cors.js';
import { startTestServer as startServerForTests } from '../server/testing.js';

export const SEED_DIR = fileURLToPath(new URL('../data/articles/', import.meta.url));
export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(options: { corsOrigins?: CorsOrigins } = {}): Promise<TestServer> {
  const running = await startServerForTests({
    indexIfEmpty: [SEED_DIR, FIXTURE_DIR],
    server: { corsOrigins: options.corsOrigins ?? [] },
  });
  let closed: Promise<void> | undefined;
  return { url: running.url, close: () => (closed ??= running.stop()) };
}
