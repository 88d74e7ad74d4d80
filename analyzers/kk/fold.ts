/**
 * Folding of Kazakh-only letters to the Russian letters people type instead (қ→к, ғ→г, ң→н, ө→о, ұ→у, ү→у,
 * і→и, ә→а, һ→х), so «казакстаннын» meets «қазақстанның». Input: a normalized (lowercase) Cyrillic word.
 */

const FOLD: Readonly<Record<string, string>> = {
  қ: 'к',
  ғ: 'г',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  і: 'и',
  ә: 'а',
  һ: 'х',
};

const FOLDABLE = /[қғңөұүіәһ]/u;
const FOLDABLE_ALL = /[қғңөұүіәһ]/gu;

/** The word with its Kazakh-only letters replaced by their Russian keyboard counterparts. Idempotent. */
export function fold(word: string): string {
  if (!FOLDABLE.test(word)) return word;
  return word.replace(FOLDABLE_ALL, (ch) => FOLD[ch] ?? ch);
}
