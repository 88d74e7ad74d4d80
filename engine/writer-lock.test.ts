import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Gateway } from './gateway.js';
import { sleep } from './health.js';
import { currentProcess, processStartTicks } from './process-identity.js';
import { waitForTask } from './tasks.js';
import {
  conflicts,
  type HeldLock,
  LockBusyError,
  type LockEntry,
  LockLostError,
  lockIndexName,
  type WriteKind,
  WriterLocks,
} from './writer-lock.js';

let dataDir: string;
let gateway: Gateway;
/** Each test has a lock of its own (an index name of its own): a failure leaves nothing in the next one's way. */
let indexName = 'articles';
let tests = 0;
beforeEach(() => {
  indexName = `lock${++tests}`;
});
/** The writers' lock as seen by a process with this owner id (a stand-in for another process). */
const locks = (owner: string, options: { staleMs?: number; beatMs?: number; machine?: string } = {}) =>
  new WriterLocks(() => gateway.admin, indexName, { owner, pollMs: 20, ...options });

/** Polls until `check` holds (or fails the test after `ms`). */
async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'izde-lock-'));
  gateway = await Gateway.open({ config: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles' } });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Writes an entry as another process would have left it. */
async function plant(entry: Partial<LockEntry> & { key: string }): Promise<void> {
  await locks('planter')
    .acquire('write', { what: 'creates the lock index' })
    .then((l) => l.release());
  const index = gateway.admin.index(lockIndexName(indexName));
  await waitForTask(gateway.admin, await index.addDocuments([entry]), 'plant an entry');
}

const entryOf = (key: string, fields: Partial<LockEntry>): LockEntry => ({
  key,
  owner: `other-${key}`,
  kind: 'sync',
  ticket: 1,
  what: 'npm run index -- --sync /elsewhere',
  machine: currentProcess().machine,
  pid: process.pid,
  start: currentProcess().start,
  startedAt: new Date().toISOString(),
  beat: 0,
  ...fields,
});

describe('which kinds exclude each other', () => {
  const kinds: WriteKind[] = ['write', 'sync', 'reindex', 'swap'];
  it.each([
    ['write', 'write', false],
    ['write', 'sync', false],
    ['write', 'reindex', false],
    ['sync', 'sync', true],
    ['sync', 'reindex', false],
    ['reindex', 'reindex', true],
    ...kinds.map((k) => ['swap', k, true] as const),
  ] as const)('%s with %s: %s', (a, b, expected) => {
    expect(conflicts(a, b)).toBe(expected);
    expect(conflicts(b, a)).toBe(expected);
  });
});

describe('the writers’ lock in Meilisearch', () => {
  it('a second sync waits for the first, and says for whom', async () => {
    const first = await locks('a').acquire('sync', { what: 'first sync' });
    const waitedFor: string[] = [];
    let acquired = false;
    const second = locks('b')
      .acquire('sync', { what: 'second sync', onWait: (holders) => waitedFor.push(...holders.map((h) => h.what)) })
      .then((lock) => {
        acquired = true;
        return lock;
      });
    try {
      await until('the second sync to wait', () => waitedFor.length > 0);
      expect(waitedFor).toEqual(['first sync']);
      await sleep(200);
      expect(acquired).toBe(false);
    } finally {
      await first.release();
    }
    const lock = await second;
    expect(acquired).toBe(true);
    await lock.release();
  });

  it('refuses at once without waiting, naming the holder', async () => {
    const first = await locks('a').acquire('sync', { what: 'npm run index -- --sync /data' });
    try {
      const refused = await locks('b')
        .acquire('sync', { what: 'second', wait: false })
        .catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(LockBusyError);
      expect((refused as Error).message).toMatch(
        /npm run index -- --sync \/data \(pid \d+ on .+, since \d\d:\d\d:\d\d UTC\)/,
      );
      // A refused writer leaves no entry behind: a third can go once the first is done.
    } finally {
      await first.release();
    }
    const third = await locks('c').acquire('sync', { what: 'third', wait: false });
    await third.release();
  });

  it('writes go together; a swap waits for every writer, and writers queue behind a waiting swap', async () => {
    const w1 = await locks('a').acquire('write', { what: 'w1' });
    const w2 = await locks('b').acquire('write', { what: 'w2', wait: false });
    const s1 = await locks('c').acquire('sync', { what: 's1', wait: false });
    const order: string[] = [];
    let swapWaits = false;
    let lateWaits = false;
    const swap = locks('d')
      .acquire('swap', { what: 'swap', onWait: () => (swapWaits = true) })
      .then((l) => {
        order.push('swap');
        return l;
      });
    await until('the swap to wait', () => swapWaits);
    const late = locks('e')
      .acquire('write', { what: 'late write', onWait: () => (lateWaits = true) })
      .then((l) => {
        order.push('late');
        return l;
      });
    await until('the late write to wait', () => lateWaits);
    expect(order).toEqual([]);
    await Promise.all([w1.release(), w2.release(), s1.release()]);
    const held = await swap;
    await sleep(300);
    expect(order).toEqual(['swap']); // first come, first served: the later write waits for the swap
    await held.release();
    await (await late).release();
    expect(order).toEqual(['swap', 'late']);
  });

  it('entries of one process never block each other (reindex holds its copy, then swaps)', async () => {
    const same = locks('same');
    const copy = await same.acquire('reindex', { what: 'copy' });
    const swap = await same.acquire('swap', { what: 'swap', wait: false });
    await Promise.all([swap.release(), copy.release()]);
  });

  it('an entry left by a process killed with kill -9 on this machine is stale at once', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const pid = child.pid ?? 0;
    await sleep(100);
    await plant(entryOf('killed', { pid, start: processStartTicks(pid) }));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const lock = await locks('a').acquire('sync', { what: 'after a crash', timeoutMs: 5000 });
    await lock.release();
  });

  it('a reused pid (another start time) does not keep a dead holder alive', async () => {
    await plant(entryOf('reused', { pid: process.pid, start: (currentProcess().start ?? 0) - 1 }));
    const lock = await locks('a').acquire('sync', { what: 'after a pid was reused', timeoutMs: 5000 });
    await lock.release();
  });

  it('an entry from another machine is stale once its beat stands still, and not while it beats', async () => {
    await plant(entryOf('remote', { machine: 'elsewhere/boot/pid:[1]' }));
    const started = Date.now();
    const lock = await locks('a', { staleMs: 800 }).acquire('sync', {
      what: 'after a remote crash',
      timeoutMs: 10_000,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    await lock.release();

    // A live holder beating every 100 ms is never judged stale (here after 3 s without a beat).
    const holder = await locks('b', { beatMs: 100 }).acquire('sync', { what: 'a live holder' });
    try {
      // Seen from another machine, an entry is judged by its beat only.
      const elsewhere = new WriterLocks(() => gateway.admin, indexName, {
        owner: 'c',
        pollMs: 20,
        staleMs: 3000,
        machine: 'elsewhere/boot/pid:[1]',
      });
      const refused = await elsewhere.acquire('sync', { what: 'impatient', timeoutMs: 6000 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(LockBusyError);
    } finally {
      await holder.release();
    }
  });

  it('a holder whose entry was taken away knows it before changing anything more', async () => {
    const lock: HeldLock = await locks('a').acquire('sync', { what: 'about to lose it' });
    await lock.verify();
    const index = gateway.admin.index(lockIndexName(indexName));
    const { results } = await index.getDocuments<LockEntry>({ limit: 100 });
    const mine = results.find((e) => e.what === 'about to lose it');
    await waitForTask(gateway.admin, await index.deleteDocument(mine?.key ?? ''), 'take it away');
    await expect(lock.verify()).rejects.toBeInstanceOf(LockLostError);
    await lock.release();
  });
});
