/**
 * The baseline of the scale benchmark: plain Meilisearch — the same binary izde embeds, its default settings plus
 * the facets a news page filters on (year, lang, source) — fed the raw records the way a user of Meilisearch alone
 * would: NDJSON payloads straight from the file (each record gets a `year` from its date, to facet on).
 */

import type { ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Meilisearch, type Settings } from 'meilisearch';
import {
  findMeilisearchBinary,
  freePort,
  generateMasterKey,
  isHealthy,
  sleep,
  spawnMeilisearch,
  waitForTask,
} from '../../engine/index.js';

export interface PlainEngine {
  url: string;
  key: string;
  pid: number;
  dbPath: string;
  client: Meilisearch;
  stop(): Promise<void>;
}

export async function startPlainEngine(dir: string, flags: readonly string[] = []): Promise<PlainEngine> {
  const binary = findMeilisearchBinary(join(dir, 'bin'));
  const port = await freePort();
  const key = generateMasterKey();
  const dbPath = join(dir, 'data.ms');
  const child: ChildProcess = spawnMeilisearch({ binary, dbPath, port, masterKey: key, flags });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600 && !(await isHealthy(url)); i++) await sleep(50);
  if (!(await isHealthy(url))) throw new Error('plain Meilisearch did not start');
  const client = new Meilisearch({ host: url, apiKey: key, timeout: 600_000 });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, key, pid: child.pid ?? 0, dbPath, client, stop };
}

export const PLAIN_INDEX = 'plain';

/** Plain Meilisearch's settings: its defaults, plus the facets a news page filters on. */
export const PLAIN_SETTINGS: Settings = {
  filterableAttributes: ['year', 'lang', 'source'],
  pagination: { maxTotalHits: 1_000_000 },
};

/** A contract record (one JSONL line) as plain Meilisearch gets it: as it is, with a `year` from its date. */
export function plainDocument(line: string): string {
  const record = JSON.parse(line) as { date?: string | null };
  return JSON.stringify({ ...record, year: record.date ? Number(record.date.slice(0, 4)) : null });
}

/** Creates the plain index and sends every record of `files` in NDJSON payloads of about `payloadBytes`. */
export async function indexPlain(engine: PlainEngine, files: readonly string[], payloadBytes = 20e6): Promise<number> {
  const { client } = engine;
  await waitForTask(client, await client.createIndex(PLAIN_INDEX, { primaryKey: 'id' }), 'create the plain index');
  const index = client.index(PLAIN_INDEX);
  await waitForTask(client, await index.updateSettings(PLAIN_SETTINGS), 'configure the plain index');
  const tasks: number[] = [];
  let payload: string[] = [];
  let size = 0;
  let records = 0;
  const send = async () => {
    if (payload.length === 0) return;
    const task = await index.addDocumentsFromString(payload.join('\n'), 'application/x-ndjson');
    tasks.push(task.taskUid);
    payload = [];
    size = 0;
  };
  for (const file of files) {
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
      if (!line.trim()) continue;
      const out = plainDocument(line);
      payload.push(out);
      size += out.length * 2;
      records++;
      if (size >= payloadBytes) await send();
    }
  }
  await send();
  for (const uid of tasks) await waitForTask(client, uid, 'index a plain batch');
  return records;
}

/** The search a page would send plain Meilisearch: hits, facets, highlighted title, cropped body. */
export function plainSearchBody(q: string): string {
  return JSON.stringify({
    q,
    limit: 20,
    facets: ['year', 'lang', 'source'],
    attributesToRetrieve: ['id', 'title', 'date', 'year', 'lang', 'source', 'url'],
    attributesToHighlight: ['title'],
    attributesToCrop: ['text'],
    cropLength: 40,
  });
}
