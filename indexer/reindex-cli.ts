import { parseCliArgs } from '../common/cli-args.js';
import type { Gateway } from '../engine/index.js';
import { EngineError, engineConfigFromEnv, redactText } from '../engine/index.js';

const USAGE = `Usage: npm run reindex [-- --no-wait]
Analyzes every stored article again with this izde's analyzers into a new index and swaps it in for the live one
atomically: search keeps answering from the old index until the new one is complete. Syncs, the indexer and the
admin API may go on meanwhile; they pause for the final catch-up and swap only.
Uses the same MEILI_URL / MEILI_DB_PATH / INDEX_NAME as the server.
  --no-wait  when another reindex runs, stop at once instead of waiting for it
Exit code: 0 swapped in, 2 nothing changed.`;

const say = (message: string) => console.error(redactText(message));

async function main(): Promise<number> {
  const args = parseCliArgs(
    {
      options: { help: { type: 'boolean', short: 'h' }, 'no-wait': { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    },
    USAGE,
    say,
  );
  if (typeof args === 'number') return args;
  let gateway: Gateway | undefined;
  let releaseLocks: () => Promise<void> = async () => {};
  const stop = async (code: number) => {
    say('Reindex interrupted; the live index is as it was.');
    await releaseLocks();
    await gateway?.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));
  try {
    const [
      { Gateway, releaseAllLocks, analyzerVersions, versionLabel, waitingMessage },
      { reindex },
      { createProgress },
      { ANALYZER_VERSION },
    ] = await Promise.all([
      import('../engine/index.js'),
      import('./reindex.js'),
      import('./progress.js'),
      import('../analyzers/index.js'),
    ]);
    releaseLocks = releaseAllLocks;
    gateway = await Gateway.open({ config: engineConfigFromEnv(), log: say });
    await gateway.ensureIndex();
    const before = await analyzerVersions(gateway.admin, gateway.indexName);
    say(
      `Reindexing index "${gateway.indexName}" (built with analyzer version ${versionLabel(before, 'none: it is empty')}) ` +
        `with analyzer version ${ANALYZER_VERSION}…`,
    );
    const result = await reindex(gateway, {
      progress: (total) => createProgress(total),
      lock: { wait: !args.values['no-wait'], onWait: (holders) => say(waitingMessage(holders)) },
      onNote: say,
    });
    console.log(
      `Reindexed ${result.documents.toLocaleString('en-US')} article${result.documents === 1 ? '' : 's'} with analyzer ` +
        `version ${result.analyzerVersion} in ${(result.elapsedMs / 1000).toFixed(1)} s; the new index was swapped in.`,
    );
    return 0;
  } catch (err) {
    const message =
      err instanceof EngineError || (err instanceof Error && /^Lock/.test(err.name))
        ? (err as Error).message
        : `Reindex failed: ${err instanceof Error ? err.message : String(err)}`;
    say(`${message} The live index is as it was.`);
    return 2;
  } finally {
    await releaseLocks();
    await gateway?.close();
  }
}

process.exitCode = await main();
