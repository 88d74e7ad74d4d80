/**
 * Foreign names across scripts: «Brexit», «Брексит» and «брекзита» are one name, as are «Trump» and «Трамп»,
 * «Merkel» and «Меркель», «Johnson» and «Джонсон». The skeleton of a name is its consonants after a rough phonetic
 * spelling in Latin (Cyrillic transliterated; x → ks, c/q/ck → k, z/ts → s, dzh/zh/j → j, w → v, ph → f; vowels,
 * h and doubled letters dropped). Only names that both languages spell from the same sounds meet; a translated
 * name («Северный поток» / «Nord Stream») does not, and neither do short names (fewer than four consonants), whose
 * skeletons would meet too many other words.
 */

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
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
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'u',
  я: 'a',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

/** The shortest skeleton that is specific enough to stand for a name. */
export const MIN_SKELETON = 4;

/** Prefix of the index token of a skeleton (entity tokens use «zz»; no real word starts with «zx»). */
export const NAME_PREFIX = 'zx';

/** The consonant skeleton of a lowercase word in Latin or Cyrillic letters, or null when shorter than `min`. */
export function nameSkeleton(word: string, min = MIN_SKELETON): string | null {
  let latin = '';
  for (const ch of word.toLowerCase()) latin += CYRILLIC_TO_LATIN[ch] ?? ch;
  const phonetic = latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/g, '')
    .replace(/dzh|zh|dj/g, 'j')
    .replace(/ch/g, 'c')
    .replace(/sh/g, 'w') // ш: kept apart from s
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/ck|q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/ts/g, 's')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/w/g, 'v')
    .replace(/c/g, 'k')
    .replace(/z/g, 's');
  const skeleton = phonetic.replace(/[aeiouyh]/g, '').replace(/(.)\1+/g, '$1');
  return skeleton.length >= min ? skeleton : null;
}

/** The index token of a name's skeleton. */
export function nameToken(skeleton: string): string {
  return `${NAME_PREFIX}${skeleton}`;
}
