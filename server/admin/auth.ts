import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ApiError } from '../errors.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The realm a 401 names, so that a client knows which credentials are wanted. */
const CHALLENGE = 'Bearer realm="izde admin"';

/**
 * `Authorization: Bearer IZDE_ADMIN_TOKEN` or a 401 in the error shape. The token is compared as SHA-256 digests with
 * timingSafeEqual: both sides have one length, and the time taken tells nothing about how much of a guess was right.
 * Nothing else opens the admin API: not the search key, not IZDE_PUBLIC_KEY, not a token in the URL.
 */
export function adminTokenGuard(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const header = req.get('authorization')?.trim();
    const bearer = header ? /^Bearer\s+(\S+)$/iu.exec(header) : null;
    const given = bearer?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      res.set('WWW-Authenticate', CHALLENGE);
      // The body is never read: close rather than let Node read it all to keep the connection.
      if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) {
        res.set('Connection', 'close');
      }
      next(
        new ApiError(
          401,
          'UNAUTHORIZED',
          given === undefined
            ? 'The admin API needs an Authorization: Bearer <IZDE_ADMIN_TOKEN> header.'
            : 'The admin token is not valid.',
        ),
      );
      return;
    }
    next();
  };
}
