// Month names of Russian, Kazakh (Cyrillic, Latin 2018 and 2021, and typed without Kazakh letters) and English,
// from the grammar of each language. A word is a month when it is a known form (Russian: the paradigm) or a
// Kazakh stem followed by a short case/possessive ending (сәуірде, қазанында, qańtarynan, қыркүйегі).

const RU_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['январ', 1],
  ['феврал', 2],
  ['апрел', 4],
  ['июн', 6],
  ['июл', 7],
  ['сентябр', 9],
  ['октябр', 10],
  ['ноябр', 11],
  ['декабр', 12],
];
const RU_SOFT_ENDINGS = ['ь', 'я', 'е', 'ю', 'ем', 'ём'];
const RU_FULL: ReadonlyArray<readonly [string, number]> = [
  ['март', 3],
  ['марта', 3],
  ['марте', 3],
  ['марту', 3],
  ['мартом', 3],
  ['май', 5],
  ['мая', 5],
  ['мае', 5],
  ['маю', 5],
  ['маем', 5],
  ['август', 8],
  ['августа', 8],
  ['августе', 8],
  ['августу', 8],
  ['августом', 8],
];
/** Abbreviations used in dates («12 янв. 2024», «5 сент 2023»). */
const RU_ABBR: ReadonlyArray<readonly [string, number]> = [
  ['янв', 1],
  ['фев', 2],
  ['февр', 2],
  ['мар', 3],
  ['апр', 4],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['сент', 9],
  ['окт', 10],
  ['ноя', 11],
  ['нояб', 11],
  ['дек', 12],
];
const EN: ReadonlyArray<readonly [string, number]> = [
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];

/**
 * Kazakh month stems in Cyrillic and in Cyrillic typed with Russian letters (the alternate stem covers a final
 * consonant voiced before a vowel ending: қыркүйек → қыркүйегі).
 */
const KK_CYR: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['қаңтар', 'кантар']],
  [2, ['ақпан', 'акпан']],
  [3, ['наурыз']],
  [4, ['сәуір', 'сауир']],
  [5, ['мамыр']],
  [6, ['маусым']],
  [7, ['шілде', 'шилде']],
  [8, ['тамыз']],
  [9, ['қыркүйек', 'қыркүйег', 'кыркуйек', 'кыркуйег']],
  [10, ['қазан', 'казан']],
  [11, ['қараша', 'караша']],
  [12, ['желтоқсан', 'желтоксан']],
];
const KK_CYR_ENDING =
  /^(?:ы|і|сы|сі)?(?:да|де|та|те|нда|нде|ның|нің|дың|дің|тың|тің|на|не|ға|ге|қа|ке|ны|ні|ды|ді|нан|нен|дан|ден|тан|тен|дағы|дегі|тағы|тегі|ндағы|ндегі)?$/u;

/**
 * Kazakh Latin (2018 acute alphabet, 2021 alphabet, plain ASCII) is compared as a skeleton: accents dropped,
 * ı/y/i merged (the alphabets give ы, і, и, й different letters), ş/ç spelled sh/ch. Stems in skeleton form.
 */
const KK_LATN: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['qantar']],
  [2, ['aqpan']],
  [3, ['nauriz', 'nawriz']],
  [4, ['sauir', 'sawir']],
  [5, ['mamir']],
  [6, ['mausim', 'mawsim']],
  [7, ['shilde']],
  [8, ['tamiz']],
  [9, ['qirkuiek', 'qirkuieg', 'qirkuek']],
  [10, ['qazan']],
  [11, ['qarasha']],
  [12, ['jeltoqsan', 'zheltoqsan']],
];
const KK_LATN_ENDING =
  /^(?:i|si)?(?:da|de|ta|te|nda|nde|nin|din|tin|na|ne|ga|ge|qa|ke|ni|di|ti|nan|nen|dan|den|tan|ten|dagi|degi|tagi|tegi|ndagi|ndegi)?$/;

/** Skeleton of a Latin word (see KK_LATN). */
export function latinSkeleton(w: string): string {
  return w
    .toLowerCase()
    .replace(/ş/g, 'sh')
    .replace(/ç/g, 'ch')
    .replace(/ý/g, 'u') // 2018: ý = у (u/ú are ұ/ү, all the same in a skeleton)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıy]/g, 'i');
}

const FULL = new Map<string, number>();
for (const [stem, m] of RU_STEMS) for (const e of RU_SOFT_ENDINGS) FULL.set(stem + e, m);
for (const [w, m] of RU_FULL) FULL.set(w, m);
for (const [w, m] of EN) FULL.set(w, m);
const ABBR = new Map<string, number>([...RU_ABBR, ...EN.filter(([w]) => w.length <= 4)]);

/** Lowercase, NFC, Latin schwa ə and Latin look-alikes written inside a Cyrillic word mapped to Cyrillic. */
export function monthKey(word: string): string {
  let w = word.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
  if (/\p{Script=Cyrillic}/u.test(w)) {
    w = w
      .replace(/ə/g, 'ә')
      .replace(/i/g, 'і')
      .replace(/a/g, 'а')
      .replace(/e/g, 'е')
      .replace(/o/g, 'о')
      .replace(/c/g, 'с')
      .replace(/p/g, 'р')
      .replace(/x/g, 'х')
      .replace(/y/g, 'у')
      .replace(/k/g, 'к');
  }
  return w;
}

/** The month (1..12) a word names, or null. `abbr` also accepts «янв», «Sept» (followed by a dot in text). */
export function monthOf(word: string, opts: { abbr?: boolean } = {}): number | null {
  const w = monthKey(word);
  const full = FULL.get(w);
  if (full) return full;
  if (opts.abbr) {
    const a = ABBR.get(w);
    if (a) return a;
  }
  if (/\p{Script=Cyrillic}/u.test(w)) {
    for (const [m, stems] of KK_CYR) {
      for (const s of stems) if (w.startsWith(s) && KK_CYR_ENDING.test(w.slice(s.length))) return m;
    }
  } else if (/^\p{Script=Latin}+$/u.test(w)) {
    const k = latinSkeleton(w);
    for (const [m, stems] of KK_LATN) {
      for (const s of stems) if (k.startsWith(s) && KK_LATN_ENDING.test(k.slice(s.length))) return m;
    }
  }
  return null;
}

/** Weekday names (ru, kk Cyrillic and Latin, en): a date line led by one is typically a page-header date. */
const WEEKDAYS = new Set([
  'понедельник',
  'вторник',
  'среда',
  'четверг',
  'пятница',
  'суббота',
  'воскресенье',
  'дүйсенбі',
  'сейсенбі',
  'сәрсенбі',
  'бейсенбі',
  'жұма',
  'сенбі',
  'жексенбі',
  'дуйсенби',
  'сейсенби',
  'сарсенби',
  'бейсенби',
  'жума',
  'сенби',
  'жексенби',
  'dúısenbi',
  'seısenbi',
  'sársenbi',
  'beısenbi',
  'juma',
  'senbi',
  'jeksenbi',
  'düisenbı',
  'seisenbı',
  'särsenbı',
  'beisenbı',
  'jūma',
  'senbı',
  'jeksenbı',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'пн',
  'вт',
  'ср',
  'чт',
  'пт',
  'сб',
  'вс',
]);

export function isWeekday(word: string): boolean {
  return WEEKDAYS.has(monthKey(word));
}
