import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../engine/index.js';
import { Gateway, waitForTask } from '../engine/index.js';
import { API_ORIGIN, ingestRecords } from './ingest.js';
import type { Progress } from './progress.js';
import { runSync, syncSummaryLine } from './sync.js';

let dataDir: string;
let root: string;
let gateway: Gateway;
const quiet = (): Progress => ({ advance() {}, note() {}, stop() {} });
const sync = (paths: string[], extra: { missingIsEmpty?: boolean } = {}) =>
  runSync(gateway, { paths, progress: quiet, ...extra });

const page = (title: string, body: string) => `${title}\n\n${body}\n`;
const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
const jsonl = (records: object[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** Every stored article: id → origin and title. */
async function stored(): Promise<Map<string, { origin: string; title: string; hash: string }>> {
  const res = await gateway.admin
    .index<ArticleDocument>('articles')
    .getDocuments({ fields: ['id', 'origin', 'title', 'hash'], limit: 10_000 });
  return new Map(res.results.map((d) => [d.id, { origin: d.origin, title: d.title, hash: d.hash }]));
}

/** Uids of the document tasks Meilisearch has seen for the index (what was sent). */
async function documentTasks(): Promise<number> {
  const res = await gateway.admin.tasks.getTasks({
    indexUids: ['articles'],
    types: ['documentAdditionOrUpdate', 'documentDeletion'],
    limit: 1,
  });
  return res.results[0]?.uid ?? -1;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'izde-sync-'));
  gateway = await Gateway.open({ config: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles' } });
  await gateway.ensureIndex();
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'izde-sync-in-'));
  await waitForTask(gateway.admin, await gateway.admin.index('articles').deleteAllDocuments(), 'empty the index');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('runSync', () => {
  it('adds, then leaves alone, then follows an edit, a removal and an addition', async () => {
    const news = join(root, 'news');
    for (let i = 1; i <= 4; i++) write(join(news, `a${i}.txt`), page(`Хабар ${i}`, `Астанада ${i}-жиын өтті.`));
    write(
      join(news, 'day', 'feed.jsonl'),
      jsonl([
        { id: 'r/1', text: 'В Астане прошёл саммит.' },
        { id: 'r/2', text: 'Второй.' },
      ]),
    );

    const first = await sync([news]);
    expect(first).toMatchObject({ added: 6, updated: 0, unchanged: 0, deleted: 0, exitCode: 0, problems: [] });
    expect(syncSummaryLine(first)).toMatch(
      /^Synced 5 files in [\d.]+ s: added 6, updated 0, unchanged 0, deleted 0\.$/,
    );

    const lastTask = await documentTasks();
    const version = (await gateway.admin.getRawIndex('articles')).updatedAt;
    const again = await sync([news]);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 6, deleted: 0, exitCode: 0 });
    expect(await documentTasks()).toBe(lastTask); // nothing was sent
    expect((await gateway.admin.getRawIndex('articles')).updatedAt).toEqual(version);

    write(join(news, 'a1.txt'), page('Хабар 1 (түзетілген)', 'Астанада жиын өтті. Түзету.'));
    rmSync(join(news, 'a2.txt'));
    write(join(news, 'a9.txt'), page('Жаңа хабар', 'Жаңа мақала.'));
    const edited = await sync([news]);
    expect(syncSummaryLine(edited)).toContain('added 1, updated 1, unchanged 4, deleted 1');
    const docs = await stored();
    expect([...docs.keys()].sort()).toEqual(['a1', 'a3', 'a4', 'a9', 'r/1', 'r/2']);
    expect(docs.get('a1')?.title).toBe('Хабар 1 (түзетілген)');
  });

  it('leaves articles from other paths and from the admin API alone, whatever their paths look like', async () => {
    const news = join(root, 'x', 'news');
    write(join(news, 'n.txt'), page('N', 'Мәтін.'));
    write(join(root, 'x', 'newsroom', 'r.txt'), page('R', 'Мәтін.'));
    write(join(root, 'x', 'News', 'c.txt'), page('C', 'Мәтін.')); // another folder on a case-sensitive disk
    await sync([join(root, 'x')]);
    await ingestRecords(gateway, [{ value: { id: 'cms/1', text: 'Из редакции.' }, index: 0, where: '[0]' }]);

    rmSync(join(news, 'n.txt'));
    const result = await sync([news]);
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 0, deleted: 1 });
    const docs = await stored();
    expect([...docs.keys()].sort()).toEqual(['c', 'cms/1', 'r']);
    expect(docs.get('cms/1')?.origin).toBe(API_ORIGIN);
  });

  it('follows records removed from a file, and a record moved to another file (updated, not deleted)', async () => {
    const feeds = join(root, 'feeds');
    write(join(feeds, 'one.jsonl'), jsonl([1, 2, 3].map((i) => ({ id: `r${i}`, text: `Жазба ${i}.` }))));
    write(join(feeds, 'two.json'), JSON.stringify([{ id: 'r9', text: 'Жазба 9.' }]));
    await sync([feeds]);

    write(join(feeds, 'one.jsonl'), jsonl([1].map((i) => ({ id: `r${i}`, text: `Жазба ${i}.` }))));
    write(
      join(feeds, 'two.json'),
      JSON.stringify([
        { id: 'r9', text: 'Жазба 9.' },
        { id: 'r2', text: 'Жазба 2.' },
      ]),
    );
    const result = await sync([feeds]);
    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 2, deleted: 1 });
    expect((await stored()).get('r2')?.origin).toBe(join(feeds, 'two.json'));
  });

  it('a renamed file: its article goes under its new id, the old one is deleted', async () => {
    write(join(root, 'old-name.txt'), page('Атауы', 'Мәтін.'));
    await sync([root]);
    renameSync(join(root, 'old-name.txt'), join(root, 'new-name.txt'));
    expect(await sync([root])).toMatchObject({ added: 1, deleted: 1 });
    expect([...(await stored()).keys()]).toEqual(['new-name']);
  });

  it('a path that is gone deletes nothing (a typo, an unmounted disk) unless told that missing means empty', async () => {
    const gone = join(root, 'gone');
    write(join(gone, 'a.txt'), page('A', 'Мәтін.'));
    await sync([gone]);
    rmSync(gone, { recursive: true });
    const refused = await sync([gone]);
    expect(refused).toMatchObject({ deleted: 0, exitCode: 2 });
    expect(refused.problems[0]).toMatchObject({ where: gone, reason: /no such file or directory.*nothing .* deleted/ });
    expect((await stored()).size).toBe(1);
    expect(await sync([gone], { missingIsEmpty: true })).toMatchObject({ deleted: 1, exitCode: 0 });
  });

  it('an emptied folder holds no articles: everything that came from it is deleted', async () => {
    write(join(root, 'a.txt'), page('A', 'Мәтін.'));
    write(join(root, 'b.txt'), page('B', 'Мәтін.'));
    await sync([root]);
    rmSync(join(root, 'a.txt'));
    rmSync(join(root, 'b.txt'));
    expect(await sync([root])).toMatchObject({ files: 0, deleted: 2, exitCode: 0 });
  });

  it('keeps the articles of a file it cannot read whole, and says so', async () => {
    const feed = join(root, 'feed.jsonl');
    write(
      feed,
      jsonl([
        { id: 'k1', text: 'Бір.' },
        { id: 'k2', text: 'Екі.' },
      ]),
    );
    write(join(root, 'page.txt'), page('Бет', 'Мәтін.'));
    await sync([root]);
    // k2 removed, but a line that is not JSON could have been anything: nothing of this file is deleted.
    write(feed, `${JSON.stringify({ id: 'k1', text: 'Бір.' })}\n{ not json\n`);
    write(join(root, 'page.txt'), ''); // an empty page: reported, its article stays
    const result = await sync([root]);
    expect(result).toMatchObject({ unchanged: 1, deleted: 0, kept: 2, exitCode: 1 });
    expect(result.problems.map((p) => p.where).sort()).toEqual([`${feed}:2`, join(root, 'page.txt')]);
    expect(syncSummaryLine(result)).toMatch(
      /deleted 0; kept 2 articles of files or folders that could not be read; 2 skipped/,
    );
    expect([...(await stored()).keys()].sort()).toEqual(['k1', 'k2', 'page']);
  });

  it('the last of two records with one id wins, every time', async () => {
    write(
      join(root, 'dupes.jsonl'),
      jsonl([
        { id: 'd', title: 'Бірінші', text: 'Бір.' },
        { id: 'd', title: 'Екінші', text: 'Екі.' },
      ]),
    );
    const first = await sync([root]);
    expect(first.duplicateIds).toEqual(['d']);
    expect((await stored()).get('d')?.title).toBe('Екінші');
    await sync([root]);
    expect((await stored()).get('d')?.title).toBe('Екінші');
  });

  it('a single file can be synced on its own', async () => {
    const a = join(root, 'a.jsonl');
    write(
      a,
      jsonl([
        { id: 'a1', text: 'Бір.' },
        { id: 'a2', text: 'Екі.' },
      ]),
    );
    write(join(root, 'b.txt'), page('B', 'Мәтін.'));
    await sync([root]);
    write(a, jsonl([{ id: 'a1', text: 'Бір.' }]));
    expect(await sync([a])).toMatchObject({ unchanged: 1, deleted: 1 });
    expect([...(await stored()).keys()].sort()).toEqual(['a1', 'b']);
  });
});
