import { createHash } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import type { EngineConfig } from './config.js';
import { type EmbeddedEngine, startEmbedded } from './embedded.js';
import { EngineError } from './errors.js';
import { isHealthy } from './health.js';
import { nodeHttpClient } from './http-client.js';
import { meiliCode, toEngineError } from './meili-errors.js';
import { registerSecret } from './redact.js';
import { ensureIndex } from './settings.js';
import { WriterLocks } from './writer-lock.js';

export interface GatewayOptions {
  config: EngineConfig;
  log?: (message: string) => void;
  /** Per-request timeout of the Meilisearch client. */
  requestTimeoutMs?: number;
}

/**
 * Our one door to Meilisearch: the embedded engine or MEILI_URL, an admin client (master key) for indexing and
 * settings, and a search-only client for queries. An external engine may be down at start-up; everything here is
 * lazy, and retried on the next call, so the server answers 503 meanwhile and recovers when it returns.
 */
export class Gateway {
  readonly indexName: string;
  readonly mode: 'embedded' | 'external';
  private engine: EmbeddedEngine | undefined;
  private adminClient: Meilisearch | undefined;
  private searchClientPromise: Promise<Meilisearch> | undefined;
  private indexReady: Promise<void> | undefined;
  private locks: WriterLocks | undefined;
  /** Set by close(): a closed gateway never starts an engine again (a late request's revive would leave one running). */
  private closed = false;
  private readonly log: (message: string) => void;
  private readonly timeout: number;

  private constructor(private readonly options: GatewayOptions) {
    this.indexName = options.config.indexName;
    this.mode = options.config.url ? 'external' : 'embedded';
    this.log = options.log ?? (() => {});
    this.timeout = options.requestTimeoutMs ?? 10_000;
  }

  /** Connects: starts (or reuses) the embedded engine, or points at MEILI_URL without contacting it yet. */
  static async open(options: GatewayOptions): Promise<Gateway> {
    const gateway = new Gateway(options);
    await gateway.connect();
    return gateway;
  }

  private async connect(): Promise<void> {
    const { config } = this.options;
    let url: string;
    let apiKey: string | undefined;
    if (config.url) {
      url = config.url;
      apiKey = config.masterKey;
    } else {
      const engineOptions = {
        dataDir: config.dataDir,
        log: this.log,
        ...(config.masterKey ? { masterKey: config.masterKey } : {}),
        ...(config.maxIndexingMemory ? { maxIndexingMemory: config.maxIndexingMemory } : {}),
      };
      this.engine = await startEmbedded(engineOptions);
      url = this.engine.url;
      apiKey = this.engine.masterKey;
    }
    registerSecret(apiKey);
    registerSecret(new URL(url).password || undefined);
    this.adminClient = new Meilisearch({
      host: url,
      ...(apiKey ? { apiKey } : {}),
      timeout: this.timeout,
      httpClient: nodeHttpClient,
    });
    this.searchClientPromise = undefined;
    this.indexReady = undefined;
  }

  get url(): string {
    return this.admin.config.host;
  }

  /** The master-key client: indexing, settings, stats. Never used for user queries. */
  get admin(): Meilisearch {
    if (!this.adminClient) throw new EngineError('MEILI_UNAVAILABLE', 'Meilisearch is not connected');
    return this.adminClient;
  }

  /** A client holding a search-only key restricted to our indexes (created once, idempotently, by uid). */
  searchClient(): Promise<Meilisearch> {
    this.searchClientPromise ??= this.createSearchClient().catch((err) => {
      this.searchClientPromise = undefined; // retry next time (engine down, …)
      throw toEngineError(err);
    });
    return this.searchClientPromise;
  }

  private async createSearchClient(): Promise<Meilisearch> {
    const admin = this.admin;
    if (!admin.config.apiKey) return admin; // an engine without a master key has no keys to restrict
    const uid = keyUidFor(this.indexName);
    let key: string;
    try {
      key = (await admin.getKey(uid)).key;
    } catch (err) {
      if (meiliCode(err) !== 'api_key_not_found') throw err;
      key = (
        await admin.createKey({
          uid,
          name: `izde search (${this.indexName})`,
          description: 'Search-only key used by the izde server for user queries',
          actions: ['search'],
          indexes: [this.indexName, `${this.indexName}_*`],
          expiresAt: null,
        })
      ).key;
    }
    registerSecret(key);
    return new Meilisearch({ host: admin.config.host, apiKey: key, timeout: this.timeout, httpClient: nodeHttpClient });
  }

  /** The writers' lock of our index (engine/writer-lock.ts): syncs, reindexes and swaps take turns through it. */
  get writers(): WriterLocks {
    this.locks ??= new WriterLocks(() => this.admin, this.indexName);
    return this.locks;
  }

  /** Creates the index and applies its settings once per connection. */
  ensureIndex(): Promise<void> {
    this.indexReady ??= ensureIndex(this.admin, this.indexName).then(
      (changed) => {
        if (changed) this.log(`Applied index settings to "${this.indexName}"`);
      },
      (err) => {
        this.indexReady = undefined;
        throw err;
      },
    );
    return this.indexReady;
  }

  async healthy(): Promise<boolean> {
    return isHealthy(this.url, 2000);
  }

  /**
   * Embedded mode: when the engine is gone (killed, crashed, or stopped by the process that owned it), start or
   * reuse one again. Returns whether the engine answers afterwards.
   */
  async revive(): Promise<boolean> {
    if (this.closed) return false;
    if (await this.healthy()) return true;
    if (this.mode === 'external' || this.closed) return false;
    try {
      await this.connect();
      // Closed while the engine started: stop the one just started, as close() would have.
      if (this.closed) {
        await this.engine?.stop();
        return false;
      }
      return await this.healthy();
    } catch (err) {
      this.log(`Could not restart Meilisearch: ${(err as Error).message}`);
      return false;
    }
  }

  /** Number of documents in our index (0 when the index does not exist yet). */
  async documentCount(): Promise<number> {
    try {
      const stats = await this.admin.index(this.indexName).getStats();
      return stats.numberOfDocuments;
    } catch (err) {
      if (meiliCode(err) === 'index_not_found') return 0;
      throw toEngineError(err);
    }
  }

  /** Stops the embedded engine if this process owns it; no revive starts one afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.engine?.stop();
  }
}

/** A stable UUID for our search key, so restarts find the same key instead of piling up new ones. */
function keyUidFor(indexName: string): string {
  const h = createHash('sha256').update(`izde-search:${indexName}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
