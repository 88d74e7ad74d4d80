/**
 * The keys a token puts into the index, one per match tier (exact, stem, fold), and the skeleton token of a foreign
 * name. Stem and fold keys carry a language mark so that common words do not cross languages: Kazakh «министрлері»
 * keys as «ъминистр» and never meets Russian «министр» («ьминистр»).
 */

import { latinSpelled } from './kk/fold.js';
import { nameSkeleton, nameToken } from './name-skeleton.js';
import { isRussianName } from './ru/stem.js';
import type { AnalyzedToken, IndexKeys } from './types.js';

/** What the keys are made from. */
type KeySource = Pick<AnalyzedToken, 'kind' | 'lang' | 'norm' | 'term' | 'fold'>;

export type { IndexKeys } from './types.js';

export const KAZAKH_MARK = 'ъ';
export const RUSSIAN_MARK = 'ь';

function markOf(t: KeySource): string {
  if (t.kind !== 'word') return '';
  if (t.lang === 'kk' || t.lang === 'kk-Latn') return KAZAKH_MARK;
  return t.lang === 'ru' ? RUSSIAN_MARK : '';
}

const LATIN = /\p{Script=Latin}/u;

/**
 * The skeleton token of a word that looks like a foreign name, if any: a Latin word of no language we read, and a
 * Russian word the dictionary does not know or knows only as a person's name (Меркель, Джонсон: «Merkel», «Johnson»).
 */
function nameOf(t: KeySource, term: string): string | undefined {
  if (t.kind !== 'word') return undefined;
  let skeleton: string | null = null;
  if (t.lang === 'other' && LATIN.test(t.norm)) skeleton = nameSkeleton(t.norm);
  else if (t.lang === 'ru' && isRussianName(t.norm)) skeleton = nameSkeleton(term);
  return skeleton ? nameToken(skeleton) : undefined;
}

/**
 * A Kazakh key is spelled as a Kazakh Latin text reads back into Cyrillic, so that the Cyrillic word meets it: the
 * Latin alphabets write э and е alike («ekonomıka»), ц as ts («protsent»), һ as h («jahandyq»), and drop ь and ъ
 * («premer»); and they write я as ıa / ia, ю as ıý / iu and и after a vowel as ı / i, which are also и + а, и + у and
 * й («mıllıard» is миллиард, «bıýdjet» бюджет, «Ýkraına» Украина): the key spells я and ю out as иа and иу and writes
 * й after a vowel as и (latinSpelled), whichever the Latin reader chose. The typed word goes through the same keys, so
 * a half-typed «бюдж» or «bıý» still begins its key.
 */
const KAZAKH_KEY_LETTERS = /[эцьъһ]/u;
const KAZAKH_KEY_ALL = /[эцьъһ]/gu;
const KAZAKH_KEY: Readonly<Record<string, string>> = { э: 'е', ц: 'тс', ь: '', ъ: '', һ: 'х' };
export const kazakhKey = (key: string): string =>
  latinSpelled(KAZAKH_KEY_LETTERS.test(key) ? key.replace(KAZAKH_KEY_ALL, (ch) => KAZAKH_KEY[ch] ?? ch) : key);

/** The token's index keys, or null for a stopword (it is not indexed). */
export function indexKeys(t: KeySource): IndexKeys | null {
  if (t.term === null || t.fold === null) return null;
  const mark = markOf(t);
  const name = nameOf(t, t.term);
  const term = mark === KAZAKH_MARK ? kazakhKey(t.term) : t.term;
  const folded = mark === KAZAKH_MARK ? kazakhKey(t.fold) : t.fold;
  // Flat strings, and one string when stem and fold agree (every Russian word): index keys are cached per word.
  const stem = mark ? (mark + term).normalize() : term;
  const fold = folded === term ? stem : mark ? (mark + folded).normalize() : folded;
  return name ? { exact: t.norm, stem, fold, name } : { exact: t.norm, stem, fold };
}

/** Salient keys start with a mark no index key starts with: «ъъ» before a Cyrillic key, «zs» before a Latin one. */
const SALIENT_CYRILLIC = 'ъъ';
const SALIENT_LATIN = 'zs';
const CYRILLIC_START = /^\p{Script=Cyrillic}/u;

/**
 * The key of a word (its fold key, entity token or name token) in the salient field. The field must share no key with
 * the tier fields: a tier query would otherwise match it too, and two words of a query side by side there would count
 * as near (the field is one attribute), though they never met in a sentence.
 */
export function salientKey(key: string): string {
  return `${CYRILLIC_START.test(key) ? SALIENT_CYRILLIC : SALIENT_LATIN}${key}`;
}
