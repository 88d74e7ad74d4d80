import { EngineError, redactText } from '../engine/index.js';
import { BackupError } from './errors.js';

/** A line for a person on stderr, secrets removed. */
export const say = (message: string) => console.error(redactText(message));

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
