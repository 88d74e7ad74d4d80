/** Helpers for running a production build in tests and benchmarks. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './build.js';

interface LockedPackage {
  dev?: boolean;
}

/**
 * Links into `nodeModules` the packages `npm prune --omit=dev` keeps: package-lock.json's top-level entries that are
 * not marked `dev` (their own nested node_modules come along). A build beside it can then import nothing that only
 * a developer has: no tsx, no TypeScript, no esbuild. Returns the names linked.
 */
export function linkProductionModules(nodeModules: string): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  const linked: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || path.indexOf('/node_modules/') !== -1 || entry.dev) continue;
    const source = join(ROOT, path);
    if (!existsSync(source)) continue; // an optional dependency for another platform
    const name = path.slice('node_modules/'.length);
    const target = join(nodeModules, name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(source, target, 'dir');
    linked.push(name);
  }
  return linked;
}

export interface RunningCommand {
  url: string;
  child: ChildProcess;
  /** Everything the command printed so far. */
  output(): string;
  /** Ctrl-C to its whole process group, as a terminal sends it; resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

const READY = /izde is ready: (http:\/\/[^\s"]+)/;

/** Starts an izde server command in its own process group and resolves once it logs that it is ready. */
export function startUntilReady(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunningCommand> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: 'pipe' });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (timeoutMs = 20_000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const pid = child.pid;
    if (pid === undefined) return null;
    signalGroup(pid, 'SIGINT');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`not ready in ${options.timeoutMs ?? 120_000} ms:\n${output}`)));
    }, options.timeoutMs ?? 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = READY.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({ url: ready[1], child, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
