import { parseArgs } from 'node:util';
import type { Gateway, LockEntry, LockOptions } from '../engine/index.js';
import {
  diskTrouble,
  EngineError,
  engineConfigFromEnv,
  redactText,
  storageTrouble,
  watchDiskSpace,
} from '../engine/index.js';

const USAGE = `Usage: npm run index -- [--reset] PATH...
       npm run index -- --sync PATH...
       npm run index -- --watch PATH...
       npm run index -- --delete ID...
Indexes .txt, .html/.htm, .json (array of records) and .jsonl files and folders (recursively).
  --reset    empty the index first
  --sync     mirror the paths: add new articles, replace changed ones, delete vanished ones, skip unchanged ones;
             the summary says "added N, updated N, unchanged N, deleted N"
  --watch    sync the paths, then keep the index in step with them until Ctrl-C
  --delete   delete the articles with these ids; ids that were not there are named
  --no-wait  when another sync (or a reindex) is writing, stop at once instead of waiting for it
  --batch-size N
             send Meilisearch at most N articles per batch (default 10000; a batch also ends at 90 MB): smaller
             batches for an engine with little memory or a small payload limit, at some cost in indexing time
Exit code: 0 all done, 1 some files, records or ids skipped, 2 nothing could be done.`;

type Mode = 'index' | 'sync' | 'watch' | 'delete';

function parse() {
  const args = parseArgs({
    options: {
      reset: { type: 'boolean' },
      sync: { type: 'boolean' },
      watch: { type: 'boolean' },
      delete: { type: 'boolean' },
      'no-wait': { type: 'boolean' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const v = args.values;
  const modes = (['sync', 'watch', 'delete'] as const).filter((m) => v[m]);
  if (modes.length > 1) throw new Error(`--${modes.join(' and --')} cannot be used together.`);
  if (v.reset && modes.length) throw new Error(`--reset cannot be used with --${modes[0]}.`);
  const mode: Mode = modes[0] ?? 'index';
  const batchDocuments = v['batch-size'] === undefined ? undefined : batchSize(v['batch-size']);
  if (batchDocuments !== undefined && mode === 'delete') throw new Error('--batch-size cannot be used with --delete.');
  return {
    mode,
    reset: v.reset ?? false,
    wait: !v['no-wait'],
    batchDocuments,
    help: v.help ?? false,
    positionals: args.positionals,
  };
}

/** Meilisearch takes at most 100 MB per payload by default; the 90 MB cap of a batch holds whatever N is. */
const MAX_BATCH_DOCUMENTS = 100_000;

function batchSize(given: string): number {
  const n = /^\d+$/.test(given) ? Number(given) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_BATCH_DOCUMENTS) {
    throw new Error(`--batch-size must be a whole number from 1 to ${MAX_BATCH_DOCUMENTS}; got "${given}".`);
  }
  return n;
}

const clock = () => new Date().toTimeString().slice(0, 8);

/**
 * An indexer meets an archive's whole vocabulary: its analysis keeps three times the server's words (about 45 MB),
 * which spares it re-analyzing 16 % of the tokens of a large archive (docs/performance.md, Scale).
 */
const ANALYSIS = { wordCache: 120_000 } as const;

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length === 0) {
    console.error(`${args.mode === 'delete' ? 'No ids given' : 'No paths given'}.\n${USAGE}`);
    return 2;
  }

  let gateway: Gateway | undefined;
  let releaseLocks: () => Promise<void> = async () => {};
  let onStop: () => Promise<void> = async () => {};
  const stop = async (code: number) => {
    await onStop();
    await releaseLocks();
    await gateway?.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));

  // The embedded engine's disk: a full one stalls Meilisearch's task queue, so say so instead of waiting on it.
  let dataDir: string | undefined;
  let stopWatch = () => {};
  try {
    // Loaded only once the arguments are good: the analyzers load dictionaries, which usage errors need not wait for.
    const { Gateway, releaseAllLocks, waitingMessage } = await import('../engine/index.js');
    releaseLocks = releaseAllLocks;
    const config = engineConfigFromEnv();
    dataDir = config.url ? undefined : config.dataDir;
    if (dataDir) {
      stopWatch = watchDiskSpace(dataDir, (message) => {
        console.error(redactText(`Indexing stopped. ${message}`));
        void stop(2);
      });
    }
    gateway = await Gateway.open({ config, log: (m) => console.error(redactText(m)) });
    const lock: Partial<LockOptions> = {
      wait: args.wait,
      onWait: (holders: LockEntry[]) => console.error(redactText(waitingMessage(holders))),
    };
    const setStop = (fn: () => Promise<void>) => {
      onStop = fn;
    };
    const { code, reasons } = await run(gateway, args, lock, setStop);
    if (code !== 0) {
      const disk = (dataDir ? diskTrouble(dataDir) : null) ?? storageTrouble(reasons);
      if (disk) console.error(redactText(disk));
    }
    return code;
  } catch (err) {
    const message =
      err instanceof EngineError || (err instanceof Error && err.name === 'LockBusyError')
        ? (err as Error).message
        : `Indexing failed: ${(err as Error).message}`;
    const disk = (dataDir ? diskTrouble(dataDir) : null) ?? storageTrouble([message]);
    console.error(redactText(disk ? `${message}\n${disk}` : message));
    return 2;
  } finally {
    stopWatch();
    await releaseLocks();
    await gateway?.close();
  }
}

