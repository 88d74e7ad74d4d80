/**
 * The code index keys travel in to the engine: one ASCII byte for each letter of the Russian alphabet, where a Cyrillic
 * letter takes two bytes of UTF-8. The keys of the term fields are nearly all Cyrillic (stems, folds, language marks),
 * and Meilisearch stores every byte of them several times over — in the stored document, in each word database's keys
 * and in the word FST — so the code shortens them all: 11.5 % less disk on the scale benchmark's 30k articles
 * (docs/performance.md). Keys are never shown: the page shows the original text, highlighted by izde's own analysis.
 *
 * The code is a concatenation of per-letter codes, so a prefix of a key codes to a prefix of its code (prefix search
 * holds), and one letter changed is one character changed (typos hold) wherever the letters are the fold tier's, the
 * only tier with typos: the 32 letters of the Russian alphabet without «ё», which fold keys are written in.
 * - а…я (without ё): one character, `a`–`z` then `0`–`5`;
 * - the other Cyrillic letters (Kazakh ә ғ қ ң ө ұ ү һ і, ё): `6` and a letter;
 * - a Latin letter or a digit inside a key with Cyrillic letters: `7` and itself;
 * - any other character: `8` and its code point in four base-36 digits;
 * - a key of Latin letters and digits only (a foreign word, a number, an entity or name token) is itself after `9`.
 * Each code is told by its first character, and `9` starts no other key, so the code is one-to-one.
 */

/** The fold tier's alphabet in one-character codes, read as a transliteration where one exists. */
const SINGLE: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'q',
  ш: 'w',
  щ: 'x',
  ъ: '0',
  ы: '1',
  ь: '2',
  э: '3',
  ю: '4',
  я: '5',
};

/** Cyrillic letters outside the fold alphabet, after `6`. */
const OTHER_CYRILLIC: Readonly<Record<string, string>> = {
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'y',
  һ: 'h',
  і: 'i',
  ё: 'e',
};

const LATIN_OR_DIGIT = /^[a-z0-9]$/;

const codeOf = (ch: string): string => {
  const single = SINGLE[ch];
  if (single !== undefined) return single;
  const cyrillic = OTHER_CYRILLIC[ch];
  if (cyrillic !== undefined) return `6${cyrillic}`;
  if (LATIN_OR_DIGIT.test(ch)) return `7${ch}`;
  return `8${(ch.codePointAt(0) ?? 0).toString(36).padStart(4, '0')}`;
};

/** Codes of U+0000–U+04FF (ASCII, Latin-1, Cyrillic) looked up by char code: keys are coded by the million. */
const TABLE_END = 0x500;
const TABLE: readonly string[] = Array.from({ length: TABLE_END }, (_, c) => codeOf(String.fromCharCode(c)));

const isLatinOrDigit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** The engine's code of one index key (a key has no spaces: keys are joined by spaces into a field or a query). */
export function encodeKey(key: string): string {
  let out = '';
  let latin = true;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (latin && !isLatinOrDigit(c)) latin = false;
    if (c < TABLE_END) out += TABLE[c];
    else {
      const point = key.codePointAt(i) ?? c;
      out += codeOf(String.fromCodePoint(point));
      if (point > 0xffff) i++;
    }
  }
  return latin && key !== '' ? `9${key}` : out;
}

const DECODE_SINGLE = new Map(Object.entries(SINGLE).map(([letter, code]) => [code, letter]));
const DECODE_CYRILLIC = new Map(Object.entries(OTHER_CYRILLIC).map(([letter, code]) => [code, letter]));

/** The key a code stands for (for tests and for reading an index by hand); throws on a string that is no code. */
export function decodeKey(code: string): string {
  if (code.startsWith('9')) return code.slice(1);
  let out = '';
  for (let i = 0; i < code.length; ) {
    const c = code[i] ?? '';
    const single = DECODE_SINGLE.get(c);
    if (single !== undefined) {
      out += single;
      i += 1;
    } else if (c === '6' || c === '7') {
      const next = code[i + 1] ?? '';
      const letter = c === '6' ? DECODE_CYRILLIC.get(next) : LATIN_OR_DIGIT.test(next) ? next : undefined;
      if (letter === undefined) throw new Error(`not a key code: ${code}`);
      out += letter;
      i += 2;
    } else if (c === '8') {
      const point = Number.parseInt(code.slice(i + 1, i + 5), 36);
      if (Number.isNaN(point) || code.length < i + 5) throw new Error(`not a key code: ${code}`);
      out += String.fromCodePoint(point);
      i += 5;
    } else throw new Error(`not a key code: ${code}`);
  }
  return out;
}

/**
 * The analyzer versions (analyzers/version.ts, `…-N`) whose documents hold keys in this code: from 10 on. An index
 * built before holds its keys as they are, and the search service asks for both forms until it is re-analyzed
 * (`npm run reindex`), so search goes on meanwhile.
 */
const FIRST_CODED_VERSION = 10;

export function keysCodedIn(analyzerVersion: string): boolean {
  const n = Number(/-(\d+)$/.exec(analyzerVersion)?.[1]);
  return Number.isInteger(n) && n >= FIRST_CODED_VERSION;
}

/** A Meilisearch q of coded keys (keys, spaces, phrase quotes) with its keys as they are (for an index built before). */
export function decodeQuery(q: string): string {
  return q.replace(/[^\s"]+/g, (code) => decodeKey(code));
}
