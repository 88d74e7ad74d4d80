/**
 * Sentence boundaries of a text, for passages (indexer/document.ts: the words of a multi-word query must meet in one
 * sentence). A new line always starts a sentence; otherwise a sentence ends at . ! ? … (and the closing quotes or
 * brackets after them) when whitespace and a capital letter, an opening quote, a digit or a dash follow — unless
 * the word before the period is an initial or an abbreviation («А. Смаилов», «Дж. Байден», «2024 ж. Министр»,
 * «т. н. Верховный»). Splitting too little is the safe side: two sentences kept together only make a passage longer.
 * The highlighter starts snippets at the same sentence starts (server/search/highlight.ts), in a window of the text.
 */

/** Abbreviations that end in a period inside a sentence (lowercase, without the period). */
const ABBREVIATIONS = new Set([
  // Russian
  'г',
  'гг',
  'ул',
  'им',
  'см',
  'ср',
  'др',
  'пр',
  'проф',
  'акад',
  'тыс',
  'млн',
  'млрд',
  'трлн',
  'руб',
  'долл',
  'коп',
  'н',
  'т',
  'е',
  'д',
  'п',
  'обл',
  'р',
  'св',
  'ст',
  'стр',
  'рис',
  'табл',
  'гл',
  'вв',
  'нач',
  'зам',
  'ген',
  'пос',
  // Kazakh
  'ж',
  'жж',
  'б',
  'с',
  'мың',
  'тг',
  'теңге',
  'ш',
  'қ',
  'к',
  // Latin
  'mr',
  'mrs',
  'dr',
  'st',
  'vs',
  'etc',
  'inc',
  'ltd',
  'jr',
  'sr',
]);

const END = /[.!?…]+[»"”’)\]]*\s+(?=[\p{Lu}«"“„(\d–—-])/gu;

/** Whether the period at `at` ends an abbreviation or an initial rather than a sentence. */
function abbreviationBefore(text: string, at: number): boolean {
  if (text[at] !== '.') return false;
  let i = at;
  while (i > 0 && /[\p{L}\p{M}]/u.test(text[i - 1] ?? '')) i--;
  const word = text.slice(i, at);
  if (word.length === 0) return false;
  if (word.length === 1) return true; // an initial, or «ж.», «г.»
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // «Дж.», «Вл.»: a short capitalized word before a period is a name's initial; «ЕС.», two capitals, is an
  // abbreviation that ends its sentence.
  return word.length <= 2 && /^\p{Lu}\p{Ll}?$/u.test(word);
}

/** How far before a window a boundary's punctuation, closing quotes and spaces may begin. */
const LOOK_BEHIND = 16;

/**
 * Offsets where sentences start, in order: in the whole text (the first is 0), or only those in [from, to] (a
 * snippet's window; the text around it is read only as far as a boundary needs).
 */
export function sentenceStarts(text: string, from = 0, to: number = text.length): number[] {
  const base = Math.max(0, from - LOOK_BEHIND);
  const end = Math.min(text.length, to + 1);
  const starts = [0];
  for (let nl = text.indexOf('\n', base); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    let next = nl + 1;
    while (next < text.length && /\s/u.test(text[next] ?? '')) next++;
    if (next < text.length) starts.push(next);
  }
  for (const m of text.slice(base, end).matchAll(END)) {
    if (abbreviationBefore(text, base + m.index)) continue;
    starts.push(base + m.index + m[0].length);
  }
  return [...new Set(starts)].filter((s) => s >= from && s <= to).sort((a, b) => a - b);
}
