import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../engine/index.js';
import { type ExternalMeilisearch, startExternalMeilisearch } from '../engine/testing.js';
import { runIndexer } from '../indexer/run.js';
import { startTestServer, type TestServer } from '../server/testing.js';
import { BackupError } from './errors.js';
import { writeBackup } from './export.js';
import { restoreBackup } from './import.js';
import { runBackupCli } from './testing.js';

const quiet = () => ({ advance() {}, note() {}, stop() {} });
const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** Requests whose answers must be the same before the backup and after the restore. */
const REQUESTS = [
  '/api/health',
  '/api/search?limit=100',
  '/api/search?q=%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD%D0%BD%D1%8B%D2%A3', // Қазақстанның
  '/api/search?q=%D0%A8%D0%9E%D0%A1', // ШОС
  '/api/search?q=SCO&lang=ru&lang=kk',
  '/api/search?q=%D0%9D%D0%90%D0%A2%D0%9E', // НАТО
  '/api/search?q=Brexit',
  '/api/search?q=rfpf%5Bcnfy', // wrong layout
  '/api/search?q=&sort=date_asc&limit=3&page=2',
  '/api/search?q=%D0%BA%D0%B0%D0%B7%D0%B0%D0%BA%D1%81%D1%82%D0%B0%D0%BD&year=2025&org=CIS', // казакстан
  '/api/suggest?q=%D2%9A%D0%B0%D0%B7', // Қаз
  '/api/suggest?q=Qaz',
];

async function answers(server: TestServer): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const ids: string[] = [];
  for (const path of REQUESTS) {
    const res = await server.get(path);
    expect(res.status, path).toBe(200);
    const { tookMs: _took, ...body } = res.body;
    out[path] = body;
    if (path === '/api/search?limit=100') ids.push(...res.body.hits.map((h: { id: string }) => h.id));
  }
  for (const id of ids) out[`article ${id}`] = (await server.get(`/api/articles/${encodeURIComponent(id)}`)).body;
  return out;
}

