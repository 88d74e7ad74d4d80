/**
 * Kazakh Latin ↔ Cyrillic. Three official Latin alphabets are in the wild: the 2017 apostrophe one
 * («Qazaqstan Respy'bli'kasy»), the 2018 acute-accent one used by Kazinform («Eýrazııa») and the 2021 one
 * («Būryñğy»). They disagree on a few letters (ı is и/й in 2018 but і in 2021; i is і in 2018 but и/й in
 * 2021; u is ұ in 2018 but у in 2021), so a text's alphabet is detected once from its marker letters and
 * used for every word of it. The letter tables are data (../data/kk-latin.json).
 */
import { readFileSync } from 'node:fs';

/**
 * '2021-turkish' is the 2021 alphabet written with a habit of Turkish: ı for ы as well as for і (detectLatinAlphabet
 * tells it from the text; repairBackI reads it).
 */
export type LatinAlphabet = '2017' | '2018' | '2021' | '2021-turkish';

interface AlphabetTable {
  letters: Record<string, string>;
  glide: string;
  glideU: string;
}
interface LatinData {
  toCyrillic: Record<LatinAlphabet, AlphabetTable> & { _fallback: Record<string, string> };
  fromCyrillic: Record<'2018' | '2021', Record<string, string>>;
  markers: Record<'2018' | '2021', string>;
}

const DATA = JSON.parse(readFileSync(new URL('../data/kk-latin.json', import.meta.url), 'utf8')) as LatinData;

/** The default when a text carries no marker letter: 2018, the alphabet Kazakh Latin news is published in. */
export const DEFAULT_LATIN_ALPHABET: LatinAlphabet = '2018';

const APOSTROPHES = /['’ʼʻ`´]/gu;
const CYR_VOWELS = new Set('аәеёиоөуұүыіэюя');
const FRONT = new Set('eiáóúäöü');
const BACK = new Set('aouyıū');

interface Compiled {
  map: Map<string, string>;
  maxKey: number;
  glide: string;
  glideU: string;
}

function compile(alphabet: LatinAlphabet): Compiled {
  const t = DATA.toCyrillic[alphabet];
  const map = new Map<string, string>(Object.entries(DATA.toCyrillic._fallback));
  for (const [k, v] of Object.entries(t.letters)) map.set(k, v);
  map.delete(t.glide);
  let maxKey = t.glide.length;
  for (const k of map.keys()) maxKey = Math.max(maxKey, k.length);
  return { map, maxKey, glide: t.glide, glideU: t.glideU };
}

const COMPILED: Record<LatinAlphabet, Compiled> = {
  '2017': compile('2017'),
  '2018': compile('2018'),
  '2021': compile('2021'),
  '2021-turkish': compile('2021'),
};

const MARKERS_2018 = new Set(DATA.markers['2018'] + DATA.markers['2018'].toUpperCase());
const MARKERS_2021 = new Set(DATA.markers['2021'] + DATA.markers['2021'].toUpperCase());
const APOSTROPHE_LETTERS = new Set('agiouyncs');
const APOSTROPHE_CHARS = new Set("'’ʼʻ`´");

/**
 * Which Latin alphabet a text is written in, from its marker letters: á ǵ ń ó ú ý → 2018, ä ğ ñ ö ş ü ū ç →
 * 2021, a letter followed by an apostrophe inside a word (a' g' i' n' o' u' y' s' c') → 2017. The most frequent
 * kind wins; a text with no marker at all gets DEFAULT_LATIN_ALPHABET (2018).
 */
export function detectLatinAlphabet(text: string): LatinAlphabet {
  let m2018 = 0;
  let m2021 = 0;
  let m2017 = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x27) continue; // fast skip of spaces and most punctuation
    if (code > 0x7f) {
      if (code > 0x24f && code !== 0x2019 && code !== 0x2bc && code !== 0x2bb && code !== 0xb4) continue; // not Latin
      const ch = text[i] ?? '';
      if (MARKERS_2018.has(ch)) m2018++;
      else if (MARKERS_2021.has(ch)) m2021++;
      else if (APOSTROPHE_CHARS.has(ch)) m2017 += apostropheMarker(text, i);
    } else if (code === 0x27 || code === 0x60) m2017 += apostropheMarker(text, i);
  }
  if (m2018 === 0 && m2021 === 0 && m2017 === 0) return DEFAULT_LATIN_ALPHABET;
  if (m2018 >= m2021 && m2018 >= m2017) return '2018';
  if (m2021 >= m2017) return writesDotlessForY(text) ? '2021-turkish' : '2021';
  return '2017';
}

const WORD_RE = /\p{L}+/gu;

