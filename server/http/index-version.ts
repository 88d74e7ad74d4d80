import type { Gateway } from '../../engine/index.js';

/**
 * The index's version: Meilisearch's `updatedAt` of the index, so every izde server on one engine sees the same
 * version and derives the same ETags, and a change made by any process — an indexer, a sync, the admin API of another
 * server, a reindex's swap — is seen by the next request. Cached answers are keyed by it, so it is read for every
 * request that may be answered from a cache (one small request to Meilisearch). Reads are shared, but only by requests
 * that arrived before the read began: a request never takes a version read before it arrived, which could predate a
 * change its client already saw confirmed.
 */
export class IndexVersion {
  private value: string | null = null;
  private readAt = 0;
  private inFlight: Promise<string | null> | undefined;
  private queued: Promise<string | null> | undefined;

  /** `ttlMs` > 0 trades freshness for fewer reads: a version that old is reused (0: always read). */
  constructor(
    private readonly gateway: Gateway,
    private readonly ttlMs = 0,
  ) {}

  /** The version, or null when Meilisearch cannot be asked (then nothing is cacheable). */
  async get(options: { fresh?: boolean } = {}): Promise<string | null> {
    if (!options.fresh && this.ttlMs > 0 && Date.now() - this.readAt < this.ttlMs) return this.value;
    if (!this.inFlight) return this.begin();
    // A read under way began before this request: wait for the next one, shared by everyone who queues meanwhile.
    this.queued ??= this.inFlight.then(
      () => this.next(),
      () => this.next(),
    );
    return this.queued;
  }

  private next(): Promise<string | null> {
    this.queued = undefined;
    return this.begin();
  }

  private begin(): Promise<string | null> {
    const reading = this.read().finally(() => {
      if (this.inFlight === reading) this.inFlight = undefined;
    });
    this.inFlight = reading;
    return reading;
  }

  private async read(): Promise<string | null> {
    try {
      const info = await this.gateway.admin.getRawIndex(this.gateway.indexName);
      this.value = `${this.gateway.indexName}@${String(info.updatedAt)}`;
    } catch {
      this.value = null; // engine trouble: the request itself will report it
    }
    this.readAt = Date.now();
    return this.value;
  }
}
