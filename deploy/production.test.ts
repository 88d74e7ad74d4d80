/**
 * The production path end to end: `buildProduction()` into a temporary folder, beside it a node_modules holding only
 * the production dependencies (what `npm prune --omit=dev` keeps), then the built CLIs and server run there with
 * plain `node` — no tsx, no TypeScript, no esbuild can be reached from that folder. The real `npm prune` runs in
 * `npm run bench:startup` (it would strip this development install).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../analyzers/index.js';
import { dataPaths } from '../engine/index.js';
import { buildProduction, checkEmitted, ROOT } from './build.js';
import { linkProductionModules, type RunningCommand, startUntilReady } from './testing.js';

const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/**
 * `tsx [NODE_FLAGS] FILE.ts ARGS` at the end of a script whose file is compiled for production → its
 * `node [NODE_FLAGS] dist/FILE.js ARGS` (the same heap limits in both).
 */
function prodTwin(command: string): string | null {
  const m = /(?:^|&&\s*)tsx\s+((?:--\S+\s+)*)((?:analyzers|indexer|server|engine|backup)\/\S+)\.ts(.*)$/.exec(command);
  return m ? `node ${m[1]}dist/${m[2]}.js${m[3]}` : null;
}
const twins = Object.entries(scripts)
  .map(([name, command]) => ({ name, twin: prodTwin(command) }))
  .filter((s): s is { name: string; twin: string } => s.twin !== null);

let root: string;
let app: string;
const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? root,
  ...extra,
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'izde-prod-'));
  app = join(root, 'app');
  // The emitted JavaScript is the same with or without type checking; `npm run typecheck` checks the code.
  await buildProduction({ outDir: app, typeCheck: false });
  linkProductionModules(join(app, 'node_modules'));
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('package.json', () => {
  it('has the contract commands for the production path', () => {
    expect(scripts.build).toBeDefined();
    expect(scripts['start:prod']).toBe(
      'node --max-old-space-size=192 --max-semi-space-size=4 dist/server/main.js --index-if-empty data/articles',
    );
  });

  it.each(['prestart:prod', 'preserve:prod'])('`%s` says to build first when there is no build', (hook) => {
    const run = spawnSync('sh', ['-c', scripts[hook] ?? 'false'], { cwd: root, encoding: 'utf8', env: cleanEnv({}) });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('run npm run build first');
  });

  it('lists the CLIs that have production twins', () => {
    expect(twins.map((t) => t.name)).toEqual(
      expect.arrayContaining(['start', 'serve', 'index', 'backup', 'restore', 'stem', 'analyze']),
    );
  });

  it.each(twins)('`$name` has a `$name:prod` that runs its compiled file', ({ name, twin }) => {
    expect(scripts[`${name}:prod`]).toBe(twin);
    expect(
      existsSync(
        join(
          app,
          twin
            .split(' ')
            .find((w) => w.startsWith('dist/'))
            ?.replace(/^dist\//, '') ?? '',
        ),
      ),
    ).toBe(true);
  });
});

describe('the build', () => {
  it('needs no development package at run time', () => {
    for (const dev of ['tsx', 'typescript', 'esbuild', 'vitest'])
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'express'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', '@gaubee', 'meilisearch-linux-amd64'))).toBe(true);
  });

  it('holds the page and the data files beside the modules', () => {
    expect(readFileSync(join(app, 'web', 'dist', 'index.html'), 'utf8')).toMatch(/app\.js\?v=[0-9a-f]{10}/);
    for (const data of ['analyzers/data/gazetteer.json', 'analyzers/ru/data/news-lexemes.tsv'])
      expect(existsSync(join(app, data)), data).toBe(true);
    expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });
  });

  it.each([['server/testing.js'], ['server/meili/filter-testing.js'], ['indexer/run.test.js'], ['bench/scale.js']])(
    'is refused when run-time code pulls in %s',
    (stray) => {
      const fake = join(root, 'fake');
      rmSync(fake, { recursive: true, force: true });
      for (const file of ['server/main.js', stray]) {
        mkdirSync(join(fake, file, '..'), { recursive: true });
        writeFileSync(join(fake, file), '');
      }
      expect(() => checkEmitted(fake)).toThrow(stray.startsWith('bench') ? 'bench/' : stray);
      rmSync(join(fake, stray));
      if (stray.startsWith('bench')) rmSync(join(fake, 'bench'), { recursive: true });
      expect(() => checkEmitted(fake)).not.toThrow();
    },
  );

  it.each([
    ['analyzers/cli/stem.js', ['--lang', 'kk'], 'министрлері\n', /^\S+\n$/],
    ['analyzers/cli/analyze.js', [], 'Қазақстанның министрлері\n', /"surface":"Қазақстанның"/],
    ['indexer/cli.js', ['--help'], '', /^Usage: npm run index/],
    ['backup/backup-cli.js', ['--help'], '', /^Usage: npm run backup/],
    ['backup/restore-cli.js', ['--help'], '', /^Usage: npm run restore/],
  ])('%s runs with plain node', (file, args, input, expected) => {
    const run = spawnSync(process.execPath, [join(app, file), ...args], {
      input,
      encoding: 'utf8',
      cwd: root,
      env: cleanEnv({}),
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(expected);
  });
});

describe('the built server', () => {
  let server: RunningCommand | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('serves like `npm start`: indexes the sample corpus, answers health, search and the page, stops on Ctrl-C', async () => {
    const dataDir = join(root, 'meili');
    server = await startUntilReady(
      process.execPath,
      [join(app, 'server', 'main.js'), '--index-if-empty', join(ROOT, 'data', 'articles')],
      {
        cwd: root,
        env: cleanEnv({ PORT: '0', HOST: '127.0.0.1', MEILI_DB_PATH: dataDir, RATE_LIMIT_PER_MINUTE: '0' }),
        timeoutMs: 120_000,
      },
    );
    const base = server.url.replace('localhost', '127.0.0.1');
    const get = async (path: string) => {
      const res = await fetch(base + path);
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
    };

    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({
      status: 'ok',
      meilisearch: 'available',
      documents: 5,
      analyzerVersion: ANALYZER_VERSION,
      indexAnalyzerVersions: { [ANALYZER_VERSION]: 5 },
    });

    const search = await get(`/api/search?q=${encodeURIComponent('ШОС')}`);
    expect(search.status).toBe(200);
    const body = JSON.parse(search.text) as { total: number; hits: { snippet: string; orgs: string[] }[] };
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits[0]?.orgs).toContain('SCO');
    expect(body.hits.some((h) => h.snippet.includes('<mark>'))).toBe(true);

    const bad = await get('/api/search?limit=0');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error: { code: 'BAD_PARAMETER' } });

    const openapi = await get('/api/openapi.json');
    expect(openapi.status).toBe(200);
    expect(JSON.parse(openapi.text)).toMatchObject({ openapi: '3.1.1', info: { title: 'izde' } });

    const page = await get('/');
    expect(page.status).toBe(200);
    const script = /src="(app\.js\?v=[0-9a-f]+)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const js = await get(`/${script}`);
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/javascript/);

    expect(await server.stop()).toBe(0);
    expect(existsSync(dataPaths(dataDir).lock)).toBe(false);
  }, 180_000);
});
