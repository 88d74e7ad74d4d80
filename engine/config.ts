import { z } from 'zod';

/** Engine configuration from the environment (the contract's table); one object, defaults here. */
export const engineConfigSchema = z.object({
  MEILI_URL: z.url({ message: 'MEILI_URL must be a URL such as http://127.0.0.1:7700' }).optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_DB_PATH: z.string().min(1).default('.data/meilisearch'),
  MEILI_MAX_INDEXING_MEMORY: z
    .string()
    .regex(/^\d+(?:\.\d+)?\s*(?:[KMGT]i?B|B)?$/iu, 'a size such as 1GiB, 512MiB or 2000000000 is needed')
    .optional(),
  INDEX_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/, 'INDEX_NAME may hold only letters, digits, - and _')
    .default('articles'),
});

export interface EngineConfig {
  /** An external Meilisearch; unset = the embedded one. */
  url: string | undefined;
  masterKey: string | undefined;
  dataDir: string;
  /** The embedded engine's `--max-indexing-memory`; unset = EMBEDDED_INDEXING_MEMORY (engine/embedded.ts). */
  maxIndexingMemory?: string;
  indexName: string;
}

export function engineConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const parsed = engineConfigSchema.safeParse({
    MEILI_URL: blankToUndefined(env.MEILI_URL),
    // Any key works (one starting with `-` too); surrounding whitespace is dropped, as an HTTP header would drop it.
    MEILI_MASTER_KEY: blankToUndefined(env.MEILI_MASTER_KEY),
    MEILI_DB_PATH: blankToUndefined(env.MEILI_DB_PATH),
    MEILI_MAX_INDEXING_MEMORY: blankToUndefined(env.MEILI_MAX_INDEXING_MEMORY),
    INDEX_NAME: blankToUndefined(env.INDEX_NAME),
  });
  if (!parsed.success) {
    throw new Error(
      `Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const c = parsed.data;
  return {
    url: c.MEILI_URL,
    masterKey: c.MEILI_MASTER_KEY,
    dataDir: c.MEILI_DB_PATH,
    ...(c.MEILI_MAX_INDEXING_MEMORY ? { maxIndexingMemory: c.MEILI_MAX_INDEXING_MEMORY } : {}),
    indexName: c.INDEX_NAME,
  };
}
