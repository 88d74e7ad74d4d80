/**
 * "Another site" for the e2e run: a tiny static server on its own origin serving the InstantSearch page (page.ts,
 * bundled by esbuild with the npm packages) and a probe page that calls izde with plain fetch(). The scenario opens
 * it as http://127.0.0.1:PORT (an origin izde's CORS_ORIGINS allows) and as http://localhost:PORT (one it does not).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface EmbedSite {
  /** The allowed origin: http://127.0.0.1:PORT. */
  url: string;
  /** The same site on an origin izde does not allow: http://localhost:PORT. */
  otherOriginUrl: string;
  close(): Promise<void>;
}

const PROBE = `<!doctype html><meta charset="utf-8"><title>probe</title><pre id="out">…</pre>
<script>
  const target = new URLSearchParams(location.search).get('target');
  fetch(target).then((r) => r.json()).then(
    (body) => { document.getElementById('out').textContent = 'read ' + JSON.stringify(body).slice(0, 80); },
    (err) => { document.getElementById('out').textContent = 'blocked ' + err.name; },
  );
</script>`;

export async function startEmbedSite(): Promise<EmbedSite> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: ['es2020', 'chrome100'],
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const pageJs = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  const html = readFileSync(new URL('./index.html', import.meta.url));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [type, body] =
      path === '/page.js'
        ? ['text/javascript; charset=utf-8', pageJs]
        : path === '/probe.html'
          ? ['text/html; charset=utf-8', PROBE]
          : path === '/'
            ? ['text/html; charset=utf-8', html]
            : [undefined, undefined];
    if (!type) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    otherOriginUrl: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
