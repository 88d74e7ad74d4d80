/** How the benchmarks run izde's own commands: as package.json's scripts run them, flags included. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { followCpu, followPeakRss } from './proc.js';

const ROOT = new URL('../..', import.meta.url).pathname;

export function runNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** How izde's indexer and server are started: Node's arguments, from package.json's scripts. */
export interface IzdeCommands {
  index: string[];
  serve: string[];
}

/**
 * Node's arguments for a package.json script (its last `&&` step: `tsx [NODE_FLAGS] FILE` or `node [NODE_FLAGS] FILE`),
 * so that the benchmark runs izde exactly as users do, heap limits included. Node reads every flag before the script's
 * path as its own, so the words follow `--import tsx` as they are.
 */
function scriptArgs(name: string): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = (pkg.scripts[name] ?? '').split('&&').pop()?.trim().split(/\s+/) ?? [];
  if (words[0] === 'tsx') return ['--import', 'tsx', ...words.slice(1)];
  if (words[0] === 'node') return words.slice(1);
  throw new Error(`package.json's ${name} script is not a tsx or node command: ${pkg.scripts[name]}`);
}

/** `npm run index` and `npm run serve`, or with --prod their production twins (after `npm run build`). */
export function izdeCommands(prod: boolean): IzdeCommands {
  if (!prod) return { index: scriptArgs('index'), serve: scriptArgs('serve') };
  console.error('Building the production version (npm run build)…');
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
  return { index: scriptArgs('index:prod'), serve: scriptArgs('serve:prod') };
}

/** Runs the izde indexer CLI (`npm run index -- ARGS`); returns its wall time, exit code, peak RSS, CPU seconds and summary line. */
export async function runIndexer(commands: IzdeCommands, args: string[], dataDir: string) {
  const started = performance.now();
  const child = runNode([...commands.index, ...args], { MEILI_DB_PATH: dataDir });
  const peak = followPeakRss(child.pid ?? 0);
  const cpu = followCpu(child.pid ?? 0);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  return { seconds, code, peakMb: peak(), cpuSeconds: cpu(), stdout: stdout.trim(), stderr: stderr.trim() };
}
