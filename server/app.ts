import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { type AdminOptions, absentAdmin, createAdminRouter } from './admin/routes.js';
import { HTTP_DEFAULTS } from './config.js';
import { ApiError, errorBody, notFound, toApiError } from './errors.js';
import { type CorsOrigins, crossOriginAccess } from './http/cors.js';
import { bodyTagged, dropCaching, indexTagged } from './http/http-cache.js';
import type { IndexVersion } from './http/index-version.js';
import { createRateLimit } from './http/rate-limit.js';
import { MeiliError, meiliErrorBody } from './meili/errors.js';
import { createMeiliRouter } from './meili/routes.js';
import { openApiDocument } from './openapi/document.js';
import { articleParamsSchema, parseParams, searchParamsSchema, suggestParamsSchema } from './params.js';
import { requestLimits } from './request-limits.js';
import { displayArticle } from './search/display-script.js';
import type { SearchService } from './search/service.js';
import { forwardedForHint, type TrustProxy } from './trust-proxy.js';

/** One object configures the HTTP app. */
export interface AppOptions {
  search: SearchService;
  logger: Logger;
  /** Folder of the built web page (index.html, app.js, styles). */
  staticDir: string;
  /** Requests per minute per client on /api and /meili together; 0 turns the limit off (benchmarks). */
  rateLimitPerMinute: number;
  /** The index /meili answers for (INDEX_NAME) and its version (ETags); without a version nothing is cacheable. */
  indexName: string;
  indexVersion?: IndexVersion;
  corsOrigins?: CorsOrigins;
  cacheMaxAge?: number;
  publicKey?: string | null;
  /** Express's `trust proxy` (TRUST_PROXY): who may name the client the rate limit counts. */
  trustProxy?: TrustProxy;
  /** The admin API (IZDE_ADMIN_TOKEN); absent or null: every /api/admin route is a 404. */
  admin?: Omit<AdminOptions, 'logger'> | null;
}

export function createApp(options: AppOptions): express.Express {
  const { search, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // API answers carry the ETags of http/http-cache.ts only (static files have their own)
  app.set('trust proxy', options.trustProxy ?? false);
  app.set('query parser', 'simple'); // repeated keys become arrays; no nested objects from user input
  // Default CSP, minus upgrade-insecure-requests: on a LAN address over plain http it would send the page's own
  // scripts and API calls to https and break the page.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(
    pinoHttp({
      logger,
      // One short line per request: what was asked, how it ended, how long it took (no headers, no cookies).
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      customSuccessMessage: (req, res, ms) => `${req.method} ${fullUrl(req)} ${res.statusCode} ${Math.round(ms)} ms`,
      customErrorMessage: (req, res) => `${req.method} ${fullUrl(req)} ${res.statusCode}`,
      // Static files are not worth a log line each.
      autoLogging: { ignore: (req) => !/^\/(api|meili)\//.test(req.url ?? '') },
    }),
  );

  const cross = crossOriginAccess(options.corsOrigins ?? HTTP_DEFAULTS.corsOrigins);
  const limit = createRateLimit(options.rateLimitPerMinute, (req, res) => {
    const message = 'Too many requests; slow down and try again in a minute.';
    if (req.baseUrl === '/meili')
      res.status(429).json(meiliErrorBody(new MeiliError(429, 'too_many_requests', message, 'system')));
    else res.status(429).json(errorBody(new ApiError(429, 'RATE_LIMITED', message)));
  });
  // The rate limit counts clients by address: behind a proxy that only TRUST_PROXY makes the real one.
  const guards = limit ? [cross, forwardedForHint(options.trustProxy ?? false, (m) => logger.warn(m)), limit] : [cross];
  const cache = { maxAge: options.cacheMaxAge ?? HTTP_DEFAULTS.cacheMaxAge };
  const byIndex = options.indexVersion ? indexTagged({ ...cache, version: options.indexVersion }) : bodyTagged(cache);

  const api = express.Router();
  api.use(requestLimits());
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  api.get('/search', byIndex, async (req, res) => {
    const fresh = /no-cache|no-store/i.test(req.get('cache-control') ?? '');
    const version = res.locals.indexVersion as string | null | undefined;
    const params = parseParams(searchParamsSchema, req.query);
    // A client that goes away (the page drops a keystroke's request once a newer answer is drawn) stops the search.
    const gone = new AbortController();
    // 'close' follows every answer too; only one cut short means the client went (an abort builds an exception).
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    try {
      res.json(await search.search(params, { fresh, version, signal: gone.signal }));
    } catch (err) {
      if (gone.signal.aborted && !res.writableEnded) return; // nobody to answer
      throw err;
    }
  });
  api.get('/suggest', bodyTagged(cache), async (req, res) => {
    res.json(await search.suggest(parseParams(suggestParamsSchema, req.query)));
  });
  api.get('/articles/:id', byIndex, async (req, res) => {
    const { script } = parseParams(articleParamsSchema, req.query);
    const article = await search.article(req.params.id);
    if (!article) throw notFound(`No article with id "${req.params.id}"`);
    res.json(displayArticle(article, script));
  });
  api.get('/health', async (_req, res) => {
    const health = await search.health();
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  api.get('/openapi.json', bodyTagged(cache), (_req, res) => {
    res.json(openApiDocument());
  });
  api.use((req) => {
    throw notFound(`No API route ${req.method} ${req.baseUrl}${req.path}`);
  });
  app.use('/api/admin', ...guards, options.admin ? createAdminRouter({ ...options.admin, logger }) : absentAdmin);
  app.use('/api', ...guards, api);
  app.use(
    '/meili',
    ...guards,
    createMeiliRouter({
      search,
      indexName: options.indexName,
      publicKey: options.publicKey ?? HTTP_DEFAULTS.publicKey,
    }),
  );

  app.use(express.static(options.staticDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500) req.log?.error({ err }, 'request failed');
    if (apiError.status === 503) search.engineTrouble();
    if (res.headersSent) return;
    dropCaching(res);
    res.status(apiError.status).json(errorBody(apiError));
  });
  return app;
}

/** The URL as the client sent it (a router strips its mount path from `req.url` while it runs). */
function fullUrl(req: { url?: string; originalUrl?: string }): string {
  return req.originalUrl ?? req.url ?? '';
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
