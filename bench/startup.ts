/**
 * Start-up time and memory of the production path against `npm start`, side by side in one run.
 *
 *   npm run bench:startup -- [--runs 3] [--queries 40] [--keep]
 *
 * Deploys the project as an operator would: the working tree and node_modules copied to a temporary folder, there
 * `npm run build`, then `npm prune --omit=dev` (the real one: tsx, TypeScript and esbuild must be gone afterwards).
 * Then, alternating, `npm start` in this development install and `npm run start:prod` in the pruned copy, each on
 * its own fresh data folder ("first start": starts Meilisearch and indexes the five sample articles) and again on
 * the filled one ("restart"). Measured: milliseconds from the command to the server's "ready" line; resident memory
 * (RSS) of the izde server process and of all the processes the command started (npm, shell, tsx and its esbuild
 * service), Meilisearch left out (the same binary either way), right after ready and after `--queries` searches.
 * Medians of `--runs` runs. Everything it started is stopped and its temporary folder removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../deploy/build.js';
import { startUntilReady } from '../deploy/testing.js';
import { diskMb, rssMb } from './lib/proc.js';
import { printTable } from './lib/table.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    queries: { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const queries = Number(values.queries);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(queries) || queries < 0) {
  console.error('Usage: npm run bench:startup -- [--runs 3] [--queries 40] [--keep]');
  process.exit(2);
}

const QUERIES = ['ШОС', 'Қазақстан', 'президент', 'саммит', 'Астана', 'министрлері', 'Uzbekistan', 'rfpf[cnfy'];

type Mode = 'npm start' | 'npm run start:prod';
interface Sample {
  mode: Mode;
  phase: 'first start' | 'restart';
  readyMs: number;
  serverMb: number;
  allMb: number;
  serverAfterMb: number;
  allAfterMb: number;
  processes: string;
}

/** The processes below `pid` (itself included), from /proc: pid → command name. */
function processTree(pid: number): Map<number, string> {
  const parentOf = new Map<number, number>();
  const nameOf = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
      nameOf.set(Number(entry), name);
    } catch {
      // exited meanwhile
    }
  }
  const tree = new Map<number, string>([[pid, nameOf.get(pid) ?? '?']]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parentOf)
      if (tree.has(parent) && !tree.has(child)) {
        tree.set(child, nameOf.get(child) ?? '?');
        grew = true;
      }
  }
  return tree;
}

/** RSS of the server process (the one that logged "ready") and of every izde process but Meilisearch. */
function memory(rootPid: number, serverPid: number): { serverMb: number; allMb: number; processes: string } {
  const tree = [...processTree(rootPid)].filter(([, name]) => name !== 'meilisearch');
  const allMb = tree.reduce((sum, [pid]) => sum + (rssMb(pid) || 0), 0);
  const processes = tree.map(([pid, name]) => `${name} ${rssMb(pid).toFixed(0)}`).join(', ');
  return { serverMb: rssMb(serverPid), allMb, processes };
}

