import { type ChildProcess, spawn } from 'node:child_process';

export interface CliOutcome {
  code: number | null;
  /** Set when the process was killed by a signal (a chaos test's kill -9). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run index -- ARGS` started as its own OS process (as a user runs it), for tests that act while it runs (kill
 * it, kill its engine): the child, its output so far, and its outcome.
 */
export function spawnIndexCli(
  args: readonly string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => { stdout: string; stderr: string }; done: Promise<CliOutcome> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/cli.ts', ...args], {
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const done = new Promise<CliOutcome>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, output: () => ({ stdout, stderr }), done };
}

/** `npm run index -- ARGS` as its own OS process (as a user runs it), for tests: exit code and both outputs. */
export async function runIndexCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await spawnIndexCli(args, env).done;
  return { code, stdout, stderr };
}
