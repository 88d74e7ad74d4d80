import { parseArgs } from 'node:util';
import { EngineError, engineConfigFromEnv, redactText } from '../engine/index.js';
import { serverConfigFromEnv } from './config.js';
import { type RunningServer, startServer } from './start.js';

/** `npm start` (with --index-if-empty data/articles) and `npm run serve`. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'index-if-empty': { type: 'string', multiple: true } } });
  let running: RunningServer | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running?.logger.info(`${signal}: shutting down`);
    await running?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    running = await startServer({
      engine: engineConfigFromEnv(),
      server: serverConfigFromEnv(),
      ...(values['index-if-empty'] ? { indexIfEmpty: values['index-if-empty'] } : {}),
    });
  } catch (err) {
    console.error(redactText(err instanceof EngineError ? err.message : `Could not start: ${(err as Error).message}`));
    process.exit(2);
  }
  if (stopping) return;
  running.logger.info(`izde is ready: ${running.url}`);
}

await main();
