import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKey, Gateway } from '../engine/index.js';
import type { Progress } from './progress.js';
import { runIndexer, summaryLine } from './run.js';
import { runIndexCli } from './testing.js';

let dataDir: string;
let inputs: string;
let gateway: Gateway;
const quiet = (): Progress => ({ advance() {}, note() {}, stop() {} });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'izde-indexer-'));
  inputs = mkdtempSync(join(tmpdir(), 'izde-inputs-'));
  mkdirSync(join(inputs, 'nested', 'deeper'), { recursive: true });
  writeFileSync(
    join(inputs, 'good.txt'),
    'Астанада саммит өтті\n\n2024 жылғы 4 шілдеде Астанада ШЫҰ саммиті өтті. Қазақстан Президенті сөз сөйледі.',
  );
  writeFileSync(
    join(inputs, 'nested', 'records.jsonl'),
    [
      JSON.stringify({
        id: 'r/1',
        lang: 'ru',
        title: 'Саммит ШОС',
        date: '2024-07-04',
        text: 'В Астане прошёл саммит ШОС.',
      }),
      '{ this is not json',
      JSON.stringify({ id: 'r/2', title: 'Без текста' }),
      JSON.stringify({ lang: 'ru', text: 'Запись без идентификатора получает его из содержимого.' }),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(inputs, 'nested', 'deeper', 'array.json'),
    JSON.stringify([{ id: 'a/1', text: 'Министр иностранных дел Казахстана провёл встречу.' }]),
  );
  writeFileSync(join(inputs, 'empty.txt'), '');
  writeFileSync(
    join(inputs, 'binary.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0]),
  );
  writeFileSync(join(inputs, 'broken.json'), '[{"id": "x", "text": "a"');
  writeFileSync(join(inputs, 'notes.md'), 'not ours: ignored inside a folder');
  gateway = await Gateway.open({ config: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles' } });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(inputs, { recursive: true, force: true });
});

describe('runIndexer', () => {
  it('indexes the good files and reports each bad one by path and reason', async () => {
    const result = await runIndexer(gateway, { paths: [inputs], progress: quiet });
    expect(result.indexed).toBe(4); // good.txt, r/1, the record without id, a/1
    const where = result.problems.map((p) => p.where).sort();
    expect(where).toEqual(
      [
        join(inputs, 'binary.txt'),
        join(inputs, 'broken.json'),
        join(inputs, 'empty.txt'),
        `${join(inputs, 'nested', 'records.jsonl')}:2`,
        `${join(inputs, 'nested', 'records.jsonl')}:3`,
      ].sort(),
    );
    const reason = (w: string) => result.problems.find((p) => p.where.endsWith(w))!.reason;
    expect(reason('records.jsonl:2')).toMatch(/not valid JSON/);
    expect(reason('records.jsonl:3')).toMatch(/text/);
    expect(reason('broken.json')).toMatch(/not valid JSON/);
    expect(reason('empty.txt')).toMatch(/empty/i);
    expect(reason('binary.txt')).toMatch(/binary|not text/i);
    expect(result.exitCode).toBe(1);
    expect(await gateway.documentCount()).toBe(4);
    expect(summaryLine(result)).toMatch(
      /^Indexed 4 articles from 6 files in [\d.]+ s \(\d+ articles\/s\); 5 skipped \(see above\)\.$/,
    );
  });

  it('re-indexing the same files replaces documents instead of duplicating them', async () => {
    await runIndexer(gateway, { paths: [inputs], progress: quiet });
    expect(await gateway.documentCount()).toBe(4);
  });

  it('an id seen twice in one run is named once in the result and the summary; the last record wins', async () => {
    const file = join(inputs, '..', `${inputs.split('/').pop()}-dupes.jsonl`);
    const record = (id: string, text: string) => JSON.stringify({ id, lang: 'ru', title: text, text });
    writeFileSync(
      file,
      [
        record('dup/a', 'Первая версия статьи.'),
        record('dup/b', 'Другая статья.'),
        record('dup/a', 'Вторая версия статьи.'),
        record('dup/a', 'Третья версия статьи.'),
      ].join('\n'),
    );
    try {
      // On the analysis thread too: documents come back in the order they were read.
      const result = await runIndexer(gateway, { paths: [file], progress: quiet, analysis: { mode: 'thread' } });
      expect(result.duplicateIds).toEqual(['dup/a']);
      expect(summaryLine(result)).toMatch(/; 1 id seen twice \(last one kept\)/);
      const stored = await gateway.admin.index('articles').getDocument(documentKey('dup/a'));
      expect(stored.title).toBe('Третья версия статьи.');
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('--reset empties the index first', async () => {
    const result = await runIndexer(gateway, { paths: [join(inputs, 'good.txt')], reset: true, progress: quiet });
    expect(result).toMatchObject({ indexed: 1, exitCode: 0, problems: [] });
    expect(await gateway.documentCount()).toBe(1);
  });

  it('on an analysis thread of its own: the same articles, problems and documents as inline', async () => {
    const documents = async () =>
      (await gateway.admin.index('articles').getDocuments({ limit: 100 })).results.sort((a, b) =>
        String(a.key).localeCompare(String(b.key)),
      );
    const run = (mode: 'inline' | 'thread') =>
      runIndexer(gateway, { paths: [inputs], reset: true, progress: quiet, analysis: { mode } });
    const inline = await run('inline');
    const inlineDocuments = await documents();
    const thread = await run('thread');
    expect(thread).toMatchObject({ indexed: 4, exitCode: 1 });
    expect(thread.problems.sort((a, b) => a.where.localeCompare(b.where))).toEqual(
      inline.problems.sort((a, b) => a.where.localeCompare(b.where)),
    );
    expect(await documents()).toEqual(inlineDocuments);
  }, 60_000);

  it('exit code 2 when nothing could be done', async () => {
    const missing = await runIndexer(gateway, { paths: [join(inputs, 'missing')], progress: quiet });
    expect(missing.exitCode).toBe(2);
    expect(missing.problems[0]).toMatchObject({ where: join(inputs, 'missing'), reason: 'no such file or directory' });
    const onlyBad = await runIndexer(gateway, { paths: [join(inputs, 'empty.txt')], progress: quiet });
    expect(onlyBad.exitCode).toBe(2);
  });
});

describe('npm run index (the CLI)', () => {
  const cli = runIndexCli;

  it('prints a summary, reports bad files and exits 1 when some were skipped', async () => {
    const r = await cli([inputs], { MEILI_DB_PATH: dataDir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Indexed 4 articles from 6 files/);
    expect(r.stderr).toContain(`skipped ${join(inputs, 'empty.txt')}:`);
  }, 60_000);

  it('exits 2 with usage when no path is given', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: npm run index/);
  });

  it.each([
    [['--batch-size', '0', 'x'], /--batch-size must be a whole number from 1 to 100000; got "0"/],
    [['--batch-size', '2.5', 'x'], /--batch-size must be a whole number/],
    [['--batch-size=-3', 'x'], /--batch-size must be a whole number/],
    [['--batch-size', '100001', 'x'], /--batch-size must be a whole number/],
    [['--batch-size', '10', '--delete', 'x'], /--batch-size cannot be used with --delete/],
  ])('exits 2 with usage on a bad --batch-size: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: npm run index/);
  });

  it('--batch-size N sends batches of N articles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'izde-batch-size-'));
    try {
      const file = join(dir, 'five.jsonl');
      const records = [1, 2, 3, 4, 5].map((i) =>
        JSON.stringify({ id: `b/${i}`, lang: 'ru', text: `Новость номер ${i}.` }),
      );
      writeFileSync(file, `${records.join('\n')}\n`);
      const r = await cli(['--batch-size', '2', file], { MEILI_DB_PATH: join(dir, 'data') });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Indexed 5 articles/);
      const config = { url: undefined, masterKey: undefined, dataDir: join(dir, 'data'), indexName: 'articles' };
      const engine = await Gateway.open({ config });
      try {
        const tasks = await engine.admin.tasks.getTasks({
          types: ['documentAdditionOrUpdate'],
          indexUids: ['articles'],
        });
        expect(tasks.results.map((t) => t.details?.receivedDocuments).sort()).toEqual([1, 2, 2]);
        expect(await engine.documentCount()).toBe(5);
      } finally {
        await engine.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('exits 2 with a clear message when Meilisearch cannot be reached', async () => {
    const r = await cli([inputs], { MEILI_URL: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'x'.repeat(20) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Meilisearch cannot be reached/);
  }, 30_000);
});
