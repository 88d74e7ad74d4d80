import { parseArgs } from 'node:util';
import type { Gateway } from '../engine/index.js';
import { engineConfigFromEnv } from '../engine/index.js';
import { endProgress, failureMessage, progressLine, say } from './cli-common.js';

const USAGE = `Usage: npm run restore -- [--force] FILE
Rebuilds the index from FILE, a backup written by \`npm run backup\` (- reads stdin), into the engine in use
(MEILI_URL, or the embedded one on MEILI_DB_PATH) and INDEX_NAME. The restored index replaces the live one in one
step once it is complete and checked: a damaged or truncated file changes nothing.
  --force   replace an index that holds articles (otherwise refused)
Exit code: 0 restored, 2 nothing changed.`;

async function main(): Promise<number> {
  const parse = () =>
    parseArgs({
      options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (err) {
    say(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) {
    say(`${file ? 'One file only.' : 'No file given.'}\n${USAGE}`);
    return 2;
  }
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  let gateway: Gateway | undefined;
  try {
    const [{ Gateway }, { restoreBackup }] = await Promise.all([import('../engine/index.js'), import('./import.js')]);
    gateway = await Gateway.open({ config: engineConfigFromEnv(), log: say });
    const result = await restoreBackup(gateway, {
      from: file === '-' ? process.stdin : file,
      force: args.values.force ?? false,
      onProgress: progressLine('restored'),
      onNote: say,
      signal: abort.signal,
    });
    endProgress();
    const replaced = result.replaced > 0 ? `, replacing ${result.replaced}` : '';
    console.log(
      `Restored ${result.documents} article${result.documents === 1 ? '' : 's'} into index "${gateway.indexName}"${replaced} ` +
        `(backup of ${result.header.createdAt}) in ${(result.elapsedMs / 1000).toFixed(1)} s.`,
    );
    if (result.analyzerMismatch) {
      say(
        `Note: the backup was made with analyzer version ${result.analyzerMismatch.backup}, this izde has ` +
          `${result.analyzerMismatch.current}: its documents answer as they did then. Run \`npm run reindex\` to ` +
          'analyze them with the current analyzers.',
      );
    }
    return 0;
  } catch (err) {
    endProgress();
    say(failureMessage(err, 'Restore'));
    return 2;
  } finally {
    await gateway?.close();
  }
}

process.exitCode = await main();
