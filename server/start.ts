import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { EngineConfig } from '../engine/index.js';
import { Gateway } from '../engine/index.js';
import { runIndexer, summaryLine } from '../indexer/run.js';
import { ADMIN_DEFAULTS, ADMIN_TOKEN_MIN_LENGTH, type AdminOptions } from './admin/routes.js';
import { AnalyzerCheck } from './analyzer-check.js';
import { createApp } from './app.js';
import { handleClientError } from './client-errors.js';
import type { ServerConfig } from './config.js';
import { IndexVersion } from './http/index-version.js';
import { createLogger } from './logger.js';
import { SearchService } from './search/service.js';
import { Suggester } from './search/suggest.js';
import { warmUpAnalyzers, warmUpSearch } from './warm-up.js';

/** Everything a running izde server holds, so tests and main() can stop it cleanly. */
export interface RunningServer {
  url: string;
  gateway: Gateway;
  server: Server;
  logger: Logger;
  close(): Promise<void>;
}

export interface StartOptions {
  engine: EngineConfig;
  server: ServerConfig;
  /** Index these paths first if the index is empty (`npm start` ships the sample corpus this way). */
  indexIfEmpty?: readonly string[];
  logger?: Logger;
  /** Admin API settings that have no environment variable (tests): body limits, how long a write waits. */
  admin?: Pick<AdminOptions, 'limits' | 'lockWaitMs'>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: options.server.logLevel });
  const gateway = await Gateway.open({ config: options.engine, log: (m) => logger.info(m) });
  try {
    if (options.indexIfEmpty?.length) {
      await gateway.ensureIndex();
      if ((await gateway.documentCount()) === 0) {
        logger.info(`The index is empty: indexing ${options.indexIfEmpty.join(', ')}`);
        const result = await runIndexer(gateway, { paths: options.indexIfEmpty });
        for (const p of result.problems) logger.warn(`skipped ${p.where}: ${p.reason}`);
        logger.info(summaryLine(result));
      }
    } else {
      // An external engine may be down now; the server still starts and answers 503 until it returns.
      await gateway.ensureIndex().catch((err: Error) => logger.warn(`Meilisearch not ready: ${err.message}`));
    }
    // The suggester offers titles through the search service's planner, which in turn answers /api/suggest with it.
    let search: SearchService | undefined;
    const indexVersion = new IndexVersion(gateway);
    const analyzers = new AnalyzerCheck(gateway, logger, indexVersion);
    const suggester = new Suggester({
      gateway,
      titles: (q, n) => search?.titleMatches(q, n) ?? Promise.resolve([]),
      legacyKeys: () => analyzers.legacyKeys(),
    });
    search = new SearchService({ gateway, suggester, indexVersion, analyzers });
    const app = createApp({
      search,
      logger,
      staticDir: options.server.staticDir,
      rateLimitPerMinute: options.server.rateLimitPerMinute,
      indexName: gateway.indexName,
      indexVersion,
      corsOrigins: options.server.corsOrigins,
      cacheMaxAge: options.server.cacheMaxAge,
      publicKey: options.server.publicKey,
      trustProxy: options.server.trustProxy ?? false,
      admin: options.server.adminToken
        ? {
            gateway,
            token: options.server.adminToken,
            rateLimitPerMinute: options.server.adminRateLimitPerMinute ?? ADMIN_DEFAULTS.rateLimitPerMinute,
            ...options.admin,
          }
        : null,
    });
    const token = options.server.adminToken;
    if (token && token.length < ADMIN_TOKEN_MIN_LENGTH) {
      logger.warn(
        `IZDE_ADMIN_TOKEN has ${token.length} characters: whoever guesses it can change the index. ` +
          `Use at least ${ADMIN_TOKEN_MIN_LENGTH} (openssl rand -hex 32).`,
      );
    }
    logger.info(`Analyzers warmed up in ${Math.round(warmUpAnalyzers())} ms`);
    const warm = await warmUpSearch(search);
    logger.info(
      warm.completed
        ? `Search warmed up in ${Math.round(warm.ms)} ms`
        : `Search warm-up gave up after ${Math.round(warm.ms)} ms (the engine failed or did not answer in time); starting anyway`,
    );
    const server = createServer(app);
    // Requests Node's parser refuses (URL and headers too large, malformed) get an answer in the error shape too.
    server.on('clientError', (err: Error & { code?: string }, socket) =>
      handleClientError(err, socket, (status, code) =>
        logger.warn(`refused a request Node could not parse: ${status} ${code}`),
      ),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.server.port, options.server.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.keepAliveTimeout = 65_000;
    // Says in the log when the index was built by other analyzers than ours (at start, then whenever that changes).
    const checkAnalyzers = () => void analyzers.status().catch(() => {});
    checkAnalyzers();
    const analyzerTimer = setInterval(checkAnalyzers, 5 * 60_000);
    analyzerTimer.unref();
    const { port } = server.address() as AddressInfo;
    const url = `http://localhost:${port}`;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        clearInterval(analyzerTimer);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await gateway.close();
      })());
    return { url, gateway, server, logger, close };
  } catch (err) {
    await gateway.close();
    throw err;
  }
}
