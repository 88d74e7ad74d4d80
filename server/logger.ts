import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import pretty from 'pino-pretty';
import { REDACT_PATHS, REDACTED, redactText } from '../engine/index.js';

export interface LoggerConfig {
  level: LoggerOptions['level'];
  /** Where JSON lines go; default: stdout, made readable when a person watches a terminal. */
  destination?: DestinationStream;
  /** Readable lines instead of JSON (default: when stdout is a terminal and no destination is given). */
  pretty?: boolean;
}

/**
 * The server's logger. Secrets never reach a log: pino blanks known header and key fields (`REDACT_PATHS`), and every
 * finished line then goes through `redactText`, which replaces registered keys and anything shaped like a credential
 * wherever it sits (a message, an error's stack, a URL).
 */
export function createLogger(config: LoggerConfig): Logger {
  const readable = config.pretty ?? (!config.destination && process.stdout.isTTY === true);
  const target: DestinationStream =
    config.destination ??
    (readable
      ? pretty({ colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime', sync: true })
      : pino.destination({ dest: 1, sync: true }));
  const redacting: DestinationStream = { write: (line: string) => target.write(redactText(line)) };
  return pino({ level: config.level, redact: { paths: REDACT_PATHS, censor: REDACTED } }, redacting);
}
