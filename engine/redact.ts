/**
 * Keeps secrets out of logs. Keys and tokens are registered when they are read (the master key, the search key, the
 * admin token), and every log line a process writes goes through `redactText`, which replaces them wherever they
 * appear — in a message, an error's message or stack, a URL — together with anything that looks like a credential
 * whatever its value: `Bearer …` and `Basic …` credentials, a URL's password, `apiKey`/`token`/`password` fields.
 */
export const REDACTED = '[REDACTED]';

/** Shorter values are not registered: replacing every "abc" in a log would garble it and protect nothing. */
const MIN_SECRET_LENGTH = 8;

const secrets = new Set<string>();
let secretPattern: RegExp | null = null;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Registers a value that must never be printed (idempotent; blank and short values are ignored). */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.trim().length < MIN_SECRET_LENGTH) return;
  const before = secrets.size;
  secrets.add(value);
  // In a JSON log line the value appears escaped (quotes, backslashes, control characters).
  secrets.add(JSON.stringify(value).slice(1, -1));
  if (secrets.size !== before) {
    // Longest first, so a secret that contains another is replaced whole.
    const alternatives = [...secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
    secretPattern = new RegExp(alternatives.join('|'), 'g');
  }
}

/** Forgets every registered secret (tests). */
export function clearSecrets(): void {
  secrets.clear();
  secretPattern = null;
}

/** Patterns of credentials whatever their value. Each keeps its first group and replaces the rest. */
const CREDENTIAL_PATTERNS: RegExp[] = [
  // Authorization schemes in headers, messages and curl lines.
  /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]{4,}/gi,
  // A URL's password: scheme://user:password@host
  /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)[^\s@/"']+(?=@)/gi,
  // Header values run to the closing quote or the end of the line: "cookie": "a=1; b=2", authorization: Digest …
  /((?:["']?)\b(?:authorization|proxy-authorization|cookie|set-cookie)["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^"'\r\n]+/gi,
  // Key-like fields run to the next delimiter: "apiKey": "…", token=… in a query string.
  /((?:["']?)\b(?:x-meili-api-key|x-api-key|api[-_]?key|master[-_]?key|admin[-_]?token|token|password|secret)["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^"',\s}&]+/gi,
];

/** `text` with every registered secret and every recognizable credential replaced by `[REDACTED]`. */
export function redactText(text: string): string {
  let out = secretPattern ? text.replace(secretPattern, REDACTED) : text;
  for (const pattern of CREDENTIAL_PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
  return out;
}

/**
 * Object paths pino redacts before it serializes a line (headers of a logged request or response, key fields).
 * `redactText` still runs over the whole line: these paths only keep structure readable (`"[REDACTED]"`).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-meili-api-key"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'apiKey',
  'masterKey',
  'token',
  'password',
  '*.apiKey',
  '*.masterKey',
  '*.token',
  '*.password',
];
