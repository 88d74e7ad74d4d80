/**
 * A closed-loop HTTP load: `clients` loops, each sending its next request as soon as the previous answer is read,
 * over keep-alive connections, for a duration or a number of requests. Latency is measured per request on the client.
 */
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Status codes other than 2xx/304, counted. */
  statuses: Record<string, number>;
  latenciesMs: number[];
  bytes: number;
  elapsedMs: number;
}

export interface LoadOptions {
  clients: number;
  /** Stop after this long… */
  durationMs?: number;
  /** …or after this many requests in all… */
  requests?: number;
  /** …or as soon as this says so. */
  until?: () => boolean;
  /** The i-th request of the run. */
  request: (i: number) => LoadRequest;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(req: LoadRequest): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      req.url,
      {
        method: req.method,
        agent,
        headers: {
          ...(req.headers ?? {}),
          ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}),
        },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  const done = () =>
    options.until?.() === true ||
    (options.requests !== undefined && next >= options.requests) ||
    (options.durationMs !== undefined && performance.now() - started >= options.durationMs);
  const loop = async () => {
    while (!done()) {
      const i = next++;
      const t = performance.now();
      try {
        const res = await send(options.request(i));
        latencies.push(performance.now() - t);
        bytes += res.bytes;
        if (!(res.status >= 200 && res.status < 300) && res.status !== 304) {
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, loop));
  return {
    requests: latencies.length,
    errors,
    statuses,
    latenciesMs: latencies,
    bytes,
    elapsedMs: performance.now() - started,
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
