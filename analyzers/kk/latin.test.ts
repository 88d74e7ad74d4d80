import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize.js';
import {
  cyrillicTextToLatin,
  cyrillicToLatin,
  detectLatinAlphabet,
  type LatinAlphabet,
  latinToCyrillic,
} from './latin.js';
import { KAZAKH_WORDS } from './words.fixture.js';

describe('detectLatinAlphabet', () => {
  it.each([
    ['Shanhaı yntymaqtastyq uıymy, Eýrazııa', '2018'],
    ['Qyrǵyzstanda halyqaralyq is-sharalar ótkiziledi', '2018'],
    ['Būryñğy ötken zamanda, bır danyşpan kısı', '2021'],
    ["Qazaqstan Respy'bli'kasy", '2017'],
    ['Qazaqstan Respublikasy', '2018'], // no marker letter: the default
    ['QAZAQSTAN RESPÝBLIKASY', '2018'],
    ['BŪRYÑĞY', '2021'],
    // 2021 as written by those used to Turkish: ı for ы too, so no y where ы is (Qazaqstannıñ, jañalıqtarı)
    ['Qazaqstannıñ jañalıqtarı', '2021-turkish'],
    ['Qazaqstannyñ jañalyqtary qazır', '2021'], // y for ы: «qazır» is қазір, not a repair
    ["It's Kazakhstan's", '2018'], // an English possessive is not the 2017 alphabet's s'
    ['Respy’bli’kasy', '2017'],
    ["s'ahar a'lem", '2017'],
    ["'a' 'b'", '2018'],
    ['', '2018'],
  ] as const)('%s → %s', (text, expected) => {
    expect(detectLatinAlphabet(text)).toBe(expected);
  });
});

describe('latinToCyrillic 2018', () => {
  it.each([
    ['Shanhaı', 'шанхай'],
    ['yntymaqtastyq', 'ынтымақтастық'],
    ['uıymy', 'ұйымы'],
    ['Eýrazııa', 'еуразия'],
    ['Prezıdent', 'президент'],
    ['Halyqaralyq', 'халықаралық'],
    ['Qazaqstan', 'қазақстан'],
    ['Qazaqstannyń', 'қазақстанның'],
    ['Túrkııa', 'түркия'],
    ['Máskeý', 'мәскеу'],
    ['Reseı', 'ресей'],
    ['Qytaı', 'қытай'],
    ['ǵylym', 'ғылым'],
    ['óńir', 'өңір'],
    ['úı', 'үй'],
    ['kıim', 'киім'],
    ['aıaq', 'аяқ'],
    ['aıý', 'аю'],
    ['aıtsa', 'айтса'],
    ['delegatsııalar', 'делегациялар'],
    ['vıtse-premer', 'вице-премер'], // ts after ı read as и is ц
    ['aıtsaq', 'айтсақ'], // after й it is тс
    ['Tsentr', 'центр'],
    ['Shchýchınsk', 'щучинск'],
    ['Iran', 'иран'],
    ['Ishki', 'ішкі'],
    ['Ile', 'іле'],
    ['QAZAQSTAN', 'қазақстан'],
    ['RESPÝBLIKASY', 'республикасы'],
    ['ShYU', 'шыұ'],
    ['jáne', 'және'],
    ['úshin', 'үшін'],
  ])('%s → %s', (latin, cyr) => {
    expect(latinToCyrillic(latin, '2018')).toBe(cyr);
  });
});

describe('latinToCyrillic 2021', () => {
  it.each([
    ['Būryñğy', 'бұрыңғы'],
    ['ötken', 'өткен'],
    ['bır', 'бір'],
    ['danyşpan', 'данышпан'],
    ['kısı', 'кісі'],
    ['şaharynyñ', 'шахарының'],
    ['ülken', 'үлкен'],
    ['üiıne', 'үйіне'],
    ['kelıp', 'келіп'],
    ['qalaiyn', 'қалайын'],
    ['syi', 'сый'],
    ['İran', 'иран'],
    ['Euraziia', 'еуразия'],
    ['Prezident', 'президент'],
    ['ūiym', 'ұйым'],
    ['jäne', 'және'],
    ['üşın', 'үшін'],
    ['çempionat', 'чемпионат'],
    ['Qazaqstannyñ', 'қазақстанның'],
    ['qazır', 'қазір'], // Kazakh words of mixed vowels keep their і
    ['kıtaby', 'кітабы'],
  ])('%s → %s', (latin, cyr) => {
    expect(latinToCyrillic(latin, '2021')).toBe(cyr);
  });
});

