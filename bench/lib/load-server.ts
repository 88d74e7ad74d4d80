/**
 * The server under load, in its own process (so its RSS is its own): started from the environment exactly like
 * `npm run serve` (MEILI_URL or MEILI_DB_PATH, INDEX_NAME, RATE_LIMIT_PER_MINUTE, TRUST_PROXY), logging at info to a
 * file as in production, and reporting its URL to the parent over IPC.
 */
import { engineConfigFromEnv } from '../../engine/config.js';
import { serverConfigFromEnv } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startServer } from '../../server/start.js';
import { pino } from 'pino';

const logFile = process.env.LOAD_LOG_FILE ?? '/dev/null';
const server = await startServer({
  engine: engineConfigFromEnv(),
  server: { ...serverConfigFromEnv(), port: 0, host: '127.0.0.1' },
  logger: createLogger({ level: 'info', destination: pino.destination({ dest: logFile, sync: false }) }),
});
process.send?.({ url: server.url });
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
