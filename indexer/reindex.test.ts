/**
 * `npm run reindex`: a new index with the current analyzers swapped in, while writers write and readers search.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../analyzers/index.js';
import type { ArticleDocument } from '../engine/index.js';
import { analyzerVersions, documentKey, sleep, waitForTask } from '../engine/index.js';
import { createLogger } from '../server/logger.js';
import { startTestServer, type TestServer } from '../server/testing.js';
import { deleteArticles } from './delete.js';
import { API_ORIGIN, ingestRecords } from './ingest.js';
import type { Progress } from './progress.js';
import { reindex, reindexPrefix } from './reindex.js';
import { runSync } from './sync.js';

const CORPUS = [
  'data/articles',
  'server/fixtures/articles.jsonl',
  'e2e/fixtures/e2e-articles.json',
  'e2e/fixtures/e2e-wheat.jsonl',
];
const QUERIES = ['ШОС', 'Қазақстан', 'саммит', 'Brexit', 'министр', 'бидай', 'Астана', ''];
const lines: string[] = [];
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    indexIfEmpty: CORPUS,
    logger: createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } }),
  });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const index = () => server.gateway.admin.index<ArticleDocument>('articles');
const quiet = (): Progress => ({ advance() {}, note() {}, stop() {} });

/** An article as an older izde would have stored it: another analyzer version, stale term fields. */
async function plantOldArticle(id: string): Promise<void> {
  await ingestRecords(server.gateway, [
    { value: { id, title: 'Ескі нұсқа', text: 'Ескі талдаумен сақталған мақала.' }, index: 0, where: '[0]' },
  ]);
  const task = await index().updateDocuments([{ key: documentKey(id), av: 'an-older-version', title_s: 'stale keys' }]);
  await waitForTask(server.gateway.admin, task, 'age an article');
}

