import type { Request, RequestHandler, Response } from 'express';
import rateLimit from 'express-rate-limit';

/**
 * One request budget per client for /api and /meili together (a client cannot double it by switching APIs); the
 * 429 is answered in the shape of the API asked.
 */
export function createRateLimit(
  perMinute: number,
  respond: (req: Request, res: Response) => void,
): RequestHandler | null {
  if (perMinute <= 0) return null;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    validate: { xForwardedForHeader: false }, // forwardedForHint (trust-proxy.ts) says it in the log, once
    handler: respond,
  });
}
