// How much a headline candidate speaks of the article: the share of its content words the article's text uses. A
// headline is made of the article's words; a site's slogan or name above it («Ақиқат – ең басты құндылық»,
// «Новости Казахстана — быстро и честно») mostly is not.
import { analyze } from '../../analyzers/index.js';

/** Stems of the content words of a text (stopwords, numbers and one-letter words left out). */
function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of analyze(text)) if (t.kind === 'word' && t.fold !== null && t.fold.length > 1) out.add(t.fold);
  return out;
}

/** The share of the distinct content words of `line` that `text` uses too, by folded stems (any inflection); 0 for
 *  a line without content words. */
export function articleWordShare(line: string, text: string): number {
  const lineStems = contentStems(line);
  if (lineStems.size === 0) return 0;
  const textStems = contentStems(text);
  let n = 0;
  for (const s of lineStems) if (textStems.has(s)) n++;
  return n / lineStems.size;
}
