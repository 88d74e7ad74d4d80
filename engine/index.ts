/**
 * engine/: everything izde knows of Meilisearch, and the only way into it for the other folders (the lint refuses
 * a deep import; `engine/testing.ts` is the one other entry, for tests: it starts engines of its own).
 *
 * - Configuration: {@link engineConfigFromEnv} reads MEILI_URL, MEILI_MASTER_KEY, the data folder and the index
 *   name once; {@link EngineConfig} is the one config object of the component.
 * - Connection: a {@link Gateway} starts the embedded engine or joins MEILI_URL, keeps the index settings
 *   ({@link INDEX_SETTINGS}, {@link ensureIndex}) and hands out admin and search clients.
 * - The document: {@link ArticleDocument} and its fields (term fields per tier, salient words, facets), and
 *   {@link documentKey}, the primary key of an article id.
 * - Writing: {@link TaskTracker} and {@link waitForTask} follow Meilisearch's tasks (backpressure, stalls);
 *   {@link WriterLocks} serializes the processes that write one index.
 * - Errors: every failure is an {@link EngineError} with a stable code ({@link toEngineError} maps the client's).
 * - Running engines: {@link startEmbedded}, {@link dataPaths}, the lock file ({@link readLock}) and process checks,
 *   for the CLIs, benchmarks and failure tests that start or inspect one.
 * - Logs: {@link redactText} and {@link registerSecret} keep keys out of every log line.
 */

export { analyzerVersions, UNKNOWN_VERSION, versionLabel } from './analyzer-versions.js';
export { BINARY_PACKAGE, findMeilisearchBinary } from './binary.js';
export { type EngineConfig, engineConfigFromEnv, engineConfigSchema } from './config.js';
export { type DiskSpace, diskSpace, diskTrouble, storageTrouble, watchDiskSpace } from './disk-space.js';
export {
  type DataPaths,
  dataPaths,
  EMBEDDED_INDEXING_MEMORY,
  type EmbeddedEngine,
  type EmbeddedOptions,
  freePort,
  generateMasterKey,
  startEmbedded,
} from './embedded.js';
export { EngineError, type EngineErrorCode } from './errors.js';
export { Gateway, type GatewayOptions } from './gateway.js';
export { isHealthy, sleep } from './health.js';
export { type HttpClient, nodeHttpClient } from './http-client.js';
export { decodeKey, decodeQuery, encodeKey, keysCodedIn } from './key-code.js';
export { type EngineLock, readLock } from './lock.js';
export { meiliCode, toEngineError } from './meili-errors.js';
export { isAlive, isMeilisearchFor, type MeilisearchLaunch, spawnMeilisearch } from './process.js';
export { clearSecrets, REDACT_PATHS, REDACTED, redactText, registerSecret } from './redact.js';
export {
  type ArticleDocument,
  documentKey,
  FACETS,
  type Facet,
  HIT_FIELDS,
  hasTier,
  LEAD_PASSAGES,
  type Origin,
  PASSAGES,
  type PassageField,
  passageField,
  SALIENT_FIELDS,
  type SalientField,
  SEARCHABLE_FIELDS,
  type TermField,
  TIER_FIELDS,
  type Tier,
  type TitleField,
  titleField,
} from './schema.js';
export { ensureIndex, INDEX_SETTINGS, PRIMARY_KEY } from './settings.js';
export { DEFAULT_STALL_MS, type Finished, TaskTracker, type WaitOptions, waitForTask } from './tasks.js';
export { parseRawTermValue, parseTermValue, type TermValue, termValue } from './term-value.js';
export { addDocumentsFile, type NdjsonFile } from './upload.js';
export {
  conflicts,
  describeHolder,
  type HeldLock,
  LockBusyError,
  type LockEntry,
  LockLostError,
  type LockOptions,
  lockIndexName,
  releaseAllLocks,
  type WriteKind,
  WriterLocks,
  type WriterLocksOptions,
  waitingMessage,
} from './writer-lock.js';
