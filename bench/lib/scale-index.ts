/**
 * An izde index of generated scale records (scale-corpus.ts), built once in a folder the caller keeps: the records
 * (`records.jsonl`) and the embedded engine's data (`meilisearch/`). A later run with the same folder and record
 * count finds the marker `scale-index.json` written after a successful index and reuses the data as it is.
 * Indexing runs izde's own indexer CLI in a child process, as `npm run index` would, so the server measured later
 * starts fresh and carries none of the indexer's caches.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkCorpusDir, loadSentencePools, writeScaleRecords } from './scale-corpus.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const MARKER = 'scale-index.json';

const markerSchema = z.object({ records: z.number().int(), indexedAt: z.string(), indexSeconds: z.number() });

export interface ScaleIndex {
  /** The embedded engine's data folder (EngineConfig.dataDir). */
  engineDir: string;
  /** Whether this call indexed (false: the folder already held the index). */
  built: boolean;
  /** Seconds generating and indexing took (this call, or the call that built it). */
  indexSeconds: number;
}

/** Whether `dir` holds a finished scale index of `records` records. */
export function scaleIndexReady(dir: string, records: number): boolean {
  const path = join(dir, MARKER);
  if (!existsSync(path)) return false;
  const marker = markerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return marker.success && marker.data.records === records && existsSync(join(dir, 'meilisearch'));
}

/** Runs the izde indexer CLI on `paths` into the embedded engine at `engineDir`; resolves with its summary line. */
function runIndexer(paths: string[], engineDir: string, log: (line: string) => void): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/cli.ts', ...paths], {
    cwd: ROOT,
    env: { ...process.env, MEILI_DB_PATH: engineDir, MEILI_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
    const line = d.toString().trim().split('\n').pop();
    if (line?.startsWith('indexing:')) log(line);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(stdout.trim().split('\n').pop() ?? '');
      else reject(new Error(`the izde indexer exited with ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

/**
 * The folder's scale index of `records` records made from the shared corpus at `corpusDir`: reused when it is there,
 * otherwise generated and indexed (minutes: about 100 articles/s on a 2-core machine).
 */
export async function ensureScaleIndex(
  dir: string,
  corpusDir: string,
  records: number,
  log: (line: string) => void,
): Promise<ScaleIndex> {
  const engineDir = join(dir, 'meilisearch');
  if (scaleIndexReady(dir, records)) {
    const marker = markerSchema.parse(JSON.parse(readFileSync(join(dir, MARKER), 'utf8')));
    log(`scale index of ${records} records reused from ${dir} (built ${marker.indexedAt})`);
    return { engineDir, built: false, indexSeconds: marker.indexSeconds };
  }
  if (existsSync(engineDir)) {
    throw new Error(`${dir} holds an engine but no finished scale index of ${records} records: use an empty folder`);
  }
  checkCorpusDir(corpusDir);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const file = join(dir, 'records.jsonl');
  log(`generating ${records} records into ${file}…`);
  const bytes = await writeScaleRecords(file, loadSentencePools(corpusDir), { records });
  log(`${(bytes / 1e6).toFixed(0)} MB of records; indexing them with izde's indexer…`);
  const summary = await runIndexer([file], engineDir, log);
  const indexSeconds = (performance.now() - started) / 1000;
  log(`${summary} (${indexSeconds.toFixed(0)} s with the generation)`);
  writeFileSync(
    join(dir, MARKER),
    `${JSON.stringify({ records, indexedAt: new Date().toISOString(), indexSeconds }, null, 2)}\n`,
  );
  return { engineDir, built: true, indexSeconds };
}
