import { endProgress, progressLine, runFileCli, say } from './cli-common.js';

const USAGE = `Usage: npm run restore -- [--force] FILE
Rebuilds the index from FILE, a backup written by \`npm run backup\` (- reads stdin), into the engine in use
(MEILI_URL, or the embedded one on MEILI_DB_PATH) and INDEX_NAME. The restored index replaces the live one in one
step once it is complete and checked: a damaged or truncated file changes nothing.
  --force   replace an index that holds articles (otherwise refused)
Exit code: 0 restored, 2 nothing changed.`;

process.exitCode = await runFileCli(
  {
    usage: USAGE,
    args: {
      options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    },
    what: 'Restore',
  },
  async ({ gateway, file, args, signal }) => {
    const { restoreBackup } = await import('./import.js');
    const result = await restoreBackup(gateway, {
      from: file === '-' ? process.stdin : file,
      force: args.values.force ?? false,
      onProgress: progressLine('restored'),
      onNote: say,
      signal,
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
  },
);
