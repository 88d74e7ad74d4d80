import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';
import { verbForms } from './noun-paradigm.js';
import { readWordList, stemKk, stemKkFolded } from './stem.js';

/** Forms that knowingly miss their verb's key, and why. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  ақтау: 'the city Aktau (protected)',
  ақтауы: 'Aktau',
  ақтауға: 'Aktau',
  ақтауда: 'Aktau',
  ақтауын: 'Aktau',
  жетісу: 'the region Zhetysu (protected)',
  жетісуі: 'Zhetysu',
  жетісуге: 'Zhetysu',
  жетісуде: 'Zhetysu',
  жетісуін: 'Zhetysu',
  жаппай: 'the adverb «massive» (protected)',
  жаппайды: 'жаппай + accusative',
  қалып: '«mould, state» (protected, with қалпы)',
  атады: 'ат-а-ды «shoots» or ата-ды «named»: ата is also a listed root',
  шығар: 'шық-ар «will go out» is the root шығар «to take out»',
  қайтар: 'қайт-ар «will return» is the root қайтар «to give back»',
  түсіне: 'түсін-е «understanding» or түсі-не «to his dream»',
  жаттық: 'жат-тық «we lay» is the root жаттық «to train»',
  естер: 'ест-ер «will hear» or ес-тер «memories» (ес «mind» is a two-letter stem: еске, естен)',
  естермін: 'ест-ер-мін or ес-тер-мін «I am the memories»',
  алғысы: 'ал-ғы-сы «wants to take» or алғыс-ы «his gratitude» (protected: алғысын, алғысымен)',
  // Words that look like a verb form but are other words (data/verb-homographs.txt: қала «city», өте «very»).
  ...Object.fromEntries(readWordList('verb-homographs.txt').map((w) => [w, 'verb-homographs.txt'])),
};
/** Roots whose forms meet protected words all over: бас-ты «pressed» is басты «main», бас-қа is басқа «other». */
const SKIPPED_ROOTS = new Set(['бас']);
/** Intransitive roots, whose generated «passive» is not a word (кел-ін is келін «daughter-in-law»). */
const NO_PASSIVE = new Set([
  'кел',
  'бол',
  'өт',
  'кет',
  'жет',
  'тұр',
  'жүр',
  'өс',
  'өл',
  'қал',
  'бар',
  'кір',
  'түс',
  'шық',
  'ти',
  'де', // its passive is делін-, not дел-
  'жыла', // жылан is «snake»
]);

const ROOTS = readWordList('verb-roots.txt').filter((r) => !SKIPPED_ROOTS.has(r));

describe('generated verb paradigms of the listed roots: every form gets the key of the past tense', () => {
  it.each(ROOTS.map((r) => [r] as const))('%s', (root) => {
    const forms = verbForms(root, !NO_PASSIVE.has(root));
    const key = stemKk(forms[0] ?? root);
    const off = forms.filter((f) => !(f in EXCEPTIONS) && stemKk(f) !== key);
    expect(off.map((f) => `${f}→${stemKk(f)}`)).toEqual([]);
  });

  it('in the folded alphabet too, for at least 98% of the forms', () => {
    let all = 0;
    let off = 0;
    for (const root of ROOTS) {
      const forms = verbForms(root, !NO_PASSIVE.has(root));
      const key = stemKkFolded(fold(forms[0] ?? root));
      for (const f of forms) {
        all++;
        if (stemKkFolded(fold(f)) !== key) off++;
      }
    }
    expect(off / all).toBeLessThan(0.02);
  });
});

describe('verbForms (the generator itself)', () => {
  it.each([
    [
      'бол',
      ['болды', 'болады', 'болмады', 'болмайды', 'болған', 'болатын', 'болу', 'болуға', 'болып', 'болса', 'болмай'],
    ],
    ['жаса', ['жасады', 'жасайды', 'жасайтын', 'жасау', 'жасап', 'жасалды', 'жасалады', 'жасалған', 'жасалу']],
    ['қой', ['қойды', 'қояды', 'қоятын', 'қою', 'қойып', 'қойылды', 'қойылған']],
    ['оқы', ['оқыды', 'оқиды', 'оқитын', 'оқимыз', 'оқу', 'оқып', 'оқылды']],
    ['тап', ['тапты', 'табады', 'табатын', 'табылды']],
    ['талқыла', ['талқыланды', 'талқыланған']],
  ] as const)('%s makes %o', (root, expected) => {
    expect(verbForms(root)).toEqual(expect.arrayContaining([...expected]));
  });
});