async function search(q: string): Promise<{ status: number; total: number; ids: string[] }> {
  const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&limit=50`, {
    headers: { 'cache-control': 'no-cache' },
  });
  const body = (await res.json()) as { total: number; hits: { id: string }[] };
  return { status: res.status, total: body.total, ids: body.hits?.map((h) => h.id) ?? [] };
}

describe('npm run reindex', () => {
  it('the server warns about articles of another analyzer version, and health shows the versions', async () => {
    await plantOldArticle('old/1');
    const health = await server.get('/api/health');
    expect(health.body).toMatchObject({
      status: 'ok',
      analyzerVersion: ANALYZER_VERSION,
      indexAnalyzerVersions: { [ANALYZER_VERSION]: expect.any(Number), 'an-older-version': 1 },
    });
    expect(lines.join('')).toMatch(
      /holds 1 article analyzed with another analyzer version \(an-older-version: 1\).*npm run reindex/,
    );
  });

  it('runs as its own process while searches keep getting the same answers, then health shows one version', async () => {
    const before = new Map<string, { total: number; ids: string[] }>();
    for (const q of QUERIES) {
      const r = await search(q);
      expect(r.status).toBe(200);
      before.set(q, { total: r.total, ids: r.ids });
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/reindex-cli.ts'], {
      env: { ...process.env, MEILI_DB_PATH: server.dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let running = true;
    void exited.then(() => (running = false));

    const answers: { q: string; status: number; total: number }[] = [];
    const reader = async (offset: number) => {
      for (let i = offset; running; i++) {
        const q = QUERIES[i % QUERIES.length] ?? '';
        const r = await search(q).catch(() => ({ status: 0, total: -1, ids: [] }));
        answers.push({ q, status: r.status, total: r.total });
      }
    };
    await Promise.all([reader(0), reader(3), reader(5)]);
    const code = await exited;
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(
      /^Reindexed \d+ articles with analyzer version \S+ in [\d.]+ s; the new index was swapped in\.$/m,
    );
    expect(answers.length).toBeGreaterThan(QUERIES.length);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]); // every search answered…
    expect(answers.filter((a) => a.total !== before.get(a.q)?.total)).toEqual([]); // …with the same totals
    for (const q of QUERIES) expect((await search(q)).ids, q).toEqual(before.get(q)?.ids);

    const health = await server.get('/api/health');
    expect(health.body.indexAnalyzerVersions).toEqual({ [ANALYZER_VERSION]: health.body.documents });
    expect(lines.join('')).toMatch(/is analyzed with \S+ again/);
    const indexes = (await server.gateway.admin.getIndexes({ limit: 100 })).results.map((i) => i.uid);
    expect(indexes.filter((uid) => uid.startsWith(reindexPrefix('articles')))).toEqual([]);
  }, 180_000);

  it('carries over what writers did during the copy', async () => {
    await ingestRecords(server.gateway, [
      { value: { id: 'live/doomed', text: 'Жойылатын мақала.' }, index: 0, where: '[0]' },
    ]);
    // An article from a feed file, which the CMS will push unchanged during the copy: same content, another origin.
    const feed = join(mkdtempSync(join(tmpdir(), 'izde-reindex-feed-')), 'feed.jsonl');
    const moved = { id: 'live/moved', text: 'Редакция жіберген мақала: түйеқұс.' };
    writeFileSync(feed, `${JSON.stringify(moved)}\n${JSON.stringify({ id: 'live/stays', text: 'Қалған мақала.' })}\n`);
    expect((await runSync(server.gateway, { paths: [feed], progress: quiet })).added).toBe(2);
    const count = (await index().getStats()).numberOfDocuments;
    let writes: Promise<unknown> | undefined;
    let pushed: Promise<unknown> | undefined;
    let copiedSoFar = 0;
    const progress = (total: number): Progress => ({
      advance() {
        // Once every article has been read for the copy: the CMS pushes the feed's article, unchanged.
        if (++copiedSoFar === total)
          pushed ??= ingestRecords(server.gateway, [{ value: moved, index: 0, where: '[0]' }]);
        // Once the copy has begun: an article added, one replaced, one deleted, by other writers.
        writes ??= Promise.all([
          ingestRecords(server.gateway, [
            { value: { id: 'live/new', text: 'Көшіру кезінде қосылған мақала: арыстан.' }, index: 0, where: '[0]' },
            {
              value: {
                id: 'fx/ru/nato',
                title: 'Генсек НАТО (исправлено)',
                text: 'Генсек НАТО посетил Брюссель и Вильнюс.',
              },
              index: 1,
              where: '[1]',
            },
          ]),
          deleteArticles(server.gateway, ['live/doomed']),
        ]);
      },
      note() {},
      stop() {},
    });
    const result = await reindex(server.gateway, { progress, pageSize: 5, batchDocuments: 5 });
    await Promise.all([writes, pushed]);
    expect(pushed).toBeDefined();
    expect(result.documents).toBe(count); // one added, one deleted
    expect((await index().getStats()).numberOfDocuments).toBe(count);
    expect((await search('арыстан')).ids).toEqual(['live/new']);
    expect((await index().getDocument(documentKey('fx/ru/nato'))).title).toBe('Генсек НАТО (исправлено)');
    expect((await search('Жойылатын')).total).toBe(0);
    expect(await analyzerVersions(server.gateway.admin, 'articles')).toEqual({ [ANALYZER_VERSION]: count });
    // The pushed article is the CMS's now: the feed's next edition without it leaves it alone.
    expect((await index().getDocument(documentKey('live/moved'))).origin).toBe(API_ORIGIN);
    writeFileSync(feed, `${JSON.stringify({ id: 'live/stays', text: 'Қалған мақала.' })}\n`);
    expect(await runSync(server.gateway, { paths: [feed], progress: quiet })).toMatchObject({
      unchanged: 1,
      deleted: 0,
    });
    expect((await search('түйеқұс')).ids).toEqual(['live/moved']);
    rmSync(join(feed, '..'), { recursive: true, force: true });
  }, 120_000);

  it('killed half-way, it leaves the live index as it was; run again, it cleans up and finishes', async () => {
    const before = await search('саммит');
    const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/reindex-cli.ts'], {
      env: { ...process.env, MEILI_DB_PATH: server.dataDir },
    });
    const closed = new Promise((resolve) => child.on('close', resolve));
    const sideExists = async () =>
      (await server.gateway.admin.getIndexes({ limit: 100 })).results.some((i) =>
        i.uid.startsWith(reindexPrefix('articles')),
      );
    for (let i = 0; !(await sideExists()); i++) {
      if (i > 600) throw new Error('the reindex never created its side index');
      await sleep(50);
    }
    child.kill('SIGKILL');
    await closed;
    expect(await search('саммит')).toEqual(before);

    const notes: string[] = [];
    const result = await reindex(server.gateway, { onNote: (m) => notes.push(m) });
    expect(notes.join('\n')).toMatch(/Removing articles_reindex_\S+, left by an earlier reindex/);
    expect(result.documents).toBe((await index().getStats()).numberOfDocuments);
    expect(await sideExists()).toBe(false);
    expect(await search('саммит')).toEqual(before);
  }, 120_000);
});
