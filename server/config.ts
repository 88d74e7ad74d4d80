import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/** Server configuration from the environment; one object, defaults here. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  TRUST_PROXY: z.string().optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  rateLimitPerMinute: number;
  /** Which proxies may name the client (TRUST_PROXY); default false: the peer's own address. */
  trustProxy?: TrustProxy;
  staticDir: string;
}

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const pick = (k: string) => (env[k]?.trim() ? env[k]!.trim() : undefined);
  const parsed = schema.safeParse({
    PORT: pick('PORT'),
    HOST: pick('HOST'),
    LOG_LEVEL: pick('LOG_LEVEL'),
    RATE_LIMIT_PER_MINUTE: pick('RATE_LIMIT_PER_MINUTE'),
    TRUST_PROXY: pick('TRUST_PROXY'),
  });
  if (!parsed.success) {
    throw new Error(
      `Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const c = parsed.data;
  let trustProxy: TrustProxy;
  try {
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
  };
}
