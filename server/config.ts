import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { registerSecret } from '../engine/index.js';
import { type CorsOrigins, parseCorsOrigins } from './http/cors.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/** Server configuration from the environment; one object, defaults here. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  CORS_ORIGINS: z.string().optional(),
  CACHE_MAX_AGE: z.coerce.number().int().min(0).max(31_536_000).default(5),
  IZDE_PUBLIC_KEY: z.string().min(8, 'use at least 8 characters').optional(),
  TRUST_PROXY: z.string().optional(),
  IZDE_ADMIN_TOKEN: z.string().min(1).optional(),
  ADMIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
});

/** Defaults of the HTTP settings tests and tools may leave out of a ServerConfig. */
export const HTTP_DEFAULTS = { corsOrigins: [] as CorsOrigins, cacheMaxAge: 5, publicKey: null as string | null };

export interface ServerConfig {
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  rateLimitPerMinute: number;
  /** Which proxies may name the client (TRUST_PROXY); default false: the peer's own address. */
  trustProxy?: TrustProxy;
  staticDir: string;
  /** Origins whose pages may call /api and /meili (CORS_ORIGINS); empty: same origin only. */
  corsOrigins?: CorsOrigins;
  /** max-age of cacheable GET answers, seconds (CACHE_MAX_AGE); 0: no-store. */
  cacheMaxAge?: number;
  /** Bearer key /meili requires (IZDE_PUBLIC_KEY); null: none. */
  publicKey?: string | null;
  /** Bearer token of the admin API (IZDE_ADMIN_TOKEN); null: the admin API does not exist. */
  adminToken?: string | null;
  /** Admin requests per minute per client (ADMIN_RATE_LIMIT_PER_MINUTE); 0: only the API-wide limit. */
  adminRateLimitPerMinute?: number;
}

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const pick = (k: string) => env[k]?.trim() || undefined;
  const parsed = schema.safeParse({
    PORT: pick('PORT'),
    HOST: pick('HOST'),
    LOG_LEVEL: pick('LOG_LEVEL'),
    RATE_LIMIT_PER_MINUTE: pick('RATE_LIMIT_PER_MINUTE'),
    CORS_ORIGINS: pick('CORS_ORIGINS'),
    CACHE_MAX_AGE: pick('CACHE_MAX_AGE'),
    IZDE_PUBLIC_KEY: pick('IZDE_PUBLIC_KEY'),
    TRUST_PROXY: pick('TRUST_PROXY'),
    IZDE_ADMIN_TOKEN: pick('IZDE_ADMIN_TOKEN'),
    ADMIN_RATE_LIMIT_PER_MINUTE: pick('ADMIN_RATE_LIMIT_PER_MINUTE'),
  });
  if (!parsed.success) {
    throw new Error(
      `Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const c = parsed.data;
  // The admin token is a secret from the moment it is read; a public key never opens the admin API.
  registerSecret(c.IZDE_ADMIN_TOKEN);
  if (c.IZDE_ADMIN_TOKEN !== undefined && c.IZDE_ADMIN_TOKEN === c.IZDE_PUBLIC_KEY) {
    throw new Error('Bad configuration: IZDE_ADMIN_TOKEN must differ from IZDE_PUBLIC_KEY (which is public).');
  }
  let corsOrigins: CorsOrigins;
  let trustProxy: TrustProxy;
  try {
    corsOrigins = parseCorsOrigins(c.CORS_ORIGINS);
    trustProxy = parseTrustProxy(c.TRUST_PROXY);
  } catch (err) {
    throw new Error(`Bad configuration: ${(err as Error).message}`);
  }
  return {
    port: c.PORT,
    host: c.HOST,
    logLevel: c.LOG_LEVEL,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    trustProxy,
    staticDir: DEFAULT_STATIC_DIR,
    corsOrigins,
    cacheMaxAge: c.CACHE_MAX_AGE,
    publicKey: c.IZDE_PUBLIC_KEY ?? null,
    adminToken: c.IZDE_ADMIN_TOKEN ?? null,
    adminRateLimitPerMinute: c.ADMIN_RATE_LIMIT_PER_MINUTE,
  };
}
