/**
 * `npm run index -- --watch` as a real process: files added, changed, removed and renamed are followed, a burst of
 * changes is one batch, editors' temporary files and half-written files are not read.
 */
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../engine/index.js';
import { Gateway, sleep } from '../engine/index.js';
import { spawnIndexCli } from './testing.js';
import { ignoredPath, outermost, watchPaths } from './watch.js';

describe('what the watcher follows', () => {
  const roots = ['/srv/news', '/data/me/.archive'];
  it.each([
    ['/srv/news/a.txt', false],
    ['/srv/news/2024/b.jsonl', false],
    ['/srv/news/.a.txt.swp', true],
    ['/srv/news/.#a.txt', true],
    ['/srv/news/#a.txt#', true],
    ['/srv/news/a.txt~', true],
    ['/srv/news/a.txt.tmp', true],
    ['/srv/news/a.json.part', true],
    ['/srv/news/a.txt___jb_tmp___', true],
    ['/srv/news/4913', true],
    ['/srv/news/.git/config', true],
    ['/srv/news/.hidden/a.txt', true],
    ['/data/me/.archive/a.txt', false], // a hidden root is still watched
    ['/srv', false], // on the way to a root
  ])('%s ignored: %s', (path, ignored) => {
    expect(ignoredPath(path, roots)).toBe(ignored);
  });

  it('files of other types are ignored once they are known to be files', () => {
    const file = { isFile: () => true } as import('node:fs').Stats;
    const dir = { isFile: () => false } as import('node:fs').Stats;
    expect(ignoredPath('/srv/news/notes.md', roots, file)).toBe(true);
    expect(ignoredPath('/srv/news/2024.09', roots, dir)).toBe(false);
    expect(ignoredPath('/srv/news/a.HTML', roots, file)).toBe(false);
  });

  it('a batch syncs each changed folder once, not its files again', () => {
    expect(outermost(['/a/b/c.txt', '/a/b', '/a/bb.txt', '/d/e.txt', '/a/b/c.txt'])).toEqual([
      '/a/b',
      '/a/bb.txt',
      '/d/e.txt',
    ]);
  });
});

let dataDir: string;
let gateway: Gateway;
const dirs: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'izde-watch-'));
  dirs.push(dataDir);
  gateway = await Gateway.open({ config: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles' } });
  await gateway.ensureIndex();
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function ids(): Promise<string[]> {
  const res = await gateway.admin.index<ArticleDocument>('articles').getDocuments({ fields: ['id'], limit: 1000 });
  return res.results.map((d) => d.id).sort();
}

async function until<T>(what: string, check: () => Promise<T> | T, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await sleep(100);
  }
}

const page = (title: string) => `${title}\n\nАстанада жиын өтті. ${title}.\n`;

describe('watchPaths', () => {
  it('syncs a new folder whole once its files are written, so a file the events missed comes too', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'izde-watch-dir-'));
    dirs.push(folder);
    const batches: string[][] = [];
    const watching = await watchPaths(gateway, {
      paths: [folder],
      quietMs: 200,
      writeFinishMs: 200,
      onSync: (_result, paths, initial) => {
        if (!initial) batches.push([...paths]);
      },
      onError: (err) => {
        throw err;
      },
    });
    try {
      const fresh = join(folder, 'fresh');
      mkdirSync(fresh);
      writeFileSync(join(fresh, 'new.txt'), page('Жаңа'));
      await until('the new folder', ids, (v) => v.includes('new'));
      await until(
        'its batch',
        () => batches.flat(),
        (paths) => paths.includes(resolve(fresh)),
      );
      // The folder removed, its article goes (and the index is as the next test expects it).
      rmSync(fresh, { recursive: true });
      await until('the folder removed', ids, (v) => !v.includes('new'));
    } finally {
      await watching.close();
    }
  }, 60_000);
});

describe('npm run index -- --watch (a real process)', () => {
  it('follows additions, changes, removals and renames; ignores temporary and half-written files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'izde-watch-in-'));
    dirs.push(folder);
    writeFileSync(join(folder, 'one.txt'), page('Бір'));
    writeFileSync(join(folder, 'two.txt'), page('Екі'));
    const watch = spawnIndexCli(['--watch', folder], { MEILI_DB_PATH: dataDir });
    try {
      await until(
        'the watcher to start',
        () => watch.output().stdout,
        (s) => /Watching /.test(s),
        60_000,
      );
      expect(watch.output().stdout).toMatch(/added 2, updated 0, unchanged 0, deleted 0/);
      expect(await ids()).toEqual(['one', 'two']);

      // A burst: twelve new files and an edit in one go is one batch.
      const before = watch.output().stdout.split('\n').length;
      mkdirSync(join(folder, 'burst'));
      for (let i = 0; i < 12; i++) writeFileSync(join(folder, 'burst', `b${i}.txt`), page(`Топ ${i}`));
      writeFileSync(join(folder, 'one.txt'), page('Бір түзетілді'));
      await until('the burst', ids, (v) => v.length === 14);
      await sleep(1500);
      const batches = watch
        .output()
        .stdout.split('\n')
        .slice(before - 1)
        .filter((l) => /Synced/.test(l));
      expect(batches).toHaveLength(1);
      expect(batches[0]).toMatch(/added 12, updated 1, unchanged 0, deleted 0/);

      // Removed, renamed; editors' files come and go without a trace.
      rmSync(join(folder, 'two.txt'));
      renameSync(join(folder, 'burst', 'b0.txt'), join(folder, 'burst', 'renamed.txt'));
      writeFileSync(join(folder, '.one.txt.swp'), 'vim swap');
      writeFileSync(join(folder, 'one.txt~'), 'backup');
      writeFileSync(join(folder, '#one.txt#'), 'emacs autosave');
      writeFileSync(join(folder, 'notes.md'), 'not an article');
      await until(
        'the removal and the rename',
        ids,
        (v) => !v.includes('two') && v.includes('renamed') && !v.includes('b0'),
      );

      // A file written slowly is read once it is whole.
      const slow = join(folder, 'slow.txt');
      writeFileSync(slow, 'Баяу жазылған хабар\n\nБірінші жарты');
      for (let i = 0; i < 3; i++) {
        await sleep(150);
        appendFileSync(slow, ' және тағы бір бөлігі');
      }
      appendFileSync(slow, '. Соңы.\n');
      await until('the slow file', ids, (v) => v.includes('slow'));
      const doc = await gateway.admin.index<ArticleDocument>('articles').getDocument(await keyOf('slow'));
      expect(doc.body).toMatch(/Соңы\.$/);
      expect(await ids()).toEqual(
        ['one', 'renamed', 'slow', ...Array.from({ length: 11 }, (_, i) => `b${i + 1}`)].sort(),
      );
      expect(watch.output().stderr).not.toMatch(/swp|one\.txt~|#one|notes\.md/);
    } finally {
      watch.child.kill('SIGINT');
      const out = await watch.done;
      expect(out.code).toBe(130);
    }
  }, 180_000);
});

async function keyOf(id: string): Promise<string> {
  const { documentKey } = await import('../engine/index.js');
  return documentKey(id);
}
