/**
 * The production build, `npm run build`: the server, the indexer and every CLI compiled to JavaScript by `tsc`
 * (tsconfig.build.json) into dist/, one .js file per .ts file in the same folders, so every data file the code reads
 * relative to its own module (`new URL('./data/…', import.meta.url)`, JSON imports) is found once the `data/` folders
 * are copied beside it. The page is built into dist/web/dist/, where the compiled server looks for it. dist/ gets a
 * package.json of its own (`"type": "module"`), so it runs wherever it is copied next to a production node_modules.
 * Run time then needs Node and the production dependencies only: no tsx, no TypeScript, no esbuild
 * (`npm prune --omit=dev`; docs/deploy.md).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWeb } from '../web/build.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DEFAULT_OUT_DIR = join(ROOT, 'dist');
const TSCONFIG = join(ROOT, 'tsconfig.build.json');

export interface BuildOptions {
  /** Where the build goes (emptied first); default dist/. */
  outDir?: string;
  /** Type-check while compiling (default true). `npm run typecheck` checks the same code, so tests may skip it. */
  typeCheck?: boolean;
}

export interface BuildSummary {
  outDir: string;
  /** Compiled .js files. */
  modules: number;
  /** Data folders copied beside the compiled modules, relative to the project. */
  dataDirs: string[];
  /** Bytes of the built page's files. */
  page: Record<string, number>;
  problems: string[];
}

/** The folders tsconfig.build.json compiles: the code that runs in production. */
export function runtimeFolders(): string[] {
  const config = JSON.parse(readFileSync(TSCONFIG, 'utf8')) as { include?: unknown };
  if (!Array.isArray(config.include) || !config.include.every((f) => typeof f === 'string'))
    throw new Error('tsconfig.build.json has no "include" list of folders');
  return config.include.filter((f: string) => f !== 'types');
}

export async function buildProduction(options: BuildOptions = {}): Promise<BuildSummary> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  // Emptying the output folder must never reach the sources.
  if (outDir === ROOT.replace(/[/\\]$/, '') || ROOT.startsWith(outDir + sep))
    throw new Error(`refusing to build into ${outDir}: it holds the project`);
  rmSync(outDir, { recursive: true, force: true });

  compile(outDir, options.typeCheck ?? true);
  checkEmitted(outDir);
  const dataDirs = copyDataFolders(outDir);
  writePackageJson(outDir);
  const web = await buildWeb(pathToFileURL(join(outDir, 'web', 'dist') + sep));
  return { outDir, modules: countFiles(outDir, '.js'), dataDirs, page: web.bytes, problems: web.problems };
}

function compile(outDir: string, typeCheck: boolean): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = [tsc, '-p', TSCONFIG, '--outDir', outDir, ...(typeCheck ? [] : ['--noCheck'])];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim() || run.error?.message || `exit ${run.status}`;
    throw new Error(`tsc failed:\n${output}`);
  }
}

const TEST_ONLY = /(?:\.test|\.fixture|(?:^|[/-])testing)\.js$/;

/**
 * tsc compiles what the run-time folders import, wherever it lives: a test helper, bench or eval file imported by
 * run-time code would be emitted and shipped. The build refuses that.
 */
export function checkEmitted(outDir: string): void {
  const allowed = new Set(runtimeFolders());
  const strays: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(outDir, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (dir === outDir && !allowed.has(entry.name)) strays.push(`${rel}/`);
        else visit(path);
      } else if (TEST_ONLY.test(rel)) strays.push(rel);
    }
  };
  visit(outDir);
  if (strays.length) throw new Error(`run-time code imports files that are not run-time code: ${strays.join(', ')}`);
}

/** Copies every `data` folder of the compiled code (word lists, gazetteer, grammar) to the same place in outDir. */
function copyDataFolders(outDir: string): string[] {
  const copied: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === 'data') {
        const rel = relative(ROOT, path);
        cpSync(path, join(outDir, rel), { recursive: true });
        copied.push(rel.split(sep).join('/'));
      } else visit(path);
    }
  };
  for (const folder of runtimeFolders()) visit(join(ROOT, folder));
  return copied.sort();
}

/** dist/package.json: ES modules, and the name and version the server reports (ETags name its build). */
function writePackageJson(outDir: string): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const own = { name: pkg.name, version: pkg.version, private: true, type: 'module', engines: pkg.engines };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(own, null, 2)}\n`);
}

function countFiles(dir: string, ext: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) n += countFiles(path, ext);
    else if (entry.name.endsWith(ext)) n++;
  }
  return n;
}

/** Size of a built file or folder, for the summary line. */
function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  try {
    const summary = await buildProduction();
    for (const p of summary.problems) console.warn(`build: ${p}`);
    const page = Object.entries(summary.page).map(([name, n]) => `${name} ${(n / 1024).toFixed(1)} KiB`);
    const where = relative(process.cwd(), summary.outDir) || '.';
    console.log(
      `build: ${where}/ — ${summary.modules} modules, data ${summary.dataDirs.join(', ')}, ` +
        `page ${page.join(', ')}; ${(sizeOf(summary.outDir) / 1024 / 1024).toFixed(1)} MiB in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s. Run it with \`npm run start:prod\`.`,
    );
    if (!existsSync(join(summary.outDir, 'server', 'main.js'))) throw new Error('dist/server/main.js was not built');
  } catch (err) {
    console.error(`build failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
