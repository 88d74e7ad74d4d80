/** Reads `--lang X` / `--lang=X` from argv and checks it against the allowed values. */
export function readLangArg(argv: readonly string[], allowed: readonly string[], fallback?: string): string | Error {
  let value: string | undefined = fallback;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--lang') value = argv[++i];
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else return new Error(`unknown argument: ${a}`);
  }
  if (value === undefined) return new Error(`missing --lang (one of: ${allowed.join(', ')})`);
  if (!allowed.includes(value)) return new Error(`bad --lang "${value}" (one of: ${allowed.join(', ')})`);
  return value;
}