/** Runs the chosen mode and prints what a user needs: a summary line on stdout, problems on stderr. */
async function run(
  gateway: Gateway,
  args: ReturnType<typeof parse>,
  lock: Partial<LockOptions>,
  setStop: (fn: () => Promise<void>) => void,
): Promise<{ code: number; reasons: string[] }> {
  const paths = args.positionals;
  switch (args.mode) {
    case 'index': {
      const { runIndexer, summaryLine } = await import('./run.js');
      const result = await runIndexer(gateway, {
        paths,
        reset: args.reset,
        lock,
        batchDocuments: args.batchDocuments,
        analysis: ANALYSIS,
      });
      console.log(summaryLine(result));
      if (result.engineFailure) console.error(redactText(`Indexing stopped: ${result.engineFailure.message}`));
      return { code: result.exitCode, reasons: reasonsOf(result) };
    }
    case 'sync': {
      const { runSync, syncSummaryLine } = await import('./sync.js');
      const result = await runSync(gateway, { paths, lock, batchDocuments: args.batchDocuments, analysis: ANALYSIS });
      console.log(syncSummaryLine(result));
      if (result.engineFailure) console.error(redactText(`Sync stopped: ${result.engineFailure.message}`));
      return { code: result.exitCode, reasons: reasonsOf(result) };
    }
    case 'delete': {
      const { deleteArticles } = await import('./delete.js');
      const result = await deleteArticles(gateway, paths, { lock });
      const n = result.deleted.length;
      console.log(
        `Deleted ${n} article${n === 1 ? '' : 's'}${result.notFound.length ? `; ${result.notFound.length} not found` : ''}.`,
      );
      for (const id of result.notFound) console.error(`not found: ${id}`);
      return { code: result.notFound.length > 0 ? 1 : 0, reasons: [] };
    }
    case 'watch': {
      const { watchPaths } = await import('./watch.js');
      const { syncSummaryLine } = await import('./sync.js');
      let failed = false;
      const watching = await watchPaths(gateway, {
        paths,
        lock,
        batchDocuments: args.batchDocuments,
        analysis: ANALYSIS,
        onSync: (result, changed, initial) => {
          if (!initial) for (const p of result.problems) console.error(redactText(`skipped ${p.where}: ${p.reason}`));
          const what = initial ? '' : `${clock()} ${changed.length === 1 ? changed[0] : `${changed.length} paths`}: `;
          console.log(`${what}${syncSummaryLine(result)}`);
          if (initial && result.engineFailure) failed = true;
        },
        onError: (err, changed) =>
          console.error(redactText(`${clock()} could not sync ${changed.join(', ')}: ${err.message} (will retry)`)),
      });
      if (failed) {
        await watching.close();
        return { code: 2, reasons: [] };
      }
      console.log(`Watching ${paths.join(', ')} for changes (Ctrl-C to stop).`);
      setStop(() => watching.close());
      // Runs until a signal stops the process (stop() above closes the watcher, releases locks and exits).
      return new Promise<never>(() => {});
    }
  }
}

/** What went wrong in a run, to tell a full disk or a read-only data folder from other trouble. */
function reasonsOf(r: { problems: { reason: string }[]; engineFailure?: { message: string } }): string[] {
  return [...r.problems.map((p) => p.reason), ...(r.engineFailure ? [r.engineFailure.message] : [])];
}

process.exitCode = await main();