async function measure(mode: Mode, cwd: string, dataDir: string, phase: Sample['phase']): Promise<Sample> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    MEILI_DB_PATH: dataDir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
  };
  delete env.MEILI_URL;
  delete env.MEILI_MASTER_KEY;
  const args = mode === 'npm start' ? ['start'] : ['run', 'start:prod'];
  const started = performance.now();
  const running = await startUntilReady('npm', args, { cwd, env, timeoutMs: 180_000 });
  const readyMs = performance.now() - started;
  try {
    const serverPid = Number(/"pid":(\d+)[^\n]*izde is ready/.exec(running.output())?.[1]);
    const rootPid = running.child.pid ?? serverPid;
    const before = memory(rootPid, serverPid);
    const base = running.url.replace('localhost', '127.0.0.1');
    for (let i = 0; i < queries; i++) {
      const q = QUERIES[i % QUERIES.length] ?? '';
      const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&page=${1 + (i % 3)}`);
      if (res.status !== 200) throw new Error(`${mode}: search ${q} answered ${res.status}`);
      await res.arrayBuffer();
    }
    const after = memory(rootPid, serverPid);
    return {
      mode,
      phase,
      readyMs,
      serverMb: before.serverMb,
      allMb: before.allMb,
      serverAfterMb: after.serverMb,
      allAfterMb: after.allMb,
      processes: after.processes,
    };
  } finally {
    // npm ends by the Ctrl-C itself (no exit code); anything else is worth a line.
    const code = await running.stop();
    if (code !== null && code !== 0) console.warn(`${mode} exited with ${code}`);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** The working tree (tracked and new files, not ignored ones) and node_modules, copied to `to`. */
function copyProject(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = join(ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(from, join(to, file));
  }
  execFileSync('cp', ['-a', join(ROOT, 'node_modules'), join(to, 'node_modules')]);
}

const work = mkdtempSync(join(tmpdir(), 'izde-startup-'));
const copy = join(work, 'izde');
let failed = false;
try {
  console.log(`Deploying a copy to ${copy}: build, then npm prune --omit=dev …`);
  copyProject(copy);
  const devModulesMb = diskMb(join(copy, 'node_modules'));
  let t = performance.now();
  execFileSync('npm', ['run', '-s', 'build'], { cwd: copy, stdio: ['ignore', 'inherit', 'inherit'] });
  const buildS = (performance.now() - t) / 1000;
  t = performance.now();
  execFileSync('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund', '--offline'], {
    cwd: copy,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pruneS = (performance.now() - t) / 1000;
  const left = ['tsx', 'typescript', 'esbuild', 'vitest'].filter((p) => existsSync(join(copy, 'node_modules', p)));
  if (left.length) throw new Error(`npm prune --omit=dev left development packages: ${left.join(', ')}`);
  if (!existsSync(join(copy, 'node_modules', '@gaubee', 'meilisearch-linux-amd64')))
    throw new Error('npm prune --omit=dev removed the embedded Meilisearch (an optional dependency)');
  const prodModulesMb = diskMb(join(copy, 'node_modules'));
  console.log(
    `build ${buildS.toFixed(1)} s, prune ${pruneS.toFixed(1)} s; node_modules ${devModulesMb.toFixed(0)} MB → ` +
      `${prodModulesMb.toFixed(0)} MB; dist/ ${diskMb(join(copy, 'dist')).toFixed(1)} MB`,
  );

  const samples: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so neither always meets a colder page cache.
    const order: [Mode, string][] = [
      ['npm start', ROOT],
      ['npm run start:prod', copy],
    ];
    if (run % 2) order.reverse();
    for (const [mode, cwd] of order) {
      const dataDir = join(work, `data-${mode === 'npm start' ? 'dev' : 'prod'}-${run}`);
      for (const phase of ['first start', 'restart'] as const) {
        const s = await measure(mode, cwd, dataDir, phase);
        samples.push(s);
        console.log(
          `run ${run + 1} ${mode} ${phase}: ready in ${s.readyMs.toFixed(0)} ms; RSS server ` +
            `${s.serverMb.toFixed(0)} MB, all ${s.allMb.toFixed(0)} MB (${s.processes})`,
        );
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  const rows: string[][] = [];
  for (const phase of ['first start', 'restart'] as const) {
    const of = (mode: Mode, f: (s: Sample) => number) =>
      median(samples.filter((s) => s.mode === mode && s.phase === phase).map(f));
    const metrics: [string, (s: Sample) => number, string][] = [
      ['ready (ms)', (s) => s.readyMs, 'ms'],
      ['server RSS at ready (MB)', (s) => s.serverMb, 'MB'],
      ['all processes RSS at ready (MB)', (s) => s.allMb, 'MB'],
      [`server RSS after ${queries} searches (MB)`, (s) => s.serverAfterMb, 'MB'],
      [`all processes RSS after ${queries} searches (MB)`, (s) => s.allAfterMb, 'MB'],
    ];
    for (const [label, f] of metrics) {
      const dev = of('npm start', f);
      const prod = of('npm run start:prod', f);
      rows.push([
        phase,
        label,
        dev.toFixed(0),
        prod.toFixed(0),
        `${(dev - prod).toFixed(0)} (${((1 - prod / dev) * 100).toFixed(0)}%)`,
      ]);
    }
  }
  printTable(
    `Start-up, medians of ${runs} runs (Meilisearch's own memory not counted)`,
    ['phase', 'measure', 'npm start', 'start:prod', 'saved'],
    rows,
  );
} catch (err) {
  failed = true;
  console.error(`bench:startup failed: ${(err as Error).message}`);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
