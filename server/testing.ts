import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger, pino } from 'pino';
import type { EngineConfig } from '../engine/index.js';
import { DEFAULT_STATIC_DIR, type ServerConfig } from './config.js';
import { type RunningServer, type StartOptions, startServer } from './start.js';

/** A response's body: parsed JSON, or its text when it is not JSON (static files, a broken answer under test). */
export async function responseBody(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A real izde server on a temporary data folder (embedded Meilisearch) or on `engine.url`, for tests. */
export interface TestServer extends RunningServer {
  dataDir: string;
  get(path: string): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startTestServer(
  options: {
    indexIfEmpty?: string[];
    engine?: Partial<EngineConfig>;
    server?: Partial<ServerConfig>;
    logger?: Logger;
    /** An existing data folder to serve (removed by stop() like a fresh one). */
    dataDir?: string;
    admin?: StartOptions['admin'];
    /** Input records of the test's own, indexed after `indexIfEmpty` from a JSONL file that stop() removes. */
    articles?: readonly object[];
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'izde-test-'));
  const inputs = options.articles ? mkdtempSync(join(tmpdir(), 'izde-test-articles-')) : undefined;
  const indexIfEmpty = [...(options.indexIfEmpty ?? [])];
  if (inputs && options.articles) {
    const file = join(inputs, 'articles.jsonl');
    writeFileSync(file, `${options.articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
    indexIfEmpty.push(file);
  }
  const removeFolders = () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (inputs) rmSync(inputs, { recursive: true, force: true });
  };
  const start = startServer({
    engine: { url: undefined, masterKey: undefined, dataDir, indexName: 'articles', ...options.engine },
    server: {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      rateLimitPerMinute: 0,
      staticDir: DEFAULT_STATIC_DIR,
      ...options.server,
    },
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(indexIfEmpty.length > 0 ? { indexIfEmpty } : {}),
    ...(options.admin ? { admin: options.admin } : {}),
  });
  const running = await start.catch((err: unknown) => {
    removeFolders();
    throw err;
  });
  return {
    ...running,
    dataDir,
    async get(path: string) {
      const res = await fetch(`${running.url}${path}`);
      return { status: res.status, body: await responseBody(res), headers: res.headers };
    },
    async stop() {
      await running.close();
      removeFolders();
    },
  };
}

/** `/api/search?…` with repeated parameters. */
export function searchPath(params: Record<string, string | number | (string | number)[]>): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const item of Array.isArray(v) ? v : [v]) usp.append(k, String(item));
  return `/api/search?${usp}`;
}

/** One HTTP response read off a raw socket: what a client of any quality would see. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything the server sent, in order (several responses on a keep-alive connection). */
  raw: string;
}

/**
 * Writes `data` as is to `url`'s host and port and reads until the server closes the connection (or `timeoutMs`):
 * for requests no HTTP client library would send (oversized or malformed). The first response is parsed.
 */
export async function rawHttp(url: string, data: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  const { connect } = await import('node:net');
  const { hostname, port } = new URL(url);
  const raw = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname);
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset after the answer arrived still leaves the answer to read.
      if (chunks.length === 0) reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.write(data);
  });
  const headEnd = raw.indexOf('\r\n\r\n');
  const head = headEnd >= 0 ? raw.slice(0, headEnd) : raw;
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const length = Number(headers['content-length'] ?? NaN);
  const rest = headEnd >= 0 ? raw.slice(headEnd + 4) : '';
  const body = Number.isFinite(length) ? Buffer.from(rest).subarray(0, length).toString('utf8') : rest;
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body, raw };
}
