/**
 * Kazakh stemmer: light, rule-based, deterministic suffix stripping for index keys.
 *
 * - Inflection is cut, derivation is kept: plural, possessive (3rd person, 1st plural, formal 2nd), the cases,
 *   the locative attributive -дағы, the substantive -нікі, predicative endings (-мын, -мыз, -сың, -дыр) and the
 *   common verb endings (tense, person, negation, passive, participles -ған/-атын with their case forms, the
 *   verbal noun -у, converbs -ып/-п, conditional -са, optative -сын, intention -мақшы). Kept as separate words:
 *   -лық/-лік (министрлік), -шы/-ші (басшы, елші), -ғы/-гі (жылғы, қазіргі), -сыз/-сіз, -ушы, -лы/-лі.
 * - Suffix allomorphs must agree with the stem end (vowel / sonorant / voiced / voiceless) and with its vowel
 *   series; the consonant alternations are undone (кітаб-ы → кітап, жүрег-і → жүрек, құлағ-ы → құлақ), as is the
 *   vowel drop of a closed list (орн-ы → орын, халқ-ы → халық).
 * - A verb stem that ends in a vowel is keyed with «й» (ойла-ды, ойлай-ды, ойла-у → ойлай), one in a high vowel
 *   without it (оқы-ды, оқи-ды, оқ-у → оқ), so keys of such verbs are not dictionary stems; keys are index terms.
 * - Stripping repeats until nothing more can be cut, so every key is a fixed point; a short list of protected
 *   stems (data/protected-stems.txt: place names, numerals, a few nouns) guards words that end like a suffix.
 * - When nothing more can be cut, a final н/ң after a vowel is dropped (аудан → ауда): ауданы reads as аудан-ы or
 *   ауда-ны, баланы as бала-ны or балан-ы, and only a dictionary could tell; this way both readings meet.
 *
 * `stemKkFolded` runs the same rules in the alphabet folded to Russian letters (қ→к, ә→а, …) for text typed on a
 * Russian keyboard, with harmony checks relaxed where folding merged the vowels;
 * stemKkFolded(fold(w)) === fold(stemKk(w)) for nearly every word.
 */
import { readFileSync } from 'node:fs';
import type { Stemmer } from '../types.js';
import { fold } from './fold.js';
import { FOLDED_ALPHABET, KK_ALPHABET } from './phonology.js';
import { createStemmer } from './stem-engine.js';
import { compileGrammar, loadGrammar } from './suffix-parser.js';

/** Lines of a data file, without comments and blanks. */
export function readWordList(name: string): string[] {
  return readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/u, '').trim())
    .filter((line) => line !== '');
}

/** орын → орн: the stem without the vowel of its last syllable. */
export function reducedStem(full: string): string {
  return full.slice(0, -2) + full.slice(-1);
}

const grammar = loadGrammar();
const vowelDropFull = readWordList('vowel-drop.txt');
const protectedStems = [...readWordList('protected-stems.txt'), ...vowelDropFull];
const shortStems = readWordList('short-stems.txt');
const verbRoots = readWordList('verb-roots.txt');
const verbEndings = readWordList('verb-endings.txt');
const verbHomographs = readWordList('verb-homographs.txt');
const poss1sgStems = readWordList('poss1sg-stems.txt');
/** Causative endings (ұшыр, арттыр, жүргіз): a stem ending so is a verb, and its passive -ыл/-іл is cut. */
const CAUSATIVE = ['ыр', 'ір', 'ғыз', 'гіз', 'қыз', 'кіз'];

export const stemKk: Stemmer = createStemmer({
  alphabet: KK_ALPHABET,
  grammar: compileGrammar(grammar),
  protectedStems: new Set(protectedStems),
  shortStems: new Set(shortStems),
  verbRoots: new Set(verbRoots),
  verbEndings,
  causativeEndings: CAUSATIVE,
  denominalEndings: ['ла', 'ле'],
  highVowels: new Set('ыі'),
  highVowelSuffixConsonants: new Set('шщқксж'),
  vowelDrop: new Map(vowelDropFull.map((full) => [reducedStem(full), full])),
  devoice: { б: 'п', г: 'к', ғ: 'қ' },
  voice: { п: 'б', к: 'г', қ: 'ғ' },
  finalNasals: new Set('нң'),
  verbHomographs: new Set(verbHomographs),
  poss1sgStems: new Set(poss1sgStems),
  minRootEvidenceStem: 2,
});

export const stemKkFolded: Stemmer = createStemmer({
  alphabet: FOLDED_ALPHABET,
  grammar: compileGrammar(grammar, fold),
  protectedStems: new Set(protectedStems.map(fold)),
  shortStems: new Set(shortStems.map(fold)),
  verbRoots: new Set(verbRoots.map(fold)),
  verbEndings: verbEndings.map(fold),
  causativeEndings: CAUSATIVE.map(fold),
  denominalEndings: ['ла', 'ле'],
  highVowels: new Set('ыи'),
  highVowelSuffixConsonants: new Set('шщксж'),
  vowelDrop: new Map(vowelDropFull.map((full) => [fold(reducedStem(full)), fold(full)])),
  devoice: { б: 'п', г: 'к' },
  voice: { п: 'б', к: 'г' },
  finalNasals: new Set('н'),
  verbHomographs: new Set(verbHomographs.map(fold)),
  // Folded, үй-ім is ұйым «organization» (уйым).
  poss1sgStems: new Set(poss1sgStems.filter((w) => w !== 'үй').map(fold)),
  minRootEvidenceStem: 3,
});
