import type { Logger } from 'pino';
import { ANALYZER_VERSION } from '../analyzers/index.js';
import type { Gateway } from '../engine/index.js';
import { analyzerVersions, keysCodedIn } from '../engine/index.js';

/** What /api/health says about analysis: the server's version and the index's. */
export interface AnalyzerStatus {
  /** The version this server analyzes queries (and highlights) with. */
  analyzerVersion: string;
  /** The versions the index's articles were analyzed with, and how many of each. */
  indexAnalyzerVersions: Record<string, number>;
}

/**
 * Whether the index was built by the analyzers this server runs. Queries are analyzed here and matched against keys
 * the indexer made: another version's keys (a changed stemmer, a new gazetteer entry) miss words, so the server says
 * so in its log — at start, and whenever the answer changes — with what to do (`npm run reindex`). The counts are read
 * again only when the index changed (its version), so health checks cost one facet count per change.
 */
/** How long legacyKeys keeps its answer. */
const LEGACY_TTL_MS = 10_000;

export class AnalyzerCheck {
  private last: { version: string | null; status: AnalyzerStatus } | undefined;
  private legacy: { value: boolean; at: number } | undefined;
  private warned = '';

  constructor(
    private readonly gateway: Gateway,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
    private readonly indexVersion: { get(): Promise<string | null> },
  ) {}

  async status(): Promise<AnalyzerStatus> {
    const version = await this.indexVersion.get();
    if (this.last && version !== null && this.last.version === version) return this.last.status;
    const counts = await analyzerVersions(this.gateway.admin, this.gateway.indexName);
    const status = { analyzerVersion: ANALYZER_VERSION, indexAnalyzerVersions: counts };
    this.last = { version, status };
    this.report(counts);
    return status;
  }

  /**
   * Whether the index holds articles analyzed before the key code (engine/key-code.ts keysCodedIn); false when unknown.
   * Asked by every search, so the answer is kept LEGACY_TTL_MS: reading the index's version is a request to the
   * engine (read at each search, it slowed search at 100k to p50 1.42× plain's and throughput 0.77×). It changes when
   * a reindex swaps its index in (true → false), so a stale `true` only sends each query twice a few seconds longer.
   */
  async legacyKeys(): Promise<boolean> {
    if (this.legacy && Date.now() - this.legacy.at < LEGACY_TTL_MS) return this.legacy.value;
    const status = await this.status().catch(() => undefined);
    const versions = Object.keys(status?.indexAnalyzerVersions ?? {});
    const value = versions.some((v) => !keysCodedIn(v));
    // An empty index's answer says nothing of the articles to come (the start's warm-up searches one): not kept.
    if (status && versions.length > 0) this.legacy = { value, at: Date.now() };
    return value;
  }

  private report(counts: Record<string, number>): void {
    const others = Object.entries(counts).filter(([v]) => v !== ANALYZER_VERSION);
    const key = JSON.stringify(others.map(([v]) => v).sort());
    const before = this.warned;
    this.warned = key;
    if (key === before) return;
    if (others.length === 0) {
      if (before !== '' && before !== '[]') {
        this.logger.info(`The index "${this.gateway.indexName}" is analyzed with ${ANALYZER_VERSION} again.`);
      }
      return;
    }
    const total = others.reduce((n, [, c]) => n + c, 0);
    const list = others.map(([v, c]) => `${v}: ${c}`).join(', ');
    this.logger.warn(
      `The index "${this.gateway.indexName}" holds ${total} article${total === 1 ? '' : 's'} analyzed with another ` +
        `analyzer version (${list}); this izde analyzes queries with ${ANALYZER_VERSION}, so some words may not ` +
        'match. Run `npm run reindex` to analyze them again (search keeps answering meanwhile).',
    );
  }
}
