import type { ParseArgsConfig, parseArgs } from 'node:util';
import { abortOnSignals, parseCliArgs } from '../common/cli-args.js';
import { EngineError, engineConfigFromEnv, type Gateway, redactText } from '../engine/index.js';
import { BackupError } from './errors.js';

/** A line for a person on stderr, secrets removed. */
export const say = (message: string) => console.error(redactText(message));

/** The CLI's one FILE argument, or null once it has said what is wrong (none, or more than one). */
export function fileArgument(positionals: readonly string[], usage: string): string | null {
  const [file, ...extra] = positionals;
  if (file && extra.length === 0) return file;
  say(`${file ? 'One file only.' : 'No file given.'}\n${usage}`);
  return null;
}

/** The one line printed when a backup or restore fails: what went wrong, never a stack trace. */
export function failureMessage(err: unknown, what: 'Backup' | 'Restore'): string {
  if (err instanceof BackupError || err instanceof EngineError) return err.message;
  return `${what} failed: ${err instanceof Error ? err.message : String(err)}`;
}

/** Progress on a terminal (one rewritten line); nothing in logs and pipes. */
export function progressLine(verb: string): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => {};
  return (done, total) => process.stderr.write(`\r\x1b[K${verb} ${done} of ${total} articles`);
}

export const endProgress = () => {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
};

export const humanSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export interface FileCli<T extends ParseArgsConfig> {
  usage: string;
  /** The arguments (declare `help`; FILE is the one positional). */
  args: T;
  what: 'Backup' | 'Restore';
  /** The line said when the run was interrupted (SIGINT/SIGTERM), instead of the failure. */
  interrupted?: string;
}

/**
 * A backup or restore CLI from start to exit code: its arguments (the usage on --help or a mistake), the engine
 * opened as the server opens it (MEILI_URL / MEILI_DB_PATH / INDEX_NAME), `job` with the FILE, the one line on
 * failure (never a stack trace), and the engine closed whatever happens. 0 done, 2 nothing done.
 */
export async function runFileCli<T extends ParseArgsConfig>(
  cli: FileCli<T>,
  job: (run: {
    gateway: Gateway;
    file: string;
    args: ReturnType<typeof parseArgs<T>>;
    signal: AbortSignal;
  }) => Promise<void>,
): Promise<number> {
  const args = parseCliArgs(cli.args, cli.usage, say);
  if (typeof args === 'number') return args;
  const file = fileArgument(args.positionals ?? [], cli.usage);
  if (file === null) return 2;
  const signal = abortOnSignals();
  let gateway: Gateway | undefined;
  try {
    const { Gateway } = await import('../engine/index.js');
    gateway = await Gateway.open({ config: engineConfigFromEnv(), log: say });
    await job({ gateway, file, args, signal });
    return 0;
  } catch (err) {
    endProgress();
    say(signal.aborted && cli.interrupted ? cli.interrupted : failureMessage(err, cli.what));
    return 2;
  } finally {
    await gateway?.close();
  }
}
