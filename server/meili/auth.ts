import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { MeiliError } from './errors.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * `IZDE_PUBLIC_KEY`: when set, /meili wants `Authorization: Bearer KEY` as Meilisearch clients send their API key
 * (401 when missing, 403 when wrong, in Meilisearch's words). Keys are compared as SHA-256 digests with
 * timingSafeEqual: equal lengths, and no timing that tells how much of a guess was right.
 */
export function publicKeyGuard(publicKey: string | null | undefined): RequestHandler {
  if (!publicKey) return (_req, _res, next) => next();
  const expected = digest(publicKey);
  return (req, _res, next) => {
    const header = req.get('authorization')?.trim();
    const bearer = header ? /^Bearer\s+(\S.*)$/iu.exec(header) : null;
    if (!bearer) {
      throw new MeiliError(
        401,
        'missing_authorization_header',
        'The Authorization header is missing. It must use the bearer authorization method.',
        'auth',
      );
    }
    if (!timingSafeEqual(digest(bearer[1] ?? ''), expected)) {
      throw new MeiliError(403, 'invalid_api_key', 'The provided API key is invalid.', 'auth');
    }
    next();
  };
}
