/**
 * `npm run -s stem -- --lang kk|ru`: one word per stdin line → one line: the `term` key the index uses for it
 * (after normalization; a Latin Kazakh word is transliterated first; stopwords are NOT filtered here). An
 * empty line gives an empty line; a line that the tokenizer splits (іс-шара) gives the keys joined by a space.
 * Streams: handles inputs of any size line by line.
 */
import { createInterface } from 'node:readline';
import { readLangArg } from './args.js';

const lang = readLangArg(process.argv.slice(2), ['kk', 'ru']);
if (lang instanceof Error) {
  process.stderr.write(`stem: ${lang.message}\nusage: npm run -s stem -- --lang kk|ru  < words.txt\n`);
  process.exit(2);
}
// Loaded after the arguments are checked: a usage error answers at once, without loading dictionaries.
const { wordKeys } = await import('../analyze.js');
const { tokenize } = await import('../tokenize.js');

/** The key line of one input line. */
function keyLine(line: string): string {
  const tokens = tokenize(line);
  if (tokens.length === 0) return '';
  return tokens
    .map((t) => {
      const k = wordKeys(t.surface, lang as 'kk' | 'ru', { kind: t.kind, keepStopwords: true });
      return k.term ?? k.norm;
    })
    .join(' ');
}

let buffer = '';
const FLUSH_AT = 1 << 16;

async function flush(): Promise<void> {
  if (buffer.length === 0) return;
  const chunk = buffer;
  buffer = '';
  if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  buffer += `${keyLine(line)}\n`;
  if (buffer.length >= FLUSH_AT) await flush();
}
await flush();
