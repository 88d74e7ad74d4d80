/**
 * A value of the `terms` completion facet (indexer/document.ts termsOf): a word form of a title or lead, written so
 * that the typed prefix (folded) matches its start, and the stem that groups the forms of one word can be read back.
 *
 * A value is `fold form stem`, written short, since the facet is the largest thing izde adds to the engine's disk
 * (Meilisearch keeps every value of every document twice, plus its postings and search structures):
 * - the form is left out when it is its own fold (every Russian word, Kazakh words without Kazakh letters);
 * - the stem is written against the form: its language mark, how many letters of the form it begins with, `:`,
 *   and its other letters — «ьусловие» of «условиях» is `ь6:е`.
 * So «условиях» is `условиях ь6:е`, and «қазақстанның» `казакстаннын қазақстанның ъ9:`.
 */

export interface TermValue {
  fold: string;
  form: string;
  stem: string;
}

const MARKS = /^[ъь]/u;
const STEM_CODE = /^([ъь]?)(\d+):(.*)$/u;

/** The facet value of a word form (no part may hold a space). */
export function termValue({ fold, form, stem }: TermValue): string {
  const mark = MARKS.test(stem) ? stem.slice(0, 1) : '';
  const rest = stem.slice(mark.length);
  let shared = 0;
  while (shared < form.length && shared < rest.length && form[shared] === rest[shared]) shared++;
  const code = `${mark}${shared}:${rest.slice(shared)}`;
  return form === fold ? `${fold} ${code}` : `${fold} ${form} ${code}`;
}

/**
 * The word form and stem of a facet value, or null when it is none. Values written before the short form
 * (`fold form stem` in full, whose stem holds no `:`) are read too, so an index not yet rebuilt still completes.
 */
export function parseTermValue(value: string): TermValue | null {
  const parts = value.split(' ');
  const [fold, second, third] = parts;
  if (!fold || !second || parts.length > 3) return null;
  const form = third === undefined ? fold : second;
  const code = third ?? second;
  const m = STEM_CODE.exec(code);
  if (!m) return third !== undefined && !code.includes(':') ? { fold, form, stem: code } : null;
  const shared = Number(m[2]);
  if (shared > form.length) return null;
  return { fold, form, stem: `${m[1]}${form.slice(0, shared)}${m[3]}` };
}
