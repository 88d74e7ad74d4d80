import { isIP } from 'node:net';

/**
 * Express's `trust proxy` as izde accepts it from `TRUST_PROXY`: which hops in front of the server may say who the
 * client is (X-Forwarded-For), so the rate limit and the logs see real clients behind a reverse proxy.
 * `false`: nobody (the default: a direct client could otherwise pick its own address and slip past the rate limit);
 * a number: that many proxies in front; a list: the proxies' addresses (IPs, CIDR ranges, or Express's names).
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export class TrustProxyError extends Error {
  override name = 'TrustProxyError';
}

function validAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra.length > 0) return false;
  if (prefix === undefined) return true;
  if (/^\d+$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(prefix) === 4; // a netmask: 10.0.0.0/255.0.0.0
}

/** Parses `TRUST_PROXY`; a value that is not one of the accepted forms is an error that says what is. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '*') {
    throw new TrustProxyError(
      'TRUST_PROXY=true would believe any X-Forwarded-For, so every client could choose its own address and evade the ' +
        'rate limit. Give the number of proxies in front of izde (TRUST_PROXY=1) or their addresses (TRUST_PROXY=loopback).',
    );
  }
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !validAddress(e));
  if (bad.length > 0) {
    throw new TrustProxyError(
      `TRUST_PROXY: ${bad.map((b) => JSON.stringify(b)).join(', ')} is not an IP address, a CIDR range or one of ` +
        'loopback, linklocal, uniquelocal (or give a number of proxies, or false).',
    );
  }
  return entries;
}

/**
 * Once per process, says in the log that requests arrive with X-Forwarded-For while TRUST_PROXY is off: behind a
 * reverse proxy every reader would then share the proxy's rate limit. (express-rate-limit's own check prints a stack
 * trace to stderr instead, so it is turned off.)
 */
export function forwardedForHint(trustProxy: TrustProxy, warn: (message: string) => void) {
  let warned = trustProxy !== false;
  return (req: { headers: Record<string, unknown> }, _res: unknown, next: () => void): void => {
    if (!warned && req.headers['x-forwarded-for'] !== undefined) {
      warned = true;
      warn(
        'Requests carry X-Forwarded-For but TRUST_PROXY is not set: the rate limit counts the proxy, not its clients. ' +
          'Behind a reverse proxy set TRUST_PROXY (e.g. loopback or 1); otherwise ignore this.',
      );
    }
    next();
  };
}
