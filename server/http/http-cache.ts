import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NextFunction, Request, Response } from 'express';
import type { IndexVersion } from './index-version.js';

/**
 * HTTP caching of GET answers that only change when the index does (search, article), so browsers and CDNs can
 * absorb hot queries:
 * - `ETag` derived from izde's build, the index version (Meilisearch's `updatedAt`: every izde server on one engine
 *   agrees) and the request (path and query, parameters in a canonical order);
 * - `If-None-Match` with that tag → 304 before any search runs, while the index is unchanged;
 * - `Cache-Control: public, max-age=N` (`CACHE_MAX_AGE`; 0 keeps `no-store`).
 * Answers that depend on more than the index (suggestions come from a dictionary rebuilt now and then) use
 * `bodyTagged`: the tag is a hash of the answer, so equal answers share a tag.
 * Errors drop both (see dropCaching).
 */
/** A middleware for any route (generic in its parameters, so a route's own parameter types survive). */
export type Middleware = <P>(req: Request<P>, res: Response, next: NextFunction) => void | Promise<void>;

export interface HttpCacheOptions {
  version: IndexVersion;
  /** Seconds a cache may reuse an answer without asking; 0: `no-store`. */
  maxAge: number;
}

/** What distinguishes this izde's answers from another build's (a rolling deploy runs two side by side). */
const BUILD = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return `izde@${pkg.version ?? '?'}`;
  } catch {
    return 'izde';
  }
})();

/** The request as a cache key: path, then its parameters sorted (?b=1&a=2 and ?a=2&b=1 are one answer). */
export function canonicalRequest<P>(req: Request<P>): string {
  const url = new URL(req.originalUrl, 'http://x');
  const params = [...url.searchParams].sort(([a, av], [b, bv]) =>
    a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  return `${url.pathname}?${new URLSearchParams(params)}`;
}

export function indexETag<P>(version: string, req: Request<P>): string {
  const hash = createHash('sha256')
    .update(`${BUILD}|${version}|${canonicalRequest(req)}`)
    .digest('base64url');
  return `W/"${hash.slice(0, 27)}"`;
}

function cacheControl(res: Response, maxAge: number): void {
  res.set('Cache-Control', maxAge > 0 ? `public, max-age=${maxAge}` : 'no-store');
}

/** A client's `Cache-Control: no-cache` asks for the current answer: the version is read again. */
const wantsFresh = <P>(req: Request<P>) => /no-cache|no-store|max-age=0/i.test(req.get('cache-control') ?? '');

/**
 * Whether `If-None-Match` names the tag (weak comparison, RFC 9110 13.1.2). Evaluated whatever the request's
 * Cache-Control says: `no-cache` asks caches to revalidate with us, and this is the revalidation (fetch() adds
 * `no-cache` to every conditional request it is given); the version was read afresh for it.
 */
export function ifNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => opaque(t) === opaque(tag));
}

/** For answers that only change with the index: ETag from the version and the request, 304 when unchanged. */
export function indexTagged(options: HttpCacheOptions): Middleware {
  return async (req, res, next) => {
    const version = await options.version.get({ fresh: wantsFresh(req) });
    // The route answers for this version (the result cache is keyed by it): one read per request.
    res.locals.indexVersion = version;
    if (version === null) return next();
    const tag = indexETag(version, req);
    res.set('ETag', tag);
    cacheControl(res, options.maxAge);
    if (ifNoneMatch(req.get('if-none-match'), tag)) {
      res.status(304).end();
      return;
    }
    next();
  };
}

/**
 * For answers that may change without the index (suggestions): the ETag is a hash of the answer itself, so equal
 * answers share a tag on every server, and a matching `If-None-Match` gets 304 (the answer is still computed).
 */
export function bodyTagged(options: Pick<HttpCacheOptions, 'maxAge'>): Middleware {
  return (req, res, next) => {
    cacheControl(res, options.maxAge);
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode !== 200) return json(body);
      const hash = createHash('sha256')
        .update(`${BUILD}|${JSON.stringify(body)}`)
        .digest('base64url');
      const tag = `W/"${hash.slice(0, 27)}"`;
      res.set('ETag', tag);
      if (!ifNoneMatch(req.get('if-none-match'), tag)) return json(body);
      res.status(304).end();
      return res;
    };
    next();
  };
}

/** An error answer is never cached. */
export function dropCaching(res: Response): void {
  res.removeHeader('ETag');
  res.set('Cache-Control', 'no-store');
}
