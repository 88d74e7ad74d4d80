import { afterAll, beforeAll, expect } from 'vitest';
import { searchPath, startTestServer, type TestServer } from './testing.js';

/** A search hit as the engine tests read it. */
export interface TestHit {
  id: string;
  title: string;
  titleHtml: string;
  snippet: string;
}

/** What an engine test searches through: the running server, and /api/search with a 200 asserted. */
export interface ArticlesServer {
  readonly server: TestServer;
  search(params: Record<string, string | number>): Promise<{ total: number; hits: TestHit[] }>;
}

/**
 * A server over a test file's own articles, on the real engine, for the tests of the enclosing block (or file): started
 * before them — the engine and the indexing take seconds — and stopped after them.
 */
export function articlesServer(articles: readonly object[]): ArticlesServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer({ articles });
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  });
  const running = (): TestServer => {
    if (!started) throw new Error('the test server is not started (call articlesServer at the top of a block)');
    return started;
  };
  return {
    get server() {
      return running();
    },
    async search(params) {
      const res = await running().get(searchPath(params));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    },
  };
}
