/**
 * Builds the page into web/dist/: index.html, app.js (src/main.ts bundled and minified by esbuild), styles.css,
 * favicon.svg. Asset URLs carry a content hash (?v=…) because the server caches them for an hour while index.html
 * is revalidated. Organization names from the gazetteer are put into the bundle as __ORG_LABELS__.
 * `npm run build:web`; e2e/run.ts calls buildWeb() itself so the browser always tests the current source.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { loadOrgLabels } from './org-labels.js';

const WEB = new URL('./', import.meta.url);
export const DIST = new URL('./dist/', import.meta.url);
const TARGET = ['es2020', 'chrome100', 'firefox100', 'safari15'];

export interface BuildResult {
  outDir: string;
  bytes: Record<string, number>;
  problems: string[];
}

const hash = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex').slice(0, 10);

export async function buildWeb(outDir: URL = DIST): Promise<BuildResult> {
  const problems: string[] = [];
  const { labels, problem } = loadOrgLabels();
  if (problem) problems.push(problem);

  const js = await build({
    entryPoints: [fileURLToPath(new URL('./src/main.ts', WEB))],
    bundle: true,
    format: 'iife',
    target: TARGET,
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8', // Cyrillic as UTF-8, not \u escapes (half the size)
    define: { __ORG_LABELS__: JSON.stringify(labels) },
    logLevel: 'silent',
  });
  const css = await build({
    entryPoints: [fileURLToPath(new URL('./styles.css', WEB))],
    bundle: true,
    minify: true,
    write: false,
    target: TARGET,
    logLevel: 'silent',
  });
  const [appOut] = js.outputFiles;
  const [stylesOut] = css.outputFiles;
  if (!appOut || !stylesOut) throw new Error('esbuild wrote no output');
  const appJs = appOut.contents;
  const stylesCss = stylesOut.contents;
  const html = readFileSync(new URL('./index.html', WEB), 'utf8')
    .replace('src="app.js"', `src="app.js?v=${hash(appJs)}"`)
    .replace('href="styles.css"', `href="styles.css?v=${hash(stylesCss)}"`);
  if (!html.includes('app.js?v=') || !html.includes('styles.css?v='))
    throw new Error('index.html no longer references app.js and styles.css');
  const favicon = readFileSync(new URL('./favicon.svg', WEB));

  mkdirSync(outDir, { recursive: true });
  const files: Record<string, string | Uint8Array> = {
    'app.js': appJs,
    'styles.css': stylesCss,
    'favicon.svg': favicon,
    'index.html': html,
  };
  const bytes: Record<string, number> = {};
  // Assets first, index.html last: a page served mid-build never points at an asset that is not there yet.
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(new URL(name, outDir), content);
    bytes[name] = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  }
  return { outDir: fileURLToPath(outDir), bytes, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const result = await buildWeb();
    for (const p of result.problems) console.warn(`build:web: ${p}`);
    const sizes = Object.entries(result.bytes).map(([name, n]) => `${name} ${(n / 1024).toFixed(1)} KiB`);
    console.log(`build:web: ${result.outDir} (${sizes.join(', ')})`);
  } catch (err) {
    console.error(`build:web failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
