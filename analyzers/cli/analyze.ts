/**
 * `npm run -s analyze -- [--lang auto|kk|ru]`: reads all of stdin, prints one JSON object per token and line:
 * {"surface","term","start","end","lang","norm","fold","kind"} (term and fold absent for stopwords; start/end are
 * UTF-16 offsets into the input).
 */
import type { AnalyzeLang } from '../analyze.js';
import { readLangArg } from './args.js';

const lang = readLangArg(process.argv.slice(2), ['auto', 'kk', 'ru'], 'auto');
if (lang instanceof Error) {
  process.stderr.write(`analyze: ${lang.message}\nusage: npm run -s analyze -- [--lang auto|kk|ru]  < text.txt\n`);
  process.exit(2);
}
// Loaded after the arguments are checked: a usage error answers at once, without loading dictionaries.
const { analyze } = await import('../analyze.js');

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const text = Buffer.concat(chunks).toString('utf8');

let out = '';
for (const t of analyze(text, { lang: lang as AnalyzeLang })) {
  const rec: Record<string, string | number> = { surface: t.surface };
  if (t.term !== null) rec.term = t.term;
  rec.start = t.start;
  rec.end = t.end;
  rec.lang = t.lang;
  rec.norm = t.norm;
  if (t.fold !== null) rec.fold = t.fold;
  rec.kind = t.kind;
  out += `${JSON.stringify(rec)}\n`;
  if (out.length > 1 << 16) {
    process.stdout.write(out);
    out = '';
  }
}
process.stdout.write(out);
