import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Gateway } from '../../engine/index.js';
import { LockBusyError, registerSecret } from '../../engine/index.js';
import { deleteArticles } from '../../indexer/delete.js';
import { type IncomingRecord, ingestRecords } from '../../indexer/ingest.js';
import { ApiError, errorBody, notFound } from '../errors.js';
import { createRateLimit } from '../http/rate-limit.js';
import { REQUEST_LIMITS, requestLimits } from '../request-limits.js';
import { adminTokenGuard } from './auth.js';
import { type BodyLimits, recordsBody } from './body.js';

/** One object configures the admin API; defaults in ADMIN_DEFAULTS. */
export interface AdminOptions {
  gateway: Gateway;
  /** IZDE_ADMIN_TOKEN: the bearer token every request must carry. */
  token: string;
  /** Admin requests per minute per client, counted before the token is checked (0: no limit of its own). */
  rateLimitPerMinute?: number;
  limits?: Partial<BodyLimits>;
  /** How long a write waits while a reindex swaps its index in, before it answers 503 (try again). */
  lockWaitMs?: number;
  logger?: Logger;
}

/** Shorter admin tokens work, with a warning in the log: they can be guessed. */
export const ADMIN_TOKEN_MIN_LENGTH = 16;

export const ADMIN_DEFAULTS = {
  rateLimitPerMinute: 60,
  maxBytes: REQUEST_LIMITS.bodyBytes,
  maxRecords: 10_000,
  lockWaitMs: 30_000,
} as const;

/** What a PUT answers: the contract's shape, problems by index. */
export interface PutAnswer {
  indexed: number;
  problems: { where: string; reason: string; index: number; id?: string }[];
}

/**
 * The admin API for a CMS, under /api/admin: `PUT /articles` adds or replaces articles (a JSON array or NDJSON of
 * input records) and answers once they are searchable, with each bad record's problem by index;
 * `DELETE /articles/:id` deletes one. Every request needs the admin token (401 otherwise); requests are rate-limited
 * per client; writes go through the indexer's pipeline and the writers' lock (engine/writer-lock.ts).
 */
export function createAdminRouter(options: AdminOptions): express.Router {
  const { gateway, logger } = options;
  registerSecret(options.token);
  const limits: BodyLimits = {
    maxBytes: options.limits?.maxBytes ?? ADMIN_DEFAULTS.maxBytes,
    maxRecords: options.limits?.maxRecords ?? ADMIN_DEFAULTS.maxRecords,
  };
  const lock = { timeoutMs: options.lockWaitMs ?? ADMIN_DEFAULTS.lockWaitMs };
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  const limit = createRateLimit(options.rateLimitPerMinute ?? ADMIN_DEFAULTS.rateLimitPerMinute, (_req, res) => {
    res
      .status(429)
      .json(
        errorBody(new ApiError(429, 'RATE_LIMITED', 'Too many admin requests; slow down and try again in a minute.')),
      );
  });
  if (limit) router.use(limit);
  router.use(requestLimits({ queryParameters: REQUEST_LIMITS.queryParameters, bodyBytes: limits.maxBytes }));
  router.use(adminTokenGuard(options.token));

  router.put('/articles', recordsBody(limits), async (req: Request, res: Response) => {
    const records = req.body as IncomingRecord[];
    const result = await ingestRecords(gateway, records, { lock, what: 'the admin API (PUT)' }).catch(busy(res));
    const answer: PutAnswer = { indexed: result.indexed, problems: result.problems };
    logger?.info(
      `admin: indexed ${answer.indexed} of ${records.length} article${records.length === 1 ? '' : 's'}` +
        (answer.problems.length ? ` (${answer.problems.length} with problems)` : ''),
    );
    res.json(answer);
  });
  router.delete('/articles/:id', async (req, res) => {
    const id = req.params.id ?? '';
    const { deleted } = await deleteArticles(gateway, [id], { lock }).catch(busy(res));
    if (deleted.length === 0) throw notFound(`No article with id "${id}"`);
    logger?.info('admin: deleted 1 article');
    res.json({ deleted: 1 });
  });
  router.all(['/articles', '/articles/:id'], (req, res, next) => {
    res.set('Allow', req.path === '/articles' ? 'PUT' : 'DELETE');
    next(new ApiError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${res.get('Allow')}.`));
  });
  router.use((req, _res, next) => next(notFound(`No admin route ${req.method} ${req.baseUrl}${req.path}`)));
  return router;
}

/** A writer that waited too long while a reindex swapped its index in: 503, and when to try again. */
const busy =
  (res: Response) =>
  (err: unknown): never => {
    if (!(err instanceof LockBusyError)) throw err;
    res.set('Retry-After', '60');
    const holders = err.holders.map((h) => h.what).join(', ');
    throw new ApiError(503, 'INDEX_BUSY', `The index is being rebuilt (${holders}); try again in a minute.`);
  };

/** The whole admin API answers 404 when no token is configured: it does not exist. */
export function absentAdmin(req: Request, res: Response, next: NextFunction): void {
  if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined)
    res.set('Connection', 'close');
  next(notFound(`No API route ${req.method} ${req.originalUrl.split('?')[0]}`));
}