describe('latinToCyrillic 2021 with ı for ы (the Turkish habit)', () => {
  it.each([
    ['Qazaqstannıñ', 'қазақстанның'], // vowel harmony: ı among back vowels only is ы
    ['jañalıqtarı', 'жаңалықтары'],
    ['kelıp', 'келіп'], // a front word keeps і
    ['kıtaby', 'кітабы'], // a word with y writes ы as y: its ı is і
  ])('%s → %s', (latin, cyr) => {
    expect(latinToCyrillic(latin, '2021-turkish')).toBe(cyr);
  });
});

describe('latinToCyrillic 2017', () => {
  it.each([
    ['Qazaqstan', 'қазақстан'],
    ["Respy'bli'kasy", 'республикасы'],
    ["S'anhai'", 'шанхай'],
    ["o'n'ir", 'өңір'],
    ["s'ahar", 'шахар'],
    ["a'lem", 'әлем'],
    ["g'ylym", 'ғылым'],
    ["u'i'", 'үй'],
    ["c'empi'onat", 'чемпионат'],
    ['Respy’bli’kasy', 'республикасы'], // typographic apostrophe
  ])('%s → %s', (latin, cyr) => {
    expect(latinToCyrillic(latin, '2017')).toBe(cyr);
  });
});

describe('latinToCyrillic 2018: capital I', () => {
  it.each([
    ['KIIÝ', 'кию'],
    ['ÁÝEJAI', 'әуежай'],
    ['TÚRKIIA', 'түркия'],
    ['BIRINSHI', 'бірінші'],
    ['IYQ', 'иық'],
  ])('%s → %s', (latin, cyr) => {
    expect(latinToCyrillic(latin, '2018')).toBe(cyr);
  });
});

describe('latinToCyrillic: letters outside the alphabet', () => {
  it.each([
    ['Washington', '2018'],
    ['Ștefan', '2021'],
    ['Straße', '2018'],
    ['ăxa', '2017'],
  ] as const)('%s (%s) gives Cyrillic only', (w, a) => {
    expect(latinToCyrillic(w, a)).not.toMatch(/\p{Script=Latin}/u);
  });
});

describe('cyrillicToLatin', () => {
  it.each([
    ['Қазақстан Республикасы', '2018', 'Qazaqstan Respýblıkasy'],
    ['Шанхай ынтымақтастық ұйымы', '2018', 'Shanhaı yntymaqtastyq uıymy'],
    ['Еуразия', '2018', 'Eýrazııa'],
    ['ШЫҰ', '2018', 'ShYU'.toUpperCase()],
    ['Бұрыңғы өткен заманда, бір данышпан кісі', '2021', 'Būryñğy ötken zamanda, bır danyşpan kısı'],
    ['Иран', '2021', 'İran'],
    ['Іле', '2021', 'Ile'],
    ['ШЫҰ', '2021', 'ŞYŪ'],
    ['үйіне', '2021', 'üiıne'],
  ] as const)('%s (%s) → %s', (cyr, alphabet, latin) => {
    expect(cyrillicTextToLatin(cyr, alphabet)).toBe(latin);
  });
});

describe('round trips: Latin spellings of a Kazakh word normalize to its Cyrillic spelling', () => {
  const word = fc.constantFrom(...KAZAKH_WORDS);
  const cased = (cases: string[]) =>
    fc
      .tuple(word, fc.constantFrom(...cases))
      .map(([w, c]) => (c === 'upper' ? w.toUpperCase() : c === 'title' ? w.charAt(0).toUpperCase() + w.slice(1) : w));
  // 2018 writes і and и/й alike as capital I, so an all-caps word mixing both (ПРЕЗИДЕНТІНІҢ) is ambiguous by
  // design of the alphabet: the 2018 law is checked on lower- and title-case words.
  it.each([
    ['2018', ['lower', 'title']],
    ['2021', ['lower', 'title', 'upper']],
  ] as const)('%s', (alphabet, cases) => {
    fc.assert(
      fc.property(cased([...cases]), (w) => {
        const latin = cyrillicToLatin(w, alphabet);
        expect(normalize(latin, { latin: alphabet })).toBe(normalize(w));
      }),
      { numRuns: 1000 },
    );
  });
  it.each(KAZAKH_WORDS.map((w) => [w]))('%s: 2018 and 2021 agree', (w) => {
    const a = (alphabet: LatinAlphabet & ('2018' | '2021')) =>
      normalize(cyrillicToLatin(w, alphabet), { latin: alphabet });
    expect(a('2018')).toBe(w);
    expect(a('2021')).toBe(w);
  });
  it('detection + transliteration of a whole 2018 text gives the Cyrillic text', () => {
    const cyr = 'Шанхай ынтымақтастық ұйымының саммиті Астанада өтті';
    const latin = cyrillicTextToLatin(cyr, '2018');
    const alphabet = detectLatinAlphabet(latin);
    expect(
      latin
        .split(' ')
        .map((w) => normalize(w, { latin: alphabet }))
        .join(' '),
    ).toBe(normalize(cyr).replace(/Ш/u, 'ш'));
  });
});
