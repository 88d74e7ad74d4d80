import express, { type NextFunction, type Request, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { ApiError, errorBody, notFound, toApiError } from './errors.js';
import { parseParams, searchParamsSchema, suggestParamsSchema } from './params.js';
import { requestLimits } from './request-limits.js';
import type { SearchService } from './search/service.js';
import { forwardedForHint, type TrustProxy } from './trust-proxy.js';

/** One object configures the HTTP app. */
export interface AppOptions {
  search: SearchService;
  logger: Logger;
  /** Folder of the built web page (index.html, app.js, styles). */
  staticDir: string;
  /** Requests per minute per client on /api; 0 turns the limit off (benchmarks). */
  rateLimitPerMinute: number;
  /** Express's `trust proxy` (TRUST_PROXY): who may name the client the rate limit counts. */
  trustProxy?: TrustProxy;
}

export function createApp(options: AppOptions): express.Express {
  const { search, logger } = options;
  const app = express();
  app.disable('x-powered-by');
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
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
    }),
  );

  const api = express.Router();
  api.use(requestLimits());
  if (options.rateLimitPerMinute > 0) {
    api.use(forwardedForHint(options.trustProxy ?? false, (m) => logger.warn(m)));
    api.use(
      rateLimit({
        windowMs: 60_000,
        limit: options.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        validate: { xForwardedForHeader: false }, // forwardedForHint says it in the log, without a stack trace
        handler: (_req, res) => {
          const err = new ApiError(429, 'RATE_LIMITED', 'Too many requests; slow down and try again in a minute.');
          res.status(err.status).json(errorBody(err));
        },
      }),
    );
  }
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  api.get('/search', async (req, res) => {
    const fresh = /no-cache|no-store/i.test(req.get('cache-control') ?? '');
    res.json(await search.search(parseParams(searchParamsSchema, req.query), { fresh }));
  });
  api.get('/suggest', async (req, res) => {
    res.json(await search.suggest(parseParams(suggestParamsSchema, req.query)));
  });
  api.get('/articles/:id', async (req, res) => {
    const article = await search.article(req.params.id);
    if (!article) throw notFound(`No article with id "${req.params.id}"`);
    res.json(article);
  });
  api.get('/health', async (_req, res) => {
    const health = await search.health();
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  api.use((req) => {
    throw notFound(`No API route ${req.method} ${req.baseUrl}${req.path}`);
  });
  app.use('/api', api);

  app.use(express.static(options.staticDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500) req.log?.error({ err }, 'request failed');
    if (apiError.status === 503) search.engineTrouble();
    if (res.headersSent) return;
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
