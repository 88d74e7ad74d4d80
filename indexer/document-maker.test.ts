import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type DocumentJob, documentMaker, OrderedDocuments, THREAD_FROM_BYTES } from './document-maker.js';
import { prepareRecord } from './extract/record.js';

const job = (id: string, text: string, title?: string): DocumentJob => ({
  prepared: prepareRecord({ id, text, ...(title ? { title } : {}) }, { id }),
  source: { origin: '/archive/news.jsonl', hash: `h-${id}` },
});

const JOBS = [
  job('kk/1', 'Астанада ШЫҰ саммиті өтті. Қазақстан Президенті сөз сөйледі.', 'ШЫҰ саммиті'),
  job('ru/1', 'В Астане прошёл саммит ШОС. Министры иностранных дел встретились.', 'Саммит ШОС'),
  job('latn/1', 'Astanada SHYU sammiti otti. Qazaqstan Prezidenti soz soiledi.'),
  job('ru/2', 'Парламент одобрил закон о бюджете на 2025 год.'),
];

describe('documentMaker', () => {
  it('a thread of its own makes the same documents as the caller thread, in the order asked', async () => {
    const inline = documentMaker({ mode: 'inline' }, 0);
    const thread = documentMaker({ mode: 'thread', wordCache: 1000 }, 0);
    try {
      const here = await Promise.all(JOBS.map((j) => inline.make(j)));
      const there = await Promise.all(JOBS.map((j) => thread.make(j)));
      expect(there).toEqual(here);
      expect(there.map((m) => (m.ok ? m.id : m.reason))).toEqual(['kk/1', 'ru/1', 'latn/1', 'ru/2']);
      const doc = JSON.parse((there[0] as { json: string }).json);
      expect(doc).toMatchObject({ id: 'kk/1', origin: '/archive/news.jsonl', hash: 'h-kk/1', org: ['SCO'] });
    } finally {
      await inline.close();
      await thread.close();
    }
  }, 60_000);

  it('auto: a thread for large inputs only', () => {
    expect(documentMaker({}, THREAD_FROM_BYTES - 1).constructor.name).toBe('InlineMaker');
    const thread = documentMaker({}, THREAD_FROM_BYTES);
    expect(thread.constructor.name).toBe('ThreadMaker');
    return thread.close();
  });

  it('answers still awaited when the thread ends are rejected with a reason, and so is every later ask', async () => {
    const thread = documentMaker({ mode: 'thread' }, 0);
    const pending = JOBS.map((j) => thread.make(j));
    await thread.close();
    for (const p of pending) await expect(p).rejects.toThrow(/analysis thread/);
    await expect(thread.make(JOBS[0] as DocumentJob)).rejects.toThrow(/analysis thread was closed/);
  }, 60_000);
});

describe('the reading thread', () => {
  /** MB of ArrayBuffers a fresh process holds after importing the modules. */
  const arrayBuffersAfter = (modules: string[]): number => {
    const code = `for (const m of ${JSON.stringify(modules)}) await import(m);
      console.log(process.memoryUsage().arrayBuffers);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: new URL('..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    return Number(run.stdout) / 1024 / 1024;
  };

  it("loads none of the analyzers' data: only the analysis thread does", () => {
    // The Russian dictionary alone is 12 MB of ArrayBuffers.
    expect(arrayBuffersAfter(['./indexer/run.ts', './indexer/sync.ts', './indexer/watch.ts'])).toBeLessThan(1);
    expect(arrayBuffersAfter(['./indexer/make-document.ts'])).toBeGreaterThan(8);
  }, 60_000);
});

describe('OrderedDocuments', () => {
  it('hands documents over in order, at most `ahead` being made, and the rest on flush', async () => {
    let inFlight = 0;
    let most = 0;
    const maker = {
      make: async (j: DocumentJob) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, j.prepared.id === 'kk/1' ? 30 : 1)); // the first is the slowest
        inFlight--;
        return { ok: true as const, id: j.prepared.id, json: '{}' };
      },
      close: async () => {},
    };
    const taken: string[] = [];
    const docs = new OrderedDocuments<string>(
      maker,
      async (made, note) => {
        taken.push(`${made.ok ? made.id : '?'}:${note}`);
      },
      2,
    );
    for (const [i, j] of JOBS.entries()) await docs.add(j, `n${i}`);
    expect(taken.length).toBeLessThan(JOBS.length);
    await docs.flush();
    expect(taken).toEqual(['kk/1:n0', 'ru/1:n1', 'latn/1:n2', 'ru/2:n3']);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('a broken maker is thrown where its answer is taken, not as an unhandled rejection', async () => {
    const maker = { make: () => Promise.reject(new Error('the analysis thread stopped: boom')), close: async () => {} };
    const docs = new OrderedDocuments<string>(maker, async () => {}, 3);
    await docs.add(JOBS[0] as DocumentJob, 'a');
    await docs.add(JOBS[1] as DocumentJob, 'b');
    await expect(docs.flush()).rejects.toThrow(/boom/);
  });
});
