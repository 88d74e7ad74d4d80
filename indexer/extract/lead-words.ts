// How much a headline candidate speaks of the article: the share of its content words the article's text uses. A
// headline is made of the article's words; a site's slogan or name above it («Ақиқат – ең басты құндылық»,
// «Новости Казахстана — быстро и честно») mostly is not.
import { analyze } from '../../analyzers/index.js';

/** Stems of the content words of a text (stopwords, numbers and one-letter words left out). */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of analyze(text)) if (t.kind === 'word' && t.fold !== null && t.fold.length > 1) out.add(t.fold);
  return out;
}

/** The share of the distinct content words of `line` that a text uses too, given the text's contentStems (by folded
 *  stems: any inflection); 0 for a line without content words. The text's stems are made once for all its lines. */
export function articleWordShare(line: string, textStems: ReadonlySet<string>): number {
  const lineStems = contentStems(line);
  if (lineStems.size === 0) return 0;
  let n = 0;
  for (const s of lineStems) if (textStems.has(s)) n++;
  return n / lineStems.size;
}
