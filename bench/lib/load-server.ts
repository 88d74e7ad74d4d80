/**
 * The server under load, in its own process (so its RSS is its own): started from the environment exactly like
 * `npm run serve` (MEILI_URL or MEILI_DB_PATH, INDEX_NAME, RATE_LIMIT_PER_MINUTE, TRUST_PROXY), logging at info to a
 * file as in production, and reporting its URL (and, when asked, its memory) to the parent over IPC.
 */

import { pino } from 'pino';
import { engineConfigFromEnv } from '../../engine/index.js';
import { serverConfigFromEnv } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startServer } from '../../server/start.js';

const logFile = process.env.LOAD_LOG_FILE ?? '/dev/null';
const server = await startServer({
  engine: engineConfigFromEnv(),
  server: { ...serverConfigFromEnv(), port: 0, host: '127.0.0.1' },
  logger: createLogger({ level: 'info', destination: pino.destination({ dest: logFile, sync: false }) }),
});
process.send?.({ url: server.url });
// The parent asks for the memory this process keeps: after a full collection (started with --expose-gc), so a
// leak shows and the garbage V8 has not yet collected under load does not.
process.on('message', (m: { type?: string }) => {
  if (m?.type !== 'memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send?.({ type: 'memory', rss, heapUsed, collected: gc !== undefined });
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
