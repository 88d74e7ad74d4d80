import { parseArgs } from 'node:util';
import { engineConfigFromEnv } from '../engine/config.js';
import { diskTrouble, storageTrouble, watchDiskSpace } from '../engine/disk-space.js';
import { EngineError } from '../engine/errors.js';
import type { Gateway } from '../engine/gateway.js';
import { redactText } from '../engine/redact.js';

const USAGE = `Usage: npm run index -- [--reset] PATH...
Indexes .txt, .html/.htm, .json (array of records) and .jsonl files and folders (recursively).
  --reset   empty the index first
Exit code: 0 every file indexed, 1 some skipped, 2 nothing could be done.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length === 0) {
    console.error(`No paths given.\n${USAGE}`);
    return 2;
  }

  let gateway: Gateway | undefined;
  const stop = async (code: number) => {
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
    const [{ Gateway }, { runIndexer, summaryLine }] = await Promise.all([
      import('../engine/gateway.js'),
      import('./run.js'),
    ]);
    const config = engineConfigFromEnv();
    dataDir = config.url ? undefined : config.dataDir;
    if (dataDir) {
      stopWatch = watchDiskSpace(dataDir, (message) => {
        console.error(redactText(`Indexing stopped. ${message}`));
        void stop(2);
      });
    }
    gateway = await Gateway.open({ config, log: (m) => console.error(redactText(m)) });
    const result = await runIndexer(gateway, { paths: args.positionals, reset: args.values.reset ?? false });
    console.log(summaryLine(result));
    if (result.engineFailure) console.error(redactText(`Indexing stopped: ${result.engineFailure.message}`));
    if (result.exitCode !== 0) {
      const reasons = [
        ...result.problems.map((p) => p.reason),
        ...(result.engineFailure ? [result.engineFailure.message] : []),
      ];
      const disk = (dataDir ? diskTrouble(dataDir) : null) ?? storageTrouble(reasons);
      if (disk) console.error(redactText(disk));
    }
    return result.exitCode;
  } catch (err) {
    const message = err instanceof EngineError ? err.message : `Indexing failed: ${(err as Error).message}`;
    const disk = (dataDir ? diskTrouble(dataDir) : null) ?? storageTrouble([message]);
    console.error(redactText(disk ? `${message}\n${disk}` : message));
    return 2;
  } finally {
    stopWatch();
    await gateway?.close();
  }
}

process.exitCode = await main();
