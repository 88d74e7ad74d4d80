import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * A CLI's arguments, parsed strictly: the parsed arguments, or the exit code when the run ends here. `--help` prints
 * the usage on stdout (0); a mistake prints what was wrong and the usage through `say` (2). Declare `help` among the
 * options for `--help` to be read.
 */
export function parseCliArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
  say: (message: string) => void,
): ReturnType<typeof parseArgs<T>> | 0 | 2 {
  let args: ReturnType<typeof parseArgs<T>>;
  try {
    args = parseArgs(config);
  } catch (err) {
    say(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
    return 2;
  }
  if ('help' in args.values && args.values.help === true) {
    console.log(usage);
    return 0;
  }
  return args;
}

/** A signal that aborts on SIGINT or SIGTERM (the first one only: a second goes to Node's default). */
export function abortOnSignals(): AbortSignal {
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  return abort.signal;
}
