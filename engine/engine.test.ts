import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIndexCli } from '../indexer/testing.js';
import { engineConfigFromEnv } from './config.js';
import { dataPaths, EMBEDDED_INDEXING_MEMORY, generateMasterKey, startEmbedded } from './embedded.js';
import { Gateway } from './gateway.js';
import { isHealthy, sleep } from './health.js';
import { readLock } from './lock.js';
import { commandLineOf, isAlive } from './process.js';
import { startExternalMeilisearch } from './testing.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'izde-engine-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dataDir: string, extra: Partial<Parameters<typeof Gateway.open>[0]['config']> = {}) {
  const messages: string[] = [];
  const gateway = await Gateway.open({
    config: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles', ...extra },
    log: (m) => messages.push(m),
  });
  cleanups.push(() => gateway.close());
  return { gateway, messages };
}

describe('embedded Meilisearch', () => {
  it('starts on 127.0.0.1 with a generated owner-only key, and stops without leaving a process', async () => {
    const dir = tempDir();
    const { gateway } = await open(dir);
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const paths = dataPaths(dir);
    const lock = readLock(paths.lock)!;
    expect(lock.state).toBe('ready');
    expect(isAlive(lock.pid)).toBe(true);
    const { statSync } = await import('node:fs');
    expect(statSync(paths.key).mode & 0o777).toBe(0o600);
    await gateway.close();
    expect(isAlive(lock.pid)).toBe(false);
    expect(existsSync(paths.lock)).toBe(false);
  });

  it('caps the indexing memory: 1 GiB by default, MEILI_MAX_INDEXING_MEMORY when set, a bad size refused', async () => {
    const flagOf = (dir: string) => {
      const args = commandLineOf(readLock(dataPaths(dir).lock)?.pid ?? 0) ?? [];
      return args[args.indexOf('--max-indexing-memory') + 1];
    };
    const byDefault = tempDir();
    await open(byDefault);
    expect(flagOf(byDefault)).toBe(EMBEDDED_INDEXING_MEMORY);
    const configured = tempDir();
    const { maxIndexingMemory } = engineConfigFromEnv({
      MEILI_DB_PATH: configured,
      MEILI_MAX_INDEXING_MEMORY: '512MiB',
    });
    await open(configured, maxIndexingMemory ? { maxIndexingMemory } : {});
    expect(flagOf(configured)).toBe('512MiB');
    expect(() => engineConfigFromEnv({ MEILI_MAX_INDEXING_MEMORY: 'a lot' })).toThrow(
      /^Bad configuration: MEILI_MAX_INDEXING_MEMORY: a size such as 1GiB/,
    );
  });

  it('a second process on the same folder reuses the running engine', async () => {
    const dir = tempDir();
    const first = await open(dir);
    const second = await open(dir);
    expect(second.gateway.url).toBe(first.gateway.url);
    expect(second.messages.join('\n')).toMatch(/Reusing/);
    await second.gateway.close(); // not the owner: the engine keeps running
    expect(await isHealthy(first.gateway.url)).toBe(true);
  });

  it('an indexer run while the server holds the engine reuses it (separate OS process)', async () => {
    const dir = tempDir();
    const { gateway } = await open(dir);
    const out = await runIndexCli(['data/articles'], { MEILI_DB_PATH: dir });
    expect(out.stderr).toMatch(/Reusing the Meilisearch already running/);
    expect(out.stdout).toMatch(/Indexed 5 articles from 5 files/);
    expect(out.code).toBe(0);
    expect(await gateway.documentCount()).toBe(5);
  }, 60_000);

  it('the index CLI starts the engine with MEILI_MASTER_KEY=-x… (a key that looks like a flag)', async () => {
    const dir = tempDir();
    const out = await runIndexCli(['data/articles'], {
      MEILI_DB_PATH: dir,
      MEILI_MASTER_KEY: '-x-looks-like-a-flag-0123456789',
    });
    expect(out.stdout).toMatch(/Indexed 5 articles/);
    expect(out.code).toBe(0);
  }, 60_000);

  it('an engine that is alive but slow to answer is waited for, never doubled on its folder', async () => {
    const dir = tempDir();
    const first = await open(dir);
    const pid = readLock(dataPaths(dir).lock)!.pid!;
    // A loaded machine or a large batch: the engine runs but /health does not answer for a few seconds.
    process.kill(pid, 'SIGSTOP');
    const resumed = sleep(3000).then(() => process.kill(pid, 'SIGCONT'));
    cleanups.push(async () => void (await resumed));
    const second = await open(dir);
    await resumed;
    expect(second.messages.join('\n')).not.toMatch(/Starting Meilisearch/);
    expect(second.gateway.url).toBe(first.gateway.url);
    expect(readLock(dataPaths(dir).lock)!.pid).toBe(pid);
    await second.gateway.close(); // not the owner: the lock and the engine stay
    expect(readLock(dataPaths(dir).lock)!.pid).toBe(pid);
    expect(await isHealthy(first.gateway.url)).toBe(true);
  }, 60_000);

  it('an engine that never answers while its owner lives: a clear error, and no second engine', async () => {
    const dir = tempDir();
    await open(dir);
    const lock = readLock(dataPaths(dir).lock)!;
    const pid = lock.pid!;
    process.kill(pid, 'SIGSTOP');
    cleanups.push(() => void process.kill(pid, 'SIGCONT'));
    // The signal is delivered asynchronously: go on only once the kernel shows the engine stopped (state T).
    const { readFileSync } = await import('node:fs');
    const state = () => /^\d+ \(.*\) (\S)/u.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    for (let i = 0; i < 100 && state() !== 'T'; i++) await sleep(10);
    expect(state()).toBe('T');
    await expect(startEmbedded({ dataDir: dir, startTimeoutMs: 500 })).rejects.toThrow(
      /Meilisearch of .+ \(pid \d+\) does not answer.*not starting a second one/,
    );
    expect(readLock(dataPaths(dir).lock)).toEqual(lock);
  }, 60_000);

  it('replaces a stale lock left by a crashed process', async () => {
    const dir = tempDir();
    const paths = dataPaths(dir);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      paths.lock,
      JSON.stringify({
        state: 'ready',
        ownerPid: 2 ** 22 + 1,
        pid: 2 ** 22 + 2,
        url: 'http://127.0.0.1:9',
        startedAt: 0,
      }),
    );
    const { gateway, messages } = await open(dir);
    expect(await gateway.healthy()).toBe(true);
    expect(messages.join('\n')).toMatch(/Starting Meilisearch/);
    expect(readLock(paths.lock)!.ownerPid).toBe(process.pid);
  });

  it('passes the master key in the environment, never on the command line', async () => {
    const dir = tempDir();
    const { gateway } = await open(dir);
    const { readFileSync } = await import('node:fs');
    const key = readFileSync(dataPaths(dir).key, 'utf8').trim();
    expect(key).toMatch(/^[A-Za-z0-9]{32,}$/);
    const argv = commandLineOf(readLock(dataPaths(dir).lock)!.pid!)!;
    expect(argv.join(' ')).toContain('--db-path');
    expect(argv.join(' ')).not.toContain(key);
    expect(argv).not.toContain('--master-key');
    await gateway.ensureIndex(); // the key works
  });

  it('gives the engine an empty trust store: no CA bundle read for every federated search', async () => {
    const dir = tempDir();
    const { gateway } = await open(dir);
    const { readFileSync } = await import('node:fs');
    const pid = readLock(dataPaths(dir).lock)!.pid!;
    const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    expect(environment).toContain('SSL_CERT_FILE=/dev/null');
    expect(environment).toContain('SSL_CERT_DIR=/dev/null');
    // Federated searches (every izde search) still work without one.
    await gateway.ensureIndex();
    const client = await gateway.searchClient();
    const answer = await client.multiSearch({ federation: {}, queries: [{ indexUid: gateway.indexName, q: 'x' }] });
    expect(answer.hits).toEqual([]);
  });

  it.each([
    ['starting with a dash', `-x${'a'.repeat(30)}`],
    ['starting with two dashes', '--master-key-lookalike-0123456789'],
    ['with spaces and symbols', 'key with spaces & $ymbols; "0123"'],
  ])('starts with a configured key %s', async (_name, key) => {
    const { gateway } = await open(tempDir(), { masterKey: key });
    await gateway.ensureIndex();
    expect(await gateway.documentCount()).toBe(0);
  });

  it('generates alphanumeric keys (none starts with a dash)', () => {
    for (let i = 0; i < 500; i++) expect(generateMasterKey()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never signals a lock pid that is not a Meilisearch on this folder (pids are reused)', async () => {
    const dir = tempDir();
    const paths = dataPaths(dir);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    // A live process that is not our engine, and a dead owner: the lock is stale and the process must survive.
    const { spawn } = await import('node:child_process');
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    cleanups.push(() => void bystander.kill('SIGKILL'));
    writeFileSync(
      paths.lock,
      JSON.stringify({
        state: 'ready',
        ownerPid: 2 ** 22 + 1,
        pid: bystander.pid,
        url: 'http://127.0.0.1:9',
        startedAt: 0,
      }),
    );
    const { gateway } = await open(dir);
    expect(await gateway.healthy()).toBe(true);
    expect(isAlive(bystander.pid)).toBe(true);
    expect(bystander.exitCode).toBeNull();
  });

  it('restarts the engine when it died under the server', async () => {
    const dir = tempDir();
    const { gateway } = await open(dir);
    const pid = readLock(dataPaths(dir).lock)!.pid!;
    process.kill(pid, 'SIGKILL');
    await sleep(200);
    expect(await gateway.healthy()).toBe(false);
    expect(await gateway.revive()).toBe(true);
    expect(await gateway.documentCount()).toBe(0);
  });

  it('a closed gateway starts no engine again: a late request after a server stopped leaves nothing running', async () => {
    const engineAlive = (dir: string) => {
      const pid = readLock(dataPaths(dir).lock)?.pid;
      return pid !== undefined && isAlive(pid);
    };
    const dir = tempDir();
    const { gateway } = await open(dir);
    await gateway.close();
    expect(await gateway.revive()).toBe(false);
    expect(engineAlive(dir)).toBe(false);

    // A revive under way (the engine was killed) when the server closes.
    const dir2 = tempDir();
    const second = (await open(dir2)).gateway;
    const pid = readLock(dataPaths(dir2).lock)?.pid ?? 0;
    process.kill(pid, 'SIGKILL');
    await sleep(200);
    const reviving = second.revive();
    await second.close();
    expect(await reviving).toBe(false);
    expect(engineAlive(dir2)).toBe(false);
  });
});

describe('MEILI_URL: an external Meilisearch', () => {
  async function external() {
    const ext = await startExternalMeilisearch(tempDir());
    cleanups.push(() => ext.kill());
    return ext;
  }

  it('starts nothing and uses that server, with its master key', async () => {
    const ext = await external();
    const dir = tempDir();
    const { gateway } = await open(dir, { url: ext.url, masterKey: ext.masterKey });
    expect(gateway.mode).toBe('external');
    await gateway.ensureIndex();
    expect(await gateway.documentCount()).toBe(0);
    expect(existsSync(dataPaths(dir).lock)).toBe(false);
    const search = await gateway.searchClient();
    expect(search.config.apiKey).not.toBe(ext.masterKey); // queries use a search-only key
  });

  it('tells what is wrong when the key is wrong', async () => {
    const ext = await external();
    const { gateway } = await open(tempDir(), { url: ext.url, masterKey: 'wrong-key-wrong-key-wrong' });
    await expect(gateway.ensureIndex()).rejects.toMatchObject({ code: 'MEILI_API_ERROR' });
  });
});
