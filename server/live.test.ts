/**
 * Every change is seen at once, whoever makes it: here another process (the indexer CLI, as a nightly sync or a
 * takedown runs it) adds, replaces and deletes articles while the server answers from its caches — the result cache
 * and ETags, the suggester's completions (both keyed by the index version) and highlights (keyed by content).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndexCli } from '../indexer/testing.js';
import { startTestServer, type TestServer } from './testing.js';

let server: TestServer;
let folder: string;

beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles'] });
  folder = mkdtempSync(join(tmpdir(), 'izde-live-'));
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const cli = async (args: string[]) => {
  const r = await runIndexCli(args, { MEILI_DB_PATH: server.dataDir });
  expect(r.code, r.stderr).toBe(0);
  return r;
};
const search = async (q: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`, { headers });
  return { status: res.status, etag: res.headers.get('etag'), body: res.status === 200 ? await res.json() : null };
};
const suggest = async (q: string): Promise<string[]> =>
  (await server.get(`/api/suggest?q=${encodeURIComponent(q)}`)).body.suggestions.map((s: { text: string }) => s.text);

describe('changes made by another process are seen by the next request', () => {
  it('added, replaced, deleted: search, ETags, suggestions, highlights and the article follow at once', async () => {
    // Asked before the change, so the answers are cached (in the server, and as ETags in a browser).
    const empty = await search('жирафтар');
    expect(empty.body.total).toBe(0);
    expect(await suggest('жираф')).toEqual([]);

    writeFileSync(
      join(folder, 'zoo.txt'),
      'Жирафтар туралы жаңалық\n\nАлматы хайуанаттар бағына екі жираф әкелінді.\n',
    );
    await cli(['--sync', folder]);
    const added = await search('жирафтар');
    expect(added.body.total).toBe(1);
    expect(added.body.hits[0].titleHtml).toBe('<mark>Жирафтар</mark> туралы жаңалық');
    expect(added.body.hits[0].snippet).toContain('екі <mark>жираф</mark> әкелінді');
    expect((await search('жирафтар', { 'if-none-match': empty.etag ?? '' })).status).toBe(200); // the old tag is stale
    expect((await search('жирафтар', { 'if-none-match': added.etag ?? '' })).status).toBe(304);
    expect(await suggest('жираф')).toContain('жирафтар');
    // Asked while typing: the completions of «әкелін» (kept by the suggester under this index version).
    expect(await suggest('әкелін')).toContain('әкелінді');
    expect((await search('әкелін')).body.total).toBe(1);

    // Replaced: the same article, another text. The old words go from search and suggestions, marks follow the text.
    writeFileSync(
      join(folder, 'zoo.txt'),
      'Жирафтар туралы жаңалық\n\nБақ қыста жабық: піл мен жираф жылы үйде тұрады.\n',
    );
    await cli(['--sync', folder]);
    expect((await search('әкелінді')).body.total).toBe(0);
    const replaced = await search('жирафтар');
    expect(replaced.body.hits[0].snippet).toContain('піл мен <mark>жираф</mark> жылы');
    expect(await suggest('әкелін')).toEqual([]);
    expect((await search('әкелін')).body.total).toBe(0);
    expect((await server.get('/api/articles/zoo')).body.body).toMatch(/^Бақ қыста жабық/);

    // Taken down.
    const out = await cli(['--delete', 'zoo']);
    expect(out.stdout).toMatch(/Deleted 1 article\./);
    expect((await search('жирафтар')).body.total).toBe(0);
    expect(await suggest('жираф')).toEqual([]);
    expect((await server.get('/api/articles/zoo')).status).toBe(404);
  }, 120_000);

  it('deleted while searches run: every search answered, counts only fall, gone once the delete returns', async () => {
    const takedown = mkdtempSync(join(tmpdir(), 'izde-live-delete-'));
    try {
      for (let i = 1; i <= 5; i++) {
        writeFileSync(join(takedown, `kit-${i}.txt`), `Киттер туралы ${i}\n\nКаспийде ${i}-кит байқалды.\n`);
      }
      await cli(['--sync', takedown]);
      expect((await search('киттер')).body.total).toBe(5);
      expect((await search('каспийде')).body.total).toBe(5); // cached now, and asked by no reader below

      let running = true;
      const seen: { status: number; total: number }[][] = [[], [], []];
      const readers = seen.map(async (answers, r) => {
        for (let i = 0; running; i++) {
          // Half the readers ask the cache, half the engine: both must follow.
          const res = await search('киттер', i % 2 === r % 2 ? {} : { 'cache-control': 'no-cache' });
          answers.push({ status: res.status, total: res.body?.total ?? -1 });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const out = await cli(['--delete', 'kit-2', 'kit-4']);
      expect(out.stdout).toMatch(/Deleted 2 articles\./);
      const right = await search('каспийде');
      running = false;
      await Promise.all(readers);

      expect(right.body.total).toBe(3);
      expect(right.body.hits.map((h: { id: string }) => h.id).sort()).toEqual(['kit-1', 'kit-3', 'kit-5']);
      for (const answers of seen) {
        expect(answers.length).toBeGreaterThan(0);
        expect(answers.filter((a) => a.status !== 200)).toEqual([]);
        const totals = answers.map((a) => a.total);
        expect(totals.every((t) => t >= 3 && t <= 5)).toBe(true);
        expect(totals).toEqual([...totals].sort((a, b) => b - a)); // never back up once fallen
      }
    } finally {
      rmSync(takedown, { recursive: true, force: true });
    }
  }, 120_000);

  it('a request never takes an index version read before the change it follows', async () => {
    const { IndexVersion } = await import('./http/index-version.js');
    const version = new IndexVersion(server.gateway);
    const before = await version.get();
    // Another writer (the admin client stands in for another process: the server is not told) changes the index…
    const index = server.gateway.admin.index('articles');
    const { waitForTask } = await import('../engine/index.js');
    await waitForTask(
      server.gateway.admin,
      await index.addDocuments([{ key: 'version-probe', id: 'probe' }]),
      'a write',
    );
    // …and the next read, however soon, sees a new version; reads under way when it asks are not reused.
    const [during, after] = await Promise.all([version.get(), version.get()]);
    expect(during).not.toBe(before);
    expect(after).toBe(during);
    await waitForTask(server.gateway.admin, await index.deleteDocument('version-probe'), 'tidy up');
    expect(await version.get()).not.toBe(during);
  });
});
