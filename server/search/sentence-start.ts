/**
 * Where sentences start, so a snippet can begin at one rather than mid-phrase. A sentence starts at the text's
 * start, after a line break, and after . ! ? … (and any closing quotes or brackets) plus spaces when a capital
 * letter, an opening quote or a dash follows — or a digit after a full word (2024 ж. 11 сәуір is one sentence). An
 * initial (Н. Назарбаев) ends no sentence.
 */

const BOUNDARY = /([.!?…])["»”’')\]]*\s+(?=([\p{Lu}«"“„(—–•-])|\p{N})|\n\s*(?=\S)/gu;

/** The word just before offset `i` (letters only). */
function wordBefore(text: string, i: number): string {
  let s = i;
  while (s > 0 && /\p{L}/u.test(text[s - 1] ?? '')) s--;
  return text.slice(s, i);
}

/** Sentence starts in [from, to], ascending. */
export function sentenceStarts(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= 0) out.push(0);
  // A boundary's punctuation, closing quotes and spaces come before the start: look a little before `from`.
  const base = Math.max(0, from - 16);
  for (const m of text.slice(base, Math.min(text.length, to + 1)).matchAll(BOUNDARY)) {
    const at = base + m.index;
    const start = at + m[0].length;
    if (start < from || start > to) continue;
    if (m[1] !== undefined) {
      const word = wordBefore(text, at);
      // An initial: one capital letter before the period.
      if (m[1] === '.' && /^\p{Lu}$/u.test(word)) continue;
      // A digit after an abbreviation (ж., г., млн.) continues the sentence.
      if (m[2] === undefined && word.length < 4) continue;
    }
    if (out[out.length - 1] !== start) out.push(start);
  }
  return out;
}

/** The nearest clause start (after , ; : or a dash) in [from, to], or -1: where a very long sentence can be cut. */
export function clauseStart(text: string, from: number, to: number): number {
  let best = -1;
  for (const m of text.slice(from, to).matchAll(/[,;:]\s+|\s[—–-]\s+/gu)) best = from + m.index + m[0].length;
  return best <= to ? best : -1;
}