/**
 * Whether a 2021 text writes ı for ы (the Turkish habit): it has more words that read as Kazakh only with ı as ы
 * (back vowels and ı, no y: «Qazaqstannıñ») than words that write ы as y. A text that writes y for ы writes ı for і
 * alone, also in the few Kazakh words of mixed vowels (қазір «qazır», кітабы «kıtaby»); a word alone has no y and
 * reads as the habit.
 */
function writesDotlessForY(text: string): boolean {
  let withY = 0;
  let backI = 0;
  for (const [word] of text.toLowerCase().matchAll(WORD_RE)) {
    if (word.includes('y')) withY++;
    else if (repairBackI(word) !== word) backI++;
  }
  return backI > withY;
}

const LETTER_RE = /\p{L}/u;

const ENGLISH_CLITIC = /^(?:s|t|re|ll|ve|d|m)(?!\p{L})/iu;

/**
 * 1 if the apostrophe at i follows a 2017 apostrophe letter inside a word (not a one-letter word's quote, not
 * an English clitic: Kazakhstan's, don't).
 */
function apostropheMarker(text: string, i: number): number {
  const prev = (text[i - 1] ?? '').toLowerCase();
  if (!APOSTROPHE_LETTERS.has(prev)) return 0;
  // inside or at the end of a word (g'ylym, Shanhai'), or starting one (s'ahar); not a quoted single letter
  if (!LETTER_RE.test(text[i - 2] ?? ' ') && !LETTER_RE.test(text[i + 1] ?? ' ')) return 0;
  return ENGLISH_CLITIC.test(text.slice(i + 1, i + 4)) ? 0 : 1;
}

/** Lowercases a Latin Kazakh word, resolving capital I the way the alphabet reads it. */
function lowerLatin(word: string, alphabet: LatinAlphabet): string {
  if (!word.includes('I') && !word.includes('İ')) return word.toLowerCase();
  const chars = [...word];
  let harmonyI = 'i';
  if (alphabet === '2018') {
    // 2018 writes both і and и/й as capital I: the word's other vowels decide (vowel harmony), і by default.
    let front = 0;
    let back = 0;
    for (const ch of chars) {
      if (ch === 'I' || ch === 'İ') continue;
      const l = ch.toLowerCase();
      if (FRONT.has(l)) front++;
      else if (BACK.has(l)) back++;
    }
    harmonyI = back > front ? 'ı' : 'i';
  }
  let out = '';
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k] ?? '';
    if (ch === 'İ') out += 'i';
    else if (ch !== 'I') out += ch.toLowerCase();
    else if (alphabet === '2021' || alphabet === '2021-turkish') out += 'ı';
    else if (alphabet === '2017') out += 'i';
    else {
      // і never doubles, never follows a vowel and never stands before a back vowel or у: there I is the
      // glide (КИЮ, ИЯ, ӘУЕЖАЙ).
      const next = (chars[k + 1] ?? '').toLowerCase();
      const prev = (chars[k - 1] ?? '').toLowerCase();
      const glide =
        prev === 'i' ||
        next === 'i' ||
        next === 'ı' ||
        (next !== '' && 'aouyý'.includes(next)) ||
        (prev !== '' && 'aeoáóúuy'.includes(prev));
      out += glide ? 'ı' : harmonyI;
    }
  }
  return out;
}

const GLIDE = '\u0000';
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * A character outside the alphabet's table: a Latin letter with an unknown diacritic is read as its base
 * letter (ă → а); any other Latin letter is dropped, so the result never mixes scripts; an apostrophe is
 * dropped; anything else (digits, marks) is kept.
 */
function unknownLetter(ch: string, c: Compiled): string {
  if (APOSTROPHE_CHARS.has(ch)) return '';
  if (!LATIN_LETTER.test(ch)) return ch;
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (base !== ch) {
    const v = base === c.glide ? 'и' : c.map.get(base);
    if (v !== undefined) return v;
  }
  return '';
}
const BACK_2021 = new Set('aoū');
const FRONT_2021 = new Set('äeöüı');

/**
 * 2021 writes і as ı, but people used to Turkish write ı for ы. In their text (alphabet '2021-turkish') Kazakh vowel
 * harmony tells the two apart: an ı in a word whose other vowels are all back (a o ū, no и/у) can only be ы
 * («Qazaqstannıñ» = Қазақстанның). A word with y writes ы as y, so its ı is і even there («kıtaby», кітабы).
 */
function repairBackI(s: string): string {
  if (!s.includes('ı') || s.includes('y')) return s;
  let back = 0;
  for (const ch of s) {
    if (BACK_2021.has(ch)) back++;
    // и/у (i, u) let loans and words like қауіп mix: only a word of clear back vowels is repaired
    else if ((FRONT_2021.has(ch) && ch !== 'ı') || ch === 'i' || ch === 'u') return s;
  }
  return back > 0 ? s.replace(/ı/gu, 'y') : s;
}

