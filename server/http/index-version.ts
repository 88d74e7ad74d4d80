import type { Gateway } from '../../engine/gateway.js';

/**
 * The index's version: Meilisearch's `updatedAt` of the index, so every izde server on one engine sees the same
 * version and derives the same ETags. Read at most once per `ttlMs` (a fresh read on demand), one read at a time.
 */
export class IndexVersion {
  private value: string | null = null;
  private readAt = 0;
  private reading: Promise<string | null> | undefined;

  constructor(
    private readonly gateway: Gateway,
    private readonly ttlMs = 1000,
  ) {}

  /** The version, or null when Meilisearch cannot be asked (then nothing is cacheable). */
  async get(options: { fresh?: boolean } = {}): Promise<string | null> {
    if (!options.fresh && Date.now() - this.readAt < this.ttlMs) return this.value;
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
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
