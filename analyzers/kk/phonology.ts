/**
 * The sound classes the Kazakh suffix rules look at, for the real Kazakh alphabet and for the alphabet folded to
 * Russian letters (қ→к, ә→а, …). Folding keeps every consonant class (ң and н, қ and к fall in one class) but
 * erases most of vowel harmony, so the folded rules must treat а о у и as either back or front.
 */

/** Class of the letter a suffix follows; a letter may be in several (folded «и» is both і and и). */
export const Cls = {
  V: 1, // a vowel
  R: 2, // р
  J: 4, // й
  U: 8, // у, ю (also vowels after a consonant: су; ю = й+у in қою, азаю)
  I: 16, // и (also a vowel: ми)
  L: 32, // л
  ZJ: 64, // ж з
  MNN: 128, // м н ң
  VL: 256, // voiceless, and the loan-final voiced б в г д ғ that take voiceless allomorphs (Тоқаевқа)
} as const;

export type ClassName = keyof typeof Cls;

/** Shorthands the grammar file may use: р й у и take the same case allomorphs (жердің, үйдің, судың, мидың). */
export const CLASS_GROUPS: Readonly<Record<string, number>> = {
  ...Cls,
  RJU: Cls.R | Cls.J | Cls.U | Cls.I,
};

export type Harmony = 'back' | 'front';

export interface Alphabet {
  readonly name: 'kk' | 'folded';
  /** Letters that make a syllable (a stem needs one). */
  readonly vowels: ReadonlySet<string>;
  /** Class bits of the last letter of `s` (0 when `s` does not end in a Cyrillic letter). */
  classOfEnd(s: string): number;
  /** Class bits of the letter before position `i` of `s`, i.e. classOfEnd(s.slice(0, i)) without the copy. */
  classBefore(s: string, i: number): number;
  /** Whether a suffix of this harmony can follow `s`. */
  harmonyAllows(s: string, h: Harmony): boolean;
  /** Whether `ch` can only be a vowel (у and и are also consonants: а-у, а-й). */
  isVowel(ch: string): boolean;
}

const KK_VOWELS = new Set('аәеёиоөуұүыіэюя');
const FOLDED_VOWELS = new Set('аеёиоуыэюя');

function classTable(entries: Record<string, number>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [letters, cls] of Object.entries(entries)) for (const ch of letters) m.set(ch, (m.get(ch) ?? 0) | cls);
  return m;
}

// «у» and «и» take the sonorant allomorphs (су-дың, ми-дың, Мәскеу-дің); Kazakh grammar calls them both vowel and
// consonant letters, so they carry both bits. «ь»/«ъ» are skipped (see classOfEnd).
const KK_CLASSES = classTable({
  аәеёоөұүыіэя: Cls.V,
  ую: Cls.V | Cls.U,
  и: Cls.V | Cls.I,
  р: Cls.R,
  й: Cls.J,
  л: Cls.L,
  жз: Cls.ZJ,
  мнң: Cls.MNN,
  пфкқтсшщхһцчбвгдғ: Cls.VL,
});
// Folded: «и» may be і (a vowel) or и, «у» may be ұ/ү (vowels) or у: both already carry V|RJU.
const FOLDED_CLASSES = classTable({
  аеёоыэя: Cls.V,
  ую: Cls.V | Cls.U,
  и: Cls.V | Cls.I,
  р: Cls.R,
  й: Cls.J,
  л: Cls.L,
  жз: Cls.ZJ,
  мн: Cls.MNN,
  пфктсшщхцчбвгд: Cls.VL,
});

function makeClassBefore(table: Map<string, number>) {
  return (s: string, end: number): number => {
    let i = end - 1;
    while (i >= 0 && (s[i] === 'ь' || s[i] === 'ъ')) i--; // король-і: the soft sign does not count
    const ch = s[i];
    return ch === undefined ? 0 : (table.get(ch) ?? 0);
  };
}

// Real Kazakh: the last vowel decides. «и» (ый or ій: оқи-ды, ки-еді; front in loans: министр-ге) and «у»/«ю»
// (ресурс-тар but округ-і) are read either way, so is a stem ending in к г л ь (банк-тер, медал-і) or holding a
// letter of Russian loans only (Тоқаев-қа, Тасмағамбетов-ті).
const KK_BACK = new Set('аоұыяё');
const KK_FRONT = new Set('әеөүіэ');

/** Letters only Russian loans have: such a stem (Тасмағамбетов-ті, ризограф-і) may take either series. */
const RUSSIAN_ONLY = /[фвцчщёэъь]/u;

function harmonyChecker(back: ReadonlySet<string>, front: ReadonlySet<string>, open: ReadonlySet<string>) {
  /** A final -ев whose root vowel before it is (or may be) back. */
  const backSurname = (s: string, i: number): boolean => {
    if (!(s[i] === 'е' && s[i + 1] === 'в' && i + 2 === s.length)) return false;
    for (let j = i - 1; j >= 0; j--) {
      const ch = s[j] ?? '';
      if (back.has(ch) || open.has(ch)) return true;
      if (front.has(ch)) return false;
    }
    return false;
  };
  return (s: string, h: Harmony): boolean => {
    // A loan ending in к г or a soft л takes front endings whatever its vowels (банк-тер, медал(ь)-і); л and ь
    // also end native back stems, so both series pass.
    const end = s[s.length - 1];
    if (end === 'к' || end === 'г' || end === 'ь' || end === 'л' || RUSSIAN_ONLY.test(s)) return true;
    for (let i = s.length - 1; i >= 0; i--) {
      const ch = s[i] ?? '';
      if (open.has(ch)) return true;
      if (back.has(ch)) return h === 'back';
      if (front.has(ch)) return h === 'front' || (ch === 'е' && backSurname(s, i));
    }
    return true;
  };
}

// Folded: ы is still back, е э still front; а о у и may stand for either series (ә→а, ө→о, ұ ү→у, і→и).
const FOLDED_BACK = new Set('ыяё');
const FOLDED_FRONT = new Set('еэ');
const FOLDED_OPEN = new Set('аоуию');

const kkClassBefore = makeClassBefore(KK_CLASSES);
const foldedClassBefore = makeClassBefore(FOLDED_CLASSES);

export const KK_ALPHABET: Alphabet = {
  name: 'kk',
  vowels: KK_VOWELS,
  classOfEnd: (s) => kkClassBefore(s, s.length),
  classBefore: kkClassBefore,
  harmonyAllows: harmonyChecker(KK_BACK, KK_FRONT, new Set('уюи')),
  isVowel: (ch) => KK_VOWELS.has(ch) && ch !== 'у' && ch !== 'и',
};

export const FOLDED_ALPHABET: Alphabet = {
  name: 'folded',
  vowels: FOLDED_VOWELS,
  classOfEnd: (s) => foldedClassBefore(s, s.length),
  classBefore: foldedClassBefore,
  harmonyAllows: harmonyChecker(FOLDED_BACK, FOLDED_FRONT, FOLDED_OPEN),
  isVowel: (ch) => FOLDED_VOWELS.has(ch) && ch !== 'у' && ch !== 'и',
};
