import { parseArgs } from 'node:util';
import type { Gateway } from '../engine/index.js';
import { engineConfigFromEnv } from '../engine/index.js';
import { endProgress, failureMessage, humanSize, progressLine, say } from './cli-common.js';

const USAGE = `Usage: npm run backup -- FILE
Writes the index (documents, settings, analyzer version) to FILE, a gzip-compressed file that \`npm run restore\`
reads. Works while the server runs. FILE is replaced only once the new backup is complete; - writes to stdout.
Uses the same MEILI_URL / MEILI_DB_PATH / INDEX_NAME as the server.
Exit code: 0 written, 2 nothing written.`;

async function main(): Promise<number> {
  const parse = () =>
    parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
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
    const [{ Gateway }, { writeBackup }] = await Promise.all([import('../engine/index.js'), import('./export.js')]);
    gateway = await Gateway.open({ config: engineConfigFromEnv(), log: say });
    const result = await writeBackup(gateway, {
      to: file === '-' ? process.stdout : file,
      onProgress: progressLine('backed up'),
      signal: abort.signal,
    });
    endProgress();
    const where = file === '-' ? 'stdout' : `${file} (${humanSize(result.bytes ?? 0)})`;
    (file === '-' ? say : (m: string) => console.log(m))(
      `Backed up ${result.documents} article${result.documents === 1 ? '' : 's'} of index "${result.header.indexName}" ` +
        `(analyzer version ${result.header.analyzerVersion}, Meilisearch ${result.header.meilisearchVersion}) to ${where} ` +
        `in ${(result.elapsedMs / 1000).toFixed(1)} s.`,
    );
    return 0;
  } catch (err) {
    endProgress();
    say(abort.signal.aborted ? 'Backup interrupted; nothing was written.' : failureMessage(err, 'Backup'));
    return 2;
  } finally {
    await gateway?.close();
  }
}

process.exitCode = await main();
