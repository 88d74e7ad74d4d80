import { endProgress, humanSize, progressLine, runFileCli, say } from './cli-common.js';

const USAGE = `Usage: npm run backup -- FILE
Writes the index (documents, settings, analyzer version) to FILE, a gzip-compressed file that \`npm run restore\`
reads. Works while the server runs. FILE is replaced only once the new backup is complete; - writes to stdout.
Uses the same MEILI_URL / MEILI_DB_PATH / INDEX_NAME as the server.
Exit code: 0 written, 2 nothing written.`;

process.exitCode = await runFileCli(
  {
    usage: USAGE,
    args: { options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true },
    what: 'Backup',
    interrupted: 'Backup interrupted; nothing was written.',
  },
  async ({ gateway, file, signal }) => {
    const { writeBackup } = await import('./export.js');
    const result = await writeBackup(gateway, {
      to: file === '-' ? process.stdout : file,
      onProgress: progressLine('backed up'),
      signal,
    });
    endProgress();
    const where = file === '-' ? 'stdout' : `${file} (${humanSize(result.bytes ?? 0)})`;
    (file === '-' ? say : (m: string) => console.log(m))(
      `Backed up ${result.documents} article${result.documents === 1 ? '' : 's'} of index "${result.header.indexName}" ` +
        `(analyzer version ${result.header.analyzerVersion}, Meilisearch ${result.header.meilisearchVersion}) to ${where} ` +
        `in ${(result.elapsedMs / 1000).toFixed(1)} s.`,
    );
  },
);