async function allDocuments(gateway: Gateway): Promise<unknown[]> {
  return (await gateway.admin.index(gateway.indexName).getDocuments({ limit: 10_000 })).results;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore on the embedded engine', () => {
  let source: TestServer;
  let file: string;
  let before: Record<string, unknown>;

  beforeAll(async () => {
    source = await startTestServer({ indexIfEmpty: ['data/articles', 'server/fixtures'] });
    before = await answers(source);
    file = join(temp('izde-backup-'), 'articles.izde');
  }, 120_000);
  afterAll(async () => {
    await source?.stop();
  });

  it('backs up while the server runs (a separate process sharing its engine)', async () => {
    const out = await runBackupCli('backup', [file], { MEILI_DB_PATH: source.dataDir });
    expect(out.stderr).toMatch(/Reusing the Meilisearch already running/);
    expect(out.stdout).toMatch(
      /^Backed up 12 articles of index "articles" \(analyzer version \S+, Meilisearch 1\.21\.\d+\)/,
    );
    expect(out.code).toBe(0);
    expect((await source.get('/api/health')).body.documents).toBe(12); // the server kept serving
  }, 60_000);

  it('backup → empty folder → restore gives the same documents and the same answers', async () => {
    const target = temp('izde-restore-');
    const out = await runBackupCli('restore', [file], { MEILI_DB_PATH: target });
    expect(out.stdout).toMatch(/^Restored 12 articles into index "articles" \(backup of /);
    expect(out.code).toBe(0);
    const restored = await startTestServer({ dataDir: target });
    try {
      expect(await allDocuments(restored.gateway)).toEqual(await allDocuments(source.gateway));
      expect(await restored.gateway.admin.index('articles').getSettings()).toEqual(
        await source.gateway.admin.index('articles').getSettings(),
      );
      expect(await answers(restored)).toEqual(before);
      // No side index is left behind.
      const indexes = (await restored.gateway.admin.getIndexes()).results.map((i) => i.uid);
      expect(indexes).toEqual(['articles']);
    } finally {
      await restored.stop();
    }
  }, 120_000);

  it('refuses an index that holds articles without --force; --force replaces them in one step', async () => {
    const extra = temp('izde-extra-');
    writeFileSync(join(extra, 'late.txt'), 'Кеш келген мақала\n\nБұл мақала сақтық көшірмеден кейін келді.');
    await runIndexer(source.gateway, { paths: [extra], progress: quiet });
    expect(await source.gateway.documentCount()).toBe(13);

    const refused = await runBackupCli('restore', [file], { MEILI_DB_PATH: source.dataDir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds 13 articles; restoring would replace them\. Add --force/);
    expect(await source.gateway.documentCount()).toBe(13);

    const forced = await runBackupCli('restore', ['--force', file], { MEILI_DB_PATH: source.dataDir });
    expect(forced.stdout).toMatch(/Restored 12 articles into index "articles", replacing 13/);
    expect(forced.code).toBe(0);
    expect(await source.gateway.documentCount()).toBe(12);
    // The running server answers from the restored index without a restart (its caches follow the index version).
    await new Promise((r) => setTimeout(r, 1100));
    expect(await answers(source)).toEqual(before);
  }, 120_000);

  describe('a damaged backup file is refused and changes nothing', () => {
    let target: TestServer;
    beforeAll(async () => {
      target = await startTestServer();
    }, 60_000);
    afterAll(async () => {
      await target?.stop();
    });
    /** Only the (empty) index the server created at start: no side index, no documents. */
    const expectUntouched = async () => {
      expect((await target.gateway.admin.getIndexes()).results.map((i) => i.uid)).toEqual(['articles']);
      expect(await target.gateway.documentCount()).toBe(0);
    };

    it.each([
      ['truncated', (gz: Buffer) => gz.subarray(0, Math.floor(gz.length * 0.6)), /not a complete izde backup/],
      ['cut after a document (no end record)', (gz: Buffer) => gzipSync(cutLines(gz, -1)), /truncated/],
      ['with a document changed', (gz: Buffer) => gzipSync(editLine(gz, 3)), /damaged: its end record promises 12/],
      ['with a document missing', (gz: Buffer) => gzipSync(dropLine(gz, 4)), /damaged: its end record promises 12/],
      ['not gzip', () => Buffer.from('{"hello":"world"}\n'), /not a complete izde backup/],
      ['another gzip file', () => gzipSync('{"hello":"world"}\n'), /not an izde backup/],
      ['empty', () => Buffer.alloc(0), /not a complete izde backup|empty/],
      [
        'from a newer izde',
        (gz: Buffer) => gzipSync(gunzipSync(gz).toString().replace('"formatVersion":1', '"formatVersion":99')),
        /format version 99/,
      ],
    ])('%s', async (_name, damage, message) => {
      const bad = join(temp('izde-bad-'), 'bad.izde');
      writeFileSync(bad, damage(readFileSync(file)));
      const failure = await restoreBackup(target.gateway, { from: bad }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(BackupError);
      expect((failure as BackupError).code).toBe('RESTORE_BAD_FILE');
      expect((failure as Error).message).toMatch(message);
      expect((failure as Error).message).toMatch(/nothing was changed|format version/);
      await expectUntouched();
    });

    it('the CLI says why in one line and exits 2', async () => {
      const bad = join(temp('izde-bad-'), 'bad.izde');
      writeFileSync(bad, readFileSync(file).subarray(0, 2000));
      const out = await runBackupCli('restore', [bad], { MEILI_DB_PATH: target.dataDir });
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/not a complete izde backup .*; nothing was changed\./);
      expect(out.stderr).not.toMatch(/\n\s+at /); // no stack trace
      await expectUntouched();
    }, 60_000);
  });

  it('a missing file and usage errors exit 2 with a message', async () => {
    const missing = await runBackupCli('restore', ['/nonexistent/backup.izde'], { MEILI_DB_PATH: temp('izde-m-') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ENOENT.*\/nonexistent\/backup\.izde/);
    const usage = await runBackupCli('backup', []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run backup -- FILE/);
  }, 60_000);

  it('pages through the index (memory holds one page), and copies again when the index changed meanwhile', async () => {
    const out = join(temp('izde-pages-'), 'b.izde');
    const extra = temp('izde-during-');
    writeFileSync(join(extra, 'during.txt'), 'Көшірме кезінде\n\nБұл мақала көшірме жасалып жатқанда келді.');
    let added = false;
    const result = await writeBackup(source.gateway, {
      to: out,
      pageSize: 5,
      onProgress: async (written) => {
        if (!added && written === 5) {
          added = true;
          await runIndexer(source.gateway, { paths: [extra], progress: quiet }); // awaited: its task has finished
        }
      },
    });
    expect(result.attempts).toBe(2);
    expect(result.documents).toBe(13);
    const lines = gunzipSync(readFileSync(out)).toString().trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 13 + 1);
    expect(lines.some((l) => l.includes('"during"'))).toBe(true);
  }, 60_000);
});

describe('backup and restore with MEILI_URL (an engine whose disk we cannot reach)', () => {
  let a: ExternalMeilisearch;
  let b: ExternalMeilisearch;
  let source: TestServer;

  beforeAll(async () => {
    a = await startExternalMeilisearch(temp('izde-ext-a-'));
    b = await startExternalMeilisearch(temp('izde-ext-b-'));
    source = await startTestServer({
      engine: { url: a.url, masterKey: a.masterKey },
      indexIfEmpty: ['data/articles', 'server/fixtures'],
    });
  }, 120_000);
  afterAll(async () => {
    await source?.stop();
    await a?.kill();
    await b?.kill();
  });

  it('streams the index out of one engine and into another, with the same answers', async () => {
    const file = join(temp('izde-ext-file-'), 'ext.izde');
    const backup = await runBackupCli('backup', [file], { MEILI_URL: a.url, MEILI_MASTER_KEY: a.masterKey });
    expect(backup.code, backup.stderr).toBe(0);
    const restore = await runBackupCli('restore', [file], { MEILI_URL: b.url, MEILI_MASTER_KEY: b.masterKey });
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await startTestServer({ engine: { url: b.url, masterKey: b.masterKey } });
    try {
      expect(await allDocuments(restored.gateway)).toEqual(await allDocuments(source.gateway));
      expect(await answers(restored)).toEqual(await answers(source));
    } finally {
      await restored.stop();
    }
  }, 120_000);
});

function lines(gz: Buffer): string[] {
  return gunzipSync(gz).toString().trimEnd().split('\n');
}
function cutLines(gz: Buffer, end: number): string {
  return `${lines(gz).slice(0, end).join('\n')}\n`;
}
function editLine(gz: Buffer, at: number): string {
  const all = lines(gz);
  const doc = JSON.parse(all[at] ?? '{}');
  doc.title = `${doc.title} (edited)`;
  all[at] = JSON.stringify(doc);
  return `${all.join('\n')}\n`;
}
function dropLine(gz: Buffer, at: number): string {
  const all = lines(gz);
  all.splice(at, 1);
  return `${all.join('\n')}\n`;
}
