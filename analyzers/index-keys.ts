import { nameSkeleton, nameToken } from './name-skeleton.js';
import { isKnownRussianWord } from './ru/stem.js';
import type { AnalyzedToken } from './types.js';

/**
 * The keys a token puts into the index, one per match tier. Stem and fold keys carry their language (a leading
 * «ъ» for Kazakh, «ь» for Russian — letters no word starts with), so that common words do not cross languages:
 * Kazakh «министрлері» keys as «ъминистр» and never meets Russian «министр» («ьминистр»), and Russian
 * «президентом» does not find every Kazakh «Президент». Exact forms, numbers, abbreviations and foreign words
 * stay language-neutral; names cross languages through their entity tokens instead.
 */
export interface IndexKeys {
  exact: string;
  stem: string;
  fold: string;
  /** For a foreign name (a Latin word in Cyrillic text, a Russian word no dictionary knows): the token of its
   *  consonant skeleton, which the same name written in the other script also gets (name-skeleton.ts). */
  name?: string;
}

export const KAZAKH_MARK = 'ъ';
export const RUSSIAN_MARK = 'ь';

function markOf(t: AnalyzedToken): string {
  if (t.kind !== 'word') return '';
  if (t.lang === 'kk' || t.lang === 'kk-Latn') return KAZAKH_MARK;
  return t.lang === 'ru' ? RUSSIAN_MARK : '';
}

const LATIN = /\p{Script=Latin}/u;

/** The skeleton token of a word that looks like a foreign name, if any. */
function nameOf(t: AnalyzedToken, term: string): string | undefined {
  if (t.kind !== 'word') return undefined;
  let skeleton: string | null = null;
  if (t.lang === 'other' && LATIN.test(t.norm)) skeleton = nameSkeleton(t.norm);
  else if (t.lang === 'ru' && !isKnownRussianWord(t.norm)) skeleton = nameSkeleton(term);
  return skeleton ? nameToken(skeleton) : undefined;
}

/** The token's index keys, or null for a stopword (it is not indexed). */
export function indexKeys(t: AnalyzedToken): IndexKeys | null {
  if (t.term === null || t.fold === null) return null;
  const mark = markOf(t);
  const name = nameOf(t, t.term);
  return { exact: t.norm, stem: mark + t.term, fold: mark + t.fold, ...(name ? { name } : {}) };
}
