/**
 * Kazakh Latin has no letter for ё: Russian loans write it as the glide and o («aktıor» актёр, «samolıotten»
 * самолёттен, «volontıor» волонтёр), which the transliteration reads back as и + о, the way «radıo» is радио. A
 * loan's stem is a Russian word, so the Russian dictionary decides: the word is read with ё (keyed е, as every ё is)
 * when that makes it begin with a Russian word the и + о reading does not begin with.
 */
import { isKnownRussianWord } from '../ru/stem.js';

/** и + о after a consonant: the only place the transliteration writes what may be a ё. */
const GLIDE_O = /(?<=[бвгджзклмнпрстфхцчшщ])ио/gu;
/** Shortest word a loan's stem is taken for (shorter Russian words begin too many others). */
const MIN_STEM = 4;

/** Whether some beginning of `word` that reaches past position `after` is a known Russian word. */
function beginsWithRussianWord(word: string, after: number): boolean {
  for (let end = Math.max(MIN_STEM, after + 1); end <= word.length; end++)
    if (isKnownRussianWord(word.slice(0, end))) return true;
  return false;
}

/**
 * A Kazakh Latin word already in Cyrillic (lowercase) with each и + о that stands for ё written `yo` — е for keys,
 * where every ё is е, or ё for reading — where the Russian dictionary says so: «актиор» → «актер», «самолиоттен» →
 * «самолеттен»; «радио», «миллион», «пионер» stay.
 */
export function withLoanYo(cyrillic: string, yo: 'е' | 'ё' = 'е'): string {
  if (!cyrillic.includes('ио')) return cyrillic;
  return cyrillic.replace(GLIDE_O, (match, at: number) => {
    const read = `${cyrillic.slice(0, at)}е${cyrillic.slice(at + match.length)}`;
    // Beginnings that reach a letter past the е («актер» of актиор) or to the о («радио», «трио»).
    return beginsWithRussianWord(read, at + 1) && !beginsWithRussianWord(cyrillic, at + 1) ? yo : match;
  });
}
