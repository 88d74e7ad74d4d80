/**
 * Finds the browser for the e2e run: Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH). When it is missing
 * and we run as root, it is installed with apt-get; otherwise the run stops with the exact command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class MissingBrowserError extends Error {
  override name = 'MissingBrowserError';
}

function apt(args: string[]): boolean {
  const r = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

export function ensureChromium(log: (m: string) => void): string {
  const path = process.env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
  if (existsSync(path)) return path;
  const install = 'apt-get update && apt-get install -y chromium';
  if (path !== DEFAULT_CHROMIUM) throw new MissingBrowserError(`CHROMIUM_PATH=${path} does not exist.`);
  if (process.getuid?.() !== 0) {
    throw new MissingBrowserError(
      `Chromium is missing (${DEFAULT_CHROMIUM}). Install Debian's package as root: sudo sh -c '${install}' — then run the tests again.`,
    );
  }
  log(`Chromium is missing: installing Debian's package (${install})`);
  // A fresh machine's package lists may be empty: try the install first, update and retry if it fails.
  if (
    !apt(['install', '-y', '-q', 'chromium']) &&
    !(apt(['update', '-q']) && apt(['install', '-y', '-q', 'chromium']))
  ) {
    throw new MissingBrowserError(`Installing Chromium failed. Run as root: ${install}`);
  }
  if (!existsSync(DEFAULT_CHROMIUM))
    throw new MissingBrowserError(`apt-get finished but ${DEFAULT_CHROMIUM} is still missing.`);
  return DEFAULT_CHROMIUM;
}
