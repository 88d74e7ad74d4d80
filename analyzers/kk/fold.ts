/**
 * Folding of Kazakh-only letters to the Russian letters people type instead (қ→к, ғ→г, ң→н, ө→о, ұ→у, ү→у,
 * і→и, ә→а, һ→х), so «казакстаннын» meets «қазақстанның». Input: a normalized (lowercase) Cyrillic word.
 */

import { KAZAKH_FOLD as FOLD } from '../../common/kazakh-fold.js';

const FOLDABLE = /[қғңөұүіәһ]/u;
const FOLDABLE_ALL = /[қғңөұүіәһ]/gu;

/** The word with its Kazakh-only letters replaced by their Russian keyboard counterparts. Idempotent. */
export function fold(word: string): string {
  if (!FOLDABLE.test(word)) return word;
  return word.replace(FOLDABLE_ALL, (ch) => FOLD[ch] ?? ch);
}

const IOTATED = /[яю]/gu;
const IOTA: Readonly<Record<string, string>> = { я: 'иа', ю: 'иу' };

/**
 * я and ю spelled out as и + а and и + у: Kazakh Latin writes them as ıa / ia and ıý / iu, which are also и + а and
 * и + у («mıllıard» is миллиард, «bıýdjet» бюджет), so a key that must meet both readings spells them out.
 */
const iotaSpelled = (word: string): string =>
  /[яю]/u.test(word) ? word.replace(IOTATED, (ch) => IOTA[ch] ?? ch) : word;

const VOWEL_GLIDE = /([аәеёиоөуұүыіэ])й/gu;

/**
 * A word spelled as Kazakh Latin cannot tell it apart: я and ю spelled out (iotaSpelled), and й after a vowel written
 * и — Latin writes both as ı / i after a vowel («Ýkraına» is Украина, «aıtty» айтты), and the reader can only guess.
 */
export const latinSpelled = (word: string): string =>
  iotaSpelled(word.includes('й') ? word.replace(VOWEL_GLIDE, '$1и') : word);

/**
 * A folded word in the looser spelling names are compared in (analyzers/entities.ts): «й» after a vowel is «и», «я»
 * is «иа», «ю» is «иу», and «ии» is «и». Kazakh Latin typed without its special letters has one «i» for ı (и/й) and
 * i (і), and writes я as «ia»: «Uiymy» is «ұіымы», «Shanhai» is «шанхаі», «Eurazialyq» is «еуразіалық», and they
 * must meet «ұйымы», «Шанхай», «Еуразиялық» (folding already makes і и). Input: a folded word (fold()).
 */
export function looseFold(folded: string): string {
  const spelled = latinSpelled(folded);
  return spelled.includes('ии') ? spelled.replaceAll('ии', 'и') : spelled;
}
