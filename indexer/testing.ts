import { type ChildProcess, spawn } from 'node:child_process';
import { type ArticleDocument, decodeKey } from '../engine/index.js';

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

const KEY_FIELDS = /^(title_[xsf]|p\d+_[xsf]|sal_[tm])$/;

/** A document with the keys of its term and salient fields read back from the engine's key code (engine/key-code.ts). */
export function decodedKeys<T extends ArticleDocument>(doc: T): T {
  const out = { ...doc };
  const fields = out as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(doc)) {
    if (KEY_FIELDS.test(field) && typeof value === 'string') fields[field] = value.split(' ').map(decodeKey).join(' ');
  }
  return out;
}