/** Whether the unit before k is the glide letter read as и (not after a vowel, where it is й): «vıtse» is вице. */
function afterI(units: readonly string[], k: number): boolean {
  if (units[k - 1] !== GLIDE) return false;
  const before = units[k - 2];
  return before === undefined || !CYR_VOWELS.has(before);
}

/**
 * Kazakh Latin word → lowercase Cyrillic. The glide letter (2018 ı, 2021 i, 2017 i') is й after a vowel and
 * и elsewhere; glide + a is я; glide + у-letter is ю at the start of a word or after a vowel; «ts» before the
 * glide, after it read as и, or at the start of a word is ц (delegatsııa → делегация, vıtse → вице; native айтса
 * keeps тс). Letters outside the alphabet are mapped to their nearest Cyrillic letter so the result is always
 * Cyrillic.
 */
export function latinToCyrillic(word: string, alphabet: LatinAlphabet = DEFAULT_LATIN_ALPHABET): string {
  const c = COMPILED[alphabet];
  let s = lowerLatin(word.normalize('NFC'), alphabet).replace(APOSTROPHES, "'");
  if (alphabet === '2021-turkish') s = repairBackI(s);
  // 1. split into units by greedy longest match
  const units: string[] = [];
  const latin: string[] = [];
  let i = 0;
  while (i < s.length) {
    let matched = false;
    for (let len = Math.min(c.maxKey, s.length - i); len >= 1; len--) {
      const key = s.slice(i, i + len);
      if (key === c.glide) {
        units.push(GLIDE);
        latin.push(key);
        i += len;
        matched = true;
        break;
      }
      const v = c.map.get(key);
      if (v !== undefined) {
        units.push(v);
        latin.push(key);
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const ch = s[i] ?? '';
      const mapped = unknownLetter(ch, c);
      if (mapped !== '') {
        units.push(mapped);
        latin.push(ch);
      }
      i++;
    }
  }
  // 2. resolve glides and ts
  let out = '';
  for (let k = 0; k < units.length; k++) {
    const u = units[k] ?? '';
    const next = latin[k + 1];
    if (u === GLIDE) {
      const prev = out[out.length - 1];
      const afterVowel = prev !== undefined && CYR_VOWELS.has(prev);
      if (next === 'a') {
        out += 'я';
        k++;
      } else if (next === c.glideU && (prev === undefined || afterVowel)) {
        out += 'ю';
        k++;
      } else out += afterVowel ? 'й' : 'и';
    } else if (u === 'т' && next === 's' && (k === 0 || units[k + 2] === GLIDE || afterI(units, k))) {
      out += 'ц';
      k++;
    } else out += u;
  }
  return out;
}

const FROM_2018 = new Map(Object.entries(DATA.fromCyrillic['2018']));
const FROM_2021 = new Map(Object.entries(DATA.fromCyrillic['2021']));

function upperLatin(s: string, alphabet: '2018' | '2021'): string {
  if (alphabet === '2021') return s.replace(/i/gu, 'İ').replace(/ı/gu, 'I').toUpperCase();
  return s.toUpperCase();
}

/**
 * Cyrillic word → Kazakh Latin (2021 by default, or 2018), keeping capitalization (first letter or the whole
 * word). For display and round-trip tests: the inverse of latinToCyrillic on Kazakh words without һ, ц, ь, ъ,
 * э, ё (those letters have no distinct Latin spelling).
 */
export function cyrillicToLatin(word: string, alphabet: '2018' | '2021' = '2021'): string {
  const table = alphabet === '2018' ? FROM_2018 : FROM_2021;
  const chars = [...word.normalize('NFC')];
  const letters = chars.filter((ch) => ch.toLowerCase() !== ch.toUpperCase());
  const allUpper = letters.length > 1 && letters.every((ch) => ch === ch.toUpperCase());
  let out = '';
  for (const ch of chars) {
    const lower = ch.toLowerCase();
    const mapped = table.get(lower);
    if (mapped === undefined) {
      out += ch;
      continue;
    }
    if (lower === ch || mapped === '') out += mapped;
    else if (allUpper) out += upperLatin(mapped, alphabet);
    else out += upperLatin(mapped.slice(0, 1), alphabet) + mapped.slice(1);
  }
  return out;
}

/** Cyrillic text → Kazakh Latin, word by word (non-letters copied). */
export function cyrillicTextToLatin(text: string, alphabet: '2018' | '2021' = '2021'): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (w) => cyrillicToLatin(w, alphabet));
}
