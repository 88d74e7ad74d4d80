import { spawn } from 'node:child_process';

/** `npm run backup|restore -- ARGS` as its own OS process, for tests: exit code and both outputs. */
export function runBackupCli(
  which: 'backup' | 'restore',
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `backup/${which}-cli.ts`, ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
