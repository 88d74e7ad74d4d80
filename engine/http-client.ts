import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

/**
 * The HTTP client of our Meilisearch clients: node:http with keep-alive, writing each request in one piece.
 * Node's fetch sends a POST's headers and body as two writes; on loopback the second waits for a delayed ACK,
 * and a 5 ms search takes 45 ms (measured; see docs/relevance.md). Errors keep the client library's shapes: an
 * API error is a MeilisearchApiError with Meilisearch's body, anything else rejects as it came.
 */
export type HttpClient = (input: RequestInfo | URL, init?: RequestInit) => Promise<unknown>;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64, noDelay: true }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64, noDelay: true }),
};

function headersOf(init: RequestInit | undefined, body: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new Headers(init?.headers)) out[key] = value;
  if (body !== undefined) out['content-length'] = String(Buffer.byteLength(body));
  return out;
}

export const nodeHttpClient: HttpClient = (input, init) =>
  new Promise((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = typeof init?.body === 'string' ? init.body : init?.body == null ? undefined : String(init.body);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason);
    // One signal may serve many requests (a task wait polls with one): the listener leaves with its request.
    const onAbort = () => {
      req.destroy();
      reject(signal?.reason);
    };
    const settle =
      <T>(f: (v: T) => void) =>
      (v: T) => {
        signal?.removeEventListener('abort', onAbort);
        f(v);
      };
    const done = settle(resolve);
    const fail = settle(reject);
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(
      url,
      {
        method: init?.method ?? 'GET',
        headers: headersOf(init, body),
        agent: agents[url.protocol as 'http:' | 'https:'],
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (err) {
            return fail(err);
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return done(parsed);
          const response = new Response(text || null, { status, statusText: res.statusMessage ?? '' });
          fail(new MeilisearchApiError(response, parsed as ConstructorParameters<typeof MeilisearchApiError>[1]));
        });
      },
    );
    req.on('error', fail);
    signal?.addEventListener('abort', onAbort, { once: true });
    req.end(body);
  });
