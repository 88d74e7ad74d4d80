/**
 * A small generator of Kazakh noun and verb forms from the textbook rules (harmony, the consonant classes that choose an
 * allomorph, п/к/қ → б/г/ғ before a vowel, the dropped vowel of орын → орн-ы). Written apart from the stemmer: the
 * tests check that the forms it makes all get the key of their nominative, and search while typing completes an
 * unfinished word by the noun forms its letters begin (server/search/typing.ts paradigmWords).
 */

export interface NounSpec {
  /** Nominative, lowercase. */
  word: string;
  /** Vowel series of the suffixes, when the last vowel does not decide it (loans: министр-ге, Тоқаев-қа). */
  series?: 'back' | 'front';
  /** Stem before a vowel-initial suffix, when it differs (орын → орн, халық → халқ). */
  beforeVowel?: string;
}

const BACK = new Set('аоұыяё');
const FRONT = new Set('әеөүіэи');
const VOWELS = new Set('аәеёиоөұүыіэюя');

type End = 'vowel' | 'rju' | 'l' | 'zj' | 'mn' | 'voiceless';

function endClass(s: string): End {
  const ch = s.replace(/ь$/u, '')[s.replace(/ь$/u, '').length - 1] ?? '';
  if (ch === 'у' || ch === 'р' || ch === 'й' || ch === 'и') return 'rju';
  if (VOWELS.has(ch)) return 'vowel';
  if (ch === 'л') return 'l';
  if (ch === 'ж' || ch === 'з') return 'zj';
  if (ch === 'м' || ch === 'н' || ch === 'ң') return 'mn';
  return 'voiceless';
}

function seriesOf(spec: NounSpec): 'back' | 'front' {
  if (spec.series) return spec.series;
  for (let i = spec.word.length - 1; i >= 0; i--) {
    const ch = spec.word[i] ?? '';
    if (BACK.has(ch)) return 'back';
    if (FRONT.has(ch)) return 'front';
  }
  return 'back';
}

/** Picks the back or front form. */
const h = (series: 'back' | 'front', back: string, front: string): string => (series === 'back' ? back : front);

/** Case endings after a plain stem, by the class of its end. */
function cases(stem: string, s: 'back' | 'front'): string[] {
  const c = endClass(stem);
  const gen =
    c === 'vowel' || c === 'mn' ? h(s, 'ның', 'нің') : c === 'voiceless' ? h(s, 'тың', 'тің') : h(s, 'дың', 'дің');
  const acc = c === 'vowel' ? h(s, 'ны', 'ні') : c === 'voiceless' ? h(s, 'ты', 'ті') : h(s, 'ды', 'ді');
  const dat = c === 'voiceless' ? h(s, 'қа', 'ке') : h(s, 'ға', 'ге');
  const loc = c === 'voiceless' ? h(s, 'та', 'те') : h(s, 'да', 'де');
  const abl = c === 'mn' ? h(s, 'нан', 'нен') : c === 'voiceless' ? h(s, 'тан', 'тен') : h(s, 'дан', 'ден');
  const ins = c === 'voiceless' ? 'пен' : c === 'zj' ? 'бен' : 'мен';
  return [gen, acc, dat, loc, abl, ins, loc + h(s, 'ғы', 'гі')];
}

/** Case endings after the 3rd person possessive (-ы/-сы). */
const cases3 = (s: 'back' | 'front'): string[] => [
  h(s, 'ның', 'нің'),
  'н',
  h(s, 'на', 'не'),
  h(s, 'нда', 'нде'),
  h(s, 'нан', 'нен'),
  'мен',
  h(s, 'ндағы', 'ндегі'),
];

/** The stem as written before a vowel-initial suffix: орн-ы, кітаб-ы, жүрег-і, but банк-і. */
function beforeVowel(spec: NounSpec): string {
  if (spec.beforeVowel) return spec.beforeVowel;
  const w = spec.word;
  const last = w[w.length - 1] ?? '';
  const voiced: Record<string, string> = { п: 'б', к: 'г', қ: 'ғ' };
  const v = voiced[last];
  return v && VOWELS.has(w[w.length - 2] ?? '') ? w.slice(0, -1) + v : w;
}

/** Nominative, plural, possessive 3rd person and 1st plural, with every case on each. */
export function nounForms(spec: NounSpec): string[] {
  const s = seriesOf(spec);
  const w = spec.word;
  const c = endClass(w);
  const out = new Set<string>([w]);
  for (const e of cases(w, s)) out.add(w + e);

  const pl =
    w +
    (c === 'vowel' || c === 'rju' ? h(s, 'лар', 'лер') : c === 'voiceless' ? h(s, 'тар', 'тер') : h(s, 'дар', 'дер'));
  out.add(pl);
  for (const e of cases(pl, s)) out.add(pl + e);

  const p3 = c === 'vowel' ? w + h(s, 'сы', 'сі') : beforeVowel(spec) + h(s, 'ы', 'і');
  const plP3 = pl + h(s, 'ы', 'і');
  for (const base of [p3, plP3]) {
    out.add(base);
    for (const e of cases3(s)) out.add(base + e);
  }

  const p1pl = c === 'vowel' ? w + h(s, 'мыз', 'міз') : beforeVowel(spec) + h(s, 'ымыз', 'іміз');
  out.add(p1pl);
  for (const e of cases(p1pl, s)) out.add(p1pl + e);
  return [...out];
}

/** Verb forms of a root from the textbook rules: tenses, negation, participles, the verbal noun, converbs, and the
 * same over the passive stem (жаса-л-, талқыла-н-, жаз-ыл-, сал-ын-). */
