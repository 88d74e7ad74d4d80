/**
 * Baseline for Kazakh, where Snowball and natural have nothing: strip the longest suffix of a plain list of
 * common inflections (plural, possessive, case, a few verb endings), up to three times, keeping 3+ letters.
 * Deliberately naive: no vowel harmony, no morphotactics, no dictionary.
 */
const SUFFIXES: readonly string[] = [
  // plural
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  // possessive
  'ымыз',
  'іміз',
  'ыңыз',
  'іңіз',
  'мыз',
  'міз',
  'ңыз',
  'ңіз',
  'ым',
  'ім',
  'ың',
  'ің',
  'сы',
  'сі',
  'ы',
  'і',
  // case
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  'ны',
  'ні',
  'ды',
  'ді',
  'ты',
  'ті',
  'да',
  'де',
  'та',
  'те',
  'нда',
  'нде',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'мен',
  'бен',
  'пен',
  'дағы',
  'дегі',
  'тағы',
  'тегі',
  // verbs
  'ған',
  'ген',
  'қан',
  'кен',
  'атын',
  'етін',
  'йтын',
  'йтін',
  'ады',
  'еді',
  'йды',
  'йді',
  'уге',
  'уға',
  'у',
];

const BY_LENGTH = [...new Set(SUFFIXES)].sort((a, b) => b.length - a.length);
const MIN_STEM = 3;

export function naiveKazakhStem(word: string): string {
  let stem = word;
  for (let round = 0; round < 3; round++) {
    const suffix = BY_LENGTH.find((s) => stem.endsWith(s) && [...stem].length - s.length >= MIN_STEM);
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
