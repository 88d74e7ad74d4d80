/**
 * A value of the `terms` completion facet (indexer/document.ts termsOf): a word form of a title or lead, written so
 * that the typed prefix (folded, in the key code) matches its start, and the stem that groups the forms of one word
 * can be read back.
 *
 * A value is `fold form stem`, written short, since the facet is the largest thing izde adds to the engine's disk
 * (Meilisearch keeps every value of every document twice, plus its postings and search structures):
 * - each part is in the engine's key code (key-code.ts), one byte a Russian letter;
 * - the form is left out when it is its own fold (every Russian word, Kazakh words without Kazakh letters);
 * - the stem is written against the form: its language mark (`k` Kazakh, `r` Russian), how many letters of the form
 *   it begins with, `:`, and its other letters — «ьусловие» of «условиях» is `r6:e`.
 * So «условиях» is `uslovi5h r6:e`, and «қазақстанның» `kazakstann1n 6kaza6kstann16n k9:`.
 */
import { decodeKey, encodeKey } from './key-code.js';

export interface TermValue {
  fold: string;
  form: string;
  stem: string;
}

const MARKS = /^[ъь]/u;
/** The language marks of stems (analyzers/index-keys.ts), written as letters here: `k` Kazakh, `r` Russian. */
const MARK_LETTER: Readonly<Record<string, string>> = { ъ: 'k', ь: 'r' };
const LETTER_MARK: Readonly<Record<string, string>> = { k: 'ъ', r: 'ь' };
const STEM_CODE = /^([kr]?)(\d+):([a-z0-9]*)$/;

/** The facet value of a word form (no part may hold a space), in the key code. */
export function termValue({ fold, form, stem }: TermValue): string {
  const mark = MARKS.test(stem) ? stem.slice(0, 1) : '';
  const rest = stem.slice(mark.length);
  let shared = 0;
  while (shared < form.length && shared < rest.length && form[shared] === rest[shared]) shared++;
  const code = `${MARK_LETTER[mark] ?? ''}${shared}:${encodeKey(rest.slice(shared))}`;
  return form === fold ? `${encodeKey(fold)} ${code}` : `${encodeKey(fold)} ${encodeKey(form)} ${code}`;
}

/** The word form and stem of a facet value in the key code, or null when it is none. */
export function parseTermValue(value: string): TermValue | null {
  const parts = value.split(' ');
  const [first, second, third] = parts;
  const m = STEM_CODE.exec(third ?? second ?? '');
  if (!first || !second || parts.length > 3 || !m) return null;
  try {
    const fold = decodeKey(first);
    const form = third === undefined ? fold : decodeKey(second);
    const shared = Number(m[2]);
    if (shared > form.length) return null;
    return { fold, form, stem: `${LETTER_MARK[m[1] ?? ''] ?? ''}${form.slice(0, shared)}${decodeKey(m[3] ?? '')}` };
  } catch {
    return null;
  }
}

const RAW_STEM_CODE = /^([ъь]?)(\d+):(.*)$/u;

/**
 * A value as analyzer versions before the key code wrote it (`fold form stem`, the stem as `ь6:е`, or in full before
 * that), or null: an index not yet re-analyzed still completes (key-code.ts keysCodedIn).
 */
export function parseRawTermValue(value: string): TermValue | null {
  const parts = value.split(' ');
  const [fold, second, third] = parts;
  if (!fold || !second || parts.length > 3) return null;
  const form = third === undefined ? fold : second;
  const code = third ?? second;
  const m = RAW_STEM_CODE.exec(code);
  if (!m) return third !== undefined && !code.includes(':') ? { fold, form, stem: code } : null;
  const shared = Number(m[2]);
  if (shared > form.length) return null;
  return { fold, form, stem: `${m[1]}${form.slice(0, shared)}${m[3]}` };
}