export function verbForms(root: string, withPassive = true): string[] {
  const out = new Set<string>(verbFormsOf(root));
  if (withPassive) {
    const last = root[root.length - 1] ?? '';
    const s = seriesOf({ word: root });
    const passive = VOWELS.has(last)
      ? root + (/л[аеә]$/u.test(root) ? 'н' : 'л')
      : last === 'л'
        ? root + h(s, 'ын', 'ін')
        : voiceStem(root) + h(s, 'ыл', 'іл');
    for (const f of verbFormsOf(passive, s, true)) out.add(f);
  }
  return [...out];
}

/** п/к/қ → б/г/ғ between vowels: тап → таб-ады. */
function voiceStem(root: string): string {
  const voiced: Record<string, string> = { п: 'б', к: 'г', қ: 'ғ' };
  const v = voiced[root[root.length - 1] ?? ''];
  return v && VOWELS.has(root[root.length - 2] ?? '') ? root.slice(0, -1) + v : root;
}

function verbFormsOf(root: string, series?: 'back' | 'front', passive = false): string[] {
  const s = series ?? seriesOf({ word: root });
  const last = root[root.length - 1] ?? '';
  const c = endClass(root);
  const vowel = VOWELS.has(last) && last !== 'у' && last !== 'и';
  const yFinal = last === 'й';
  const past = c === 'voiceless' ? h(s, 'ты', 'ті') : h(s, 'ды', 'ді');
  const neg = c === 'voiceless' ? h(s, 'па', 'пе') : c === 'zj' || c === 'mn' ? h(s, 'ба', 'бе') : h(s, 'ма', 'ме');
  const ptcp = c === 'voiceless' ? h(s, 'қан', 'кен') : h(s, 'ған', 'ген');
  const v = voiceStem(root);
  // Present stem: ойла-й, оқи (оқы + й), қо-я (қой + а), кеңей-е, бол-а.
  const high = /[ыі]$/u.test(root);
  const yStem = high ? `${root.slice(0, -1)}и` : `${root}й`;
  const present = vowel ? yStem : yFinal && s === 'back' ? `${root.slice(0, -1)}я` : v + h(s, 'а', 'е');
  const impf = vowel ? yStem + h(s, 'тын', 'тін') : `${present}${h(s, 'тын', 'тін')}`;
  const vn = vowel && /[ыі]$/u.test(root) ? `${root.slice(0, -1)}у` : yFinal ? `${root.slice(0, -1)}ю` : `${root}у`;
  const conv = vowel ? `${root}п` : v + h(s, 'ып', 'іп');
  const negRoot = root + neg;
  return [
    root + past,
    `${root + past}м`,
    // Past 1pl, after a listed root itself only: жеңіл-дік «discount» is no passive жең-іл + -дік.
    ...(passive ? [] : [`${root + past}${h(s, 'қ', 'к')}`]),
    `${negRoot}${h(s, 'дық', 'дік')}`,
    `${present}${h(s, 'ды', 'ді')}`,
    negRoot + h(s, 'ды', 'ді'),
    `${negRoot}й${h(s, 'ды', 'ді')}`,
    ...(vowel ? [`${yStem}${h(s, 'мыз', 'міз')}`] : []),
    root + ptcp,
    root + ptcp + h(s, 'ы', 'і'),
    root + ptcp + h(s, 'ын', 'ін'),
    root + ptcp + h(s, 'да', 'де'),
    root + ptcp + h(s, 'дықтан', 'діктен'),
    negRoot + h(s, 'ған', 'ген'),
    impf,
    impf + h(s, 'ы', 'і'),
    vn,
    vn + h(s, 'ы', 'і'),
    vn + h(s, 'ға', 'ге'),
    vn + h(s, 'да', 'де'),
    vn + h(s, 'ын', 'ін'),
    conv,
    root + h(s, 'са', 'се'),
    `${negRoot}й`,
    `${negRoot}у`,
    // Forms whose endings are also noun endings, cut after a listed root (evidence 'root' in suffixes.json). Not
    // generated where they are another form too: the converb of a root in -қ/-к (асық-а is асы-ға, a dative) or in -с
    // (ойлас-а is ойла-са, a conditional); the aorist of a root in -л or of a passive (-л-ар is the plural -лар:
    // арна-лар «channels»).
    ...(vowel || yFinal || high || last === 'у' || last === 'и' || /[қкс]$/u.test(root) ? [] : [present]),
    ...(vowel || yFinal || high || last === 'у' || last === 'и' || passive || last === 'л'
      ? []
      : [v + h(s, 'ар', 'ер'), v + h(s, 'армын', 'ермін'), v + h(s, 'арлық', 'ерлік')]),
    `${negRoot}с`, // negative aorist: айт-пас
    `${negRoot}с${h(s, 'тан', 'тен')}`,
    root + h(s, 'сақ', 'сек'),
    root + ptcp + h(s, 'дай', 'дей'),
    `${impf}${h(s, 'дай', 'дей')}`,
    root + ptcp + h(s, 'ым', 'ім'),
    root + (c === 'voiceless' ? h(s, 'қысы', 'кісі') : h(s, 'ғысы', 'гісі')),
    // айт-қы-м келеді «I want to say»; not after a vowel, where сұра-ғы-м is also сұрақ «question» + 1sg.
    ...(vowel ? [] : [root + (c === 'voiceless' ? h(s, 'қым', 'кім') : h(s, 'ғым', 'гім'))]),
  ];
}
