import { createReadStream } from 'node:fs';
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

/** How a request's body is written: in one piece, or streamed from a file of known size. */
type Body = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'file'; path: string; bytes: number };

interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Body;
  signal?: AbortSignal | undefined;
}

/**
 * How often a request is sent again on a fresh connection when the kept-alive one it was written to turned out closed
 * (a reset before any answer): the other end — a proxy or load balancer in front of MEILI_URL with an idle timeout, an
 * engine that restarted — closed it just then, and a connection that carried no request has none half-done, so
 * sending it again is safe; Node's documentation gives the same advice (`request.reusedSocket`).
 */
const STALE_SOCKET_RETRIES = 3;
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** One request; resolves with the parsed JSON answer, rejects with a MeilisearchApiError for a non-2xx one. */
function send(request: OutgoingRequest, retries = STALE_SOCKET_RETRIES): Promise<unknown> {
  const { url, method, headers, body, signal } = request;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    // One signal may serve many requests (a task wait polls with one): the listener leaves with its request.
    const onAbort = () => {
      req.destroy();
      reject(signal?.reason);
    };
    let file: ReturnType<typeof createReadStream> | undefined;
    let responded = false;
    const settle =
      <T>(f: (v: T) => void) =>
      (v: T) => {
        signal?.removeEventListener('abort', onAbort);
        // An engine may answer (an error) before it has read the whole body: the rest of the upload is dropped with
        // its connection, which could not carry another request, so nothing keeps the process alive.
        if (file && !req.writableFinished) {
          file.destroy();
          req.destroy();
        }
        f(v);
      };
    const done = settle(resolve);
    const fail = settle(reject);
    const transport = url.protocol === 'https:' ? https : http;
    const length = body.kind === 'text' ? Buffer.byteLength(body.text) : body.kind === 'file' ? body.bytes : undefined;
    const req = transport.request(
      url,
      {
        method,
        headers: length === undefined ? headers : { ...headers, 'content-length': String(length) },
        agent: agents[url.protocol as 'http:' | 'https:'],
      },
      (res) => {
        responded = true;
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
    req.on('error', (err: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && !responded && STALE_SOCKET_CODES.has(err.code ?? '');
      if (!stale || retries === 0 || signal?.aborted) return fail(err);
      settle(resolve)(send(request, retries - 1));
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    if (body.kind !== 'file') return void req.end(body.kind === 'text' ? body.text : undefined);
    file = createReadStream(body.path);
    file.on('error', fail);
    file.pipe(req);
  });
}

export const nodeHttpClient: HttpClient = (input, init) => {
  const headers: Record<string, string> = {};
  for (const [key, value] of new Headers(init?.headers)) headers[key] = value;
  const text = typeof init?.body === 'string' ? init.body : init?.body == null ? undefined : String(init.body);
  return send({
    url: new URL(input instanceof Request ? input.url : String(input)),
    method: init?.method ?? 'GET',
    headers,
    body: text === undefined ? { kind: 'none' } : { kind: 'text', text },
    signal: init?.signal ?? undefined,
  });
};

/**
 * POSTs a file as the body, streamed from disk (a batch of documents need not be held in memory as one string,
 * which is all the client library can send). Same answers and errors as {@link nodeHttpClient}.
 */
export function postFile(
  url: URL,
  headers: Record<string, string>,
  file: { path: string; bytes: number },
  signal?: AbortSignal,
): Promise<unknown> {
  return send({ url, method: 'POST', headers, body: { kind: 'file', ...file }, signal });
}
