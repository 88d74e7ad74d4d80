import cors from 'cors';
import type { RequestHandler } from 'express';

/** `CORS_ORIGINS`: `*` for any origin, or the origins allowed; an empty list means the page's own origin only. */
export type CorsOrigins = '*' | readonly string[];

/** Parses `CORS_ORIGINS` (comma-separated origins, or `*`); a malformed origin is a configuration error. */
export function parseCorsOrigins(value: string | undefined): CorsOrigins {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.includes('*')) return '*';
  return items.map((item) => {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new Error(`CORS_ORIGINS: "${item}" is not an origin (write it as https://news.example.kz)`);
    }
    if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
      throw new Error(`CORS_ORIGINS: "${item}" is not an origin: scheme, host and port only (https://news.example.kz)`);
    }
    return url.origin; // what browsers send: lowercase host, no default port
  });
}

/**
 * Lets pages on the configured origins call the API from the browser: CORS headers (preflight included) through the
 * `cors` middleware, and `Cross-Origin-Resource-Policy: cross-origin` instead of helmet's `same-origin` so the
 * answers may be read across origins. An origin not in the list gets no CORS header, so its browser refuses the
 * answer. With no origins configured nothing changes: same origin only.
 */
export function crossOriginAccess(origins: CorsOrigins): RequestHandler {
  if (origins !== '*' && origins.length === 0) return (_req, _res, next) => next();
  const allowed = new Set(origins);
  const handler = cors({
    origin: origins === '*' ? '*' : (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST'],
    // Beyond the CORS-safelisted ones, a page may read the cache tag and its rate-limit budget.
    exposedHeaders: ['ETag', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    maxAge: 600,
  });
  return (req, res, next) => {
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    handler(req, res, next);
  };
}
