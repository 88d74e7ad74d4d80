// How much a headline candidate speaks of the article: the share of its content words the article's text uses. A
// headline is made of the article's words; a site's slogan or name above it («Ақиқат – ең басты құндылық»,
// «Новости Казахстана — быстро и честно») mostly is not.
//
// The words are compared by a light key — the word normalized (normalize: NFC, lowercase, ё→е, look-alikes), Kazakh
// letters folded, the first five letters — not by the analyzers: the article's one analysis runs after the title is
// known (analyzers/text.ts analyzeArticle), and this choice only has to tell a slogan from a headline. Kazakh and
// Russian inflect at the end of a word, so the first five letters meet most forms of a word («жәрмеңкесі»,
// «жәрмеңке»). Stopwords of either language, one-letter words and numbers are left out.
// The light surface: this runs on the indexer's reading thread, which loads no analysis data.
import { fold, KK_STOPWORDS, normalize, RU_STOPWORDS } from '../../analyzers/light.js';

// Combining marks belong to the word (a decomposed «й» is и + U+0306): normalize composes them.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const KEY_LETTERS = 5;

/** The light keys of the content words of a text. */
export function contentWordKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (const [raw] of text.matchAll(WORD)) {
    const w = normalize(raw);
    if (w.length < 2 || /^\p{N}+$/u.test(w) || KK_STOPWORDS.has(w) || RU_STOPWORDS.has(w)) continue;
    out.add(fold(w).slice(0, KEY_LETTERS));
  }
  return out;
}

/** The share of the distinct content words of `line` that a text uses too, given the text's contentWordKeys; 0 for a
 *  line without content words. The text's keys are made once for all its lines. */
export function articleWordShare(line: string, textKeys: ReadonlySet<string>): number {
  const lineKeys = contentWordKeys(line);
  if (lineKeys.size === 0) return 0;
  let n = 0;
  for (const s of lineKeys) if (textKeys.has(s)) n++;
  return n / lineKeys.size;
}
