/**
 * The Kazakh suffix stripper, independent of the alphabet it runs in (real Kazakh letters or letters folded to
 * Russian ones). One step cuts the longest suffix chain whose conditions the remaining stem meets; steps repeat
 * until nothing more can be cut, so a key is always a fixed point (stem(stem(w)) === stem(w)) and a lexical stem
 * that ends like a suffix (Алматы, Қарағанды) gets one key in all its forms even when no guard names it.
 */
import type { Stemmer } from '../types.js';
import type { Alphabet } from './phonology.js';
import { type CompiledGrammar, parseSuffixes, type SuffixParse } from './suffix-parser.js';

export interface StemmerData {
  alphabet: Alphabet;
  grammar: CompiledGrammar;
  /** Stems that are never cut into (names, words that end like a suffix); their own inflected forms map to them. */
  protectedStems: ReadonlySet<string>;
  /** The only two-letter stems a suffix may be cut down to (ел, үй, су); other stems keep three letters or more. */
  shortStems: ReadonlySet<string>;
  /** Verb roots, and endings that make a verb: the evidence a noun-like verb ending needs (бол-атын, мемлекет-ін). */
  verbRoots: ReadonlySet<string>;
  verbEndings: readonly string[];
  /** Causative endings (ұшыр, жүргіз, арттыр) and the denominal -ла/-ле: derived verbs whose passive is cut. */
  causativeEndings: readonly string[];
  denominalEndings: readonly string[];
  /** The high vowels ы і (folded: ы и). */
  highVowels: ReadonlySet<string>;
  /** Consonants before a final -ы/-і that mark it as a suffix of its own (-шы, -ақы, кісі), so -сы after it is the
   * possessive (басшы-сы); after any other consonant the stem ends in -ыс (облыс-ы, not облы-сы). */
  highVowelSuffixConsonants: ReadonlySet<string>;
  /** Stems that lose a vowel before a vowel-initial suffix (орн-ы → орын), reduced → full. */
  vowelDrop: ReadonlyMap<string, string>;
  /** Final voiced consonant → the voiceless one the nominative is written with (кітаб-ы → кітап), and back. */
  devoice: Readonly<Record<string, string>>;
  voice: Readonly<Record<string, string>>;
  /** Nasals dropped at the very end of a key after a vowel (н ң; folded: н). */
  finalNasals: ReadonlySet<string>;
  /** Words that look like a form of a listed verb root (қал-а, ал-мас) but are other words (қала «city», алмас
   *  «diamond»): kept whole. */
  verbHomographs: ReadonlySet<string>;
  /** Shortest stem a verb ending that is also a noun ending may leave: folding merges short roots with other words
   *  (өл- «die» folds to ол «he»: олар is not өл-ар), so the folded alphabet asks for more. */
  minRootEvidenceStem: number;
}

/** Shortest stem a suffix may be cut down to, outside the list of two-letter roots. */
const MIN_LEN = 3;
const MAX_STEPS = 24;
const FEMININE_SURNAME = /(?:ов|ев|ёв)а$/u;
/** Causative endings no common noun has. */
const STRONG_CAUSATIVE = /(?:дыр|дір|ғыз|гіз|қыз|кіз)$/u;
/** Russian loans drop the last of a final -ст, -сс, -зд before a suffix (журналис-тер, процес-і, съез-ден). */
const LOAN_CLUSTER = /(?:ст|сс|зд)$/u;

export function createStemmer(d: StemmerData): Stemmer {
  const { alphabet, grammar, protectedStems, vowelDrop } = d;
  /** Parses of the word at hand, reused between calls (the stemmer is synchronous). */
  const scratch: SuffixParse[] = [];
  // A protected stem is also met in the spelling it takes before a vowel: мүгедег-і, кітаб-ы, орн-ы.
  const protectedSpellings = new Map<string, string>();
  for (const p of protectedStems) {
    protectedSpellings.set(p, p);
    const voiced = d.voice[p[p.length - 1] ?? ''];
    if (voiced !== undefined && alphabet.vowels.has(p[p.length - 2] ?? ''))
      protectedSpellings.set(p.slice(0, -1) + voiced, p);
  }
  for (const [reduced, full] of vowelDrop) if (protectedStems.has(full)) protectedSpellings.set(reduced, full);
  let maxProtected = 0;
  const protectedHeads = new Set<string>(); // first two letters, so most words skip the prefix search at once
  for (const s of protectedSpellings.keys()) {
    maxProtected = Math.max(maxProtected, s.length);
    protectedHeads.add(s.slice(0, 2));
  }

  const hasVowel = (s: string): boolean => {
    for (const ch of s) if (alphabet.vowels.has(ch)) return true;
    return false;
  };
  const longEnough = (stem: string, verbal: boolean): boolean =>
    stem.length >= MIN_LEN ? hasVowel(stem) : d.shortStems.has(stem) || (verbal && d.verbRoots.has(stem));
  const looksVerbal = (raw: string): boolean => {
    const stem = normalize(raw); // шығ-атын: the root is шық
    if (
      d.verbRoots.has(stem) ||
      (stem.length >= 4 && d.verbEndings.some((e) => stem.endsWith(e))) ||
      passiveRoot(stem) !== null
    )
      return true;
    // оқи-тын: the root is оқы (folded: і is и, so only ы is left to try).
    return stem.endsWith('и') && [...d.highVowels].some((v) => v !== 'и' && looksVerbal(stem.slice(0, -1) + v));
  };
  /** A listed root, or the passive of one (айтыл-ар, беріл-е): what the verb endings that are also common noun
   *  endings ask of their stem. */
  const isRootStem = (raw: string): boolean => {
    const stem = normalize(raw);
    if (d.verbRoots.has(stem)) return true;
    // A causative is a verb (сездір, жеткіз, айтқыз); -тыр/-тір are left out: батыр «hero».
    if (stem.length >= 5 && STRONG_CAUSATIVE.test(stem)) return true;
    return isListedPassive(stem);
  };
  /** The passive of a listed root (қабылда-н, ат-ыл). A one-letter passive after a two-letter root is too short to
   *  tell (де-н-е is дене «body»); ат-ыл-а is fine. */
  function isListedPassive(raw: string): boolean {
    const stem = normalize(raw);
    const root = passiveRoot(stem);
    return root !== null && d.verbRoots.has(root) && (root.length >= MIN_LEN || stem.length - root.length > 1);
  }
  const fits = (stem: string, p: SuffixParse): boolean =>
    (alphabet.classOfEnd(stem) & p.after) !== 0 && (p.series === null || alphabet.harmonyAllows(stem, p.series));

  /** Spelling of a stem end as the index keeps it: soft sign dropped, final б г ғ devoiced (кітаб-ы → кітап). */
  const normalizeOnce = (s: string): string => {
    let out = s;
    while ((out.endsWith('ь') || out.endsWith('ъ')) && out.length > 2) out = out.slice(0, -1); // король / корол-і
    // A Russian-style feminine surname is keyed as the masculine one (Назарбаева → Назарбаев), as lemmatizers do.
    if (out.length >= 6 && FEMININE_SURNAME.test(out)) out = out.slice(0, -1);
    if (out.length >= 5 && LOAN_CLUSTER.test(out)) out = out.slice(0, -1);
    // Only after a vowel: -ғы/-гі after a consonant is a suffix of its own (жыл-ғы), not аумақ/аумағ-ы.
    const devoiced = d.devoice[out[out.length - 1] ?? ''];
    if (devoiced !== undefined && out.length > 2 && alphabet.vowels.has(out[out.length - 2] ?? '')) {
      out = out.slice(0, -1) + devoiced;
    }
    return out;
  };

  /** normalizeOnce to a fixed point (one rule can open the way to another: -сть, -ссс), so keys stay fixed points. */
  const normalize = (s: string): string => {
    let out = s;
    for (let next = normalizeOnce(out); next !== out; next = normalizeOnce(out)) out = next;
    return out;
  };

  /** A verb stem that ends in a vowel is keyed like its present tense (ойла-ды, ойлай-ды → ойлай; қоя-ды → қой),
   * which is also how a noun in -ай/-ей is keyed (жағдай-ды), so both readings agree. A final high vowel goes
   * instead (оқы-ды, оқи-ды, оқ-у → оқ; дамы-п, дам-ып → дам): it is spelled и before the present -й and drops
   * before -у and -ып. */
  const verbKey = (stem: string): string => {
    const last = stem[stem.length - 1] ?? '';
    if (d.highVowels.has(last) || last === 'и') return stem.length > 2 ? stem.slice(0, -1) : stem;
    return alphabet.isVowel(last) ? `${stem}й` : stem;
  };

  /** The longest protected stem that `s` starts with, followed by nothing or by a chain that fits it. */
  const protectedPrefix = (s: string): string | null => {
    if (!protectedHeads.has(s.slice(0, 2))) return null;
    for (let k = Math.min(s.length, maxProtected); k >= 2; k--) {
      const p = s.slice(0, k);
      const key = protectedSpellings.get(p);
      if (key === undefined) continue;
      // A bare reduced spelling (орн) is not a word: its key would outgrow it.
      if (k === s.length) {
        if (key.length <= k) return key;
        continue;
      }
      scratch.length = 0;
      // Only a nominal chain: жеті «seven» must not swallow жет-іп «reaching».
      for (const parse of parseSuffixes(grammar, s, k, alphabet.classBefore, scratch))
        if (parse.stemEnd === k && !parse.verbal && fits(p, parse)) return key;
    }
    return null;
  };

  const isConsonant = (ch: string): boolean => ch !== '' && !alphabet.isVowel(ch);

  /** In …C-ы-сы the possessive is -ы after a stem in -ыс (облыс-ы), unless the -ы before is a suffix (басшы-сы). */
  const stemInYs = (stem: string): boolean => {
    if (!d.highVowels.has(stem[stem.length - 1] ?? '')) return false;
    const before = stem[stem.length - 2] ?? '';
    if (!isConsonant(before) || d.highVowelSuffixConsonants.has(before)) return false;
    // After a cluster in -т the -і is the vowel loans take before -сі (факт-і-сі, объект-і-сі), not -ыс.
    if (before === 'т' && !alphabet.vowels.has(stem[stem.length - 3] ?? '')) return false;
    // -ғы/-гі after a consonant is the attributive suffix (соң-ғы-сы); after a vowel ғ is the root's (шығ-ыс-ы).
    return !((before === 'ғ' || before === 'г') && isConsonant(stem[stem.length - 3] ?? ''));
  };

  /**
   * The root of a passive verb stem, or null (жасал → жаса, талқылан → талқыла, жазыл → жаз, ұшырыл → ұшыр): the
   * root must be listed, or be a derived verb — a causative before -ыл/-іл or a denominal -ла/-ле before -л — because
   * -ыл/-л/-н also end nouns (ауыл, Орал, Сұлтан).
   */
  function passiveRoot(s: string): string | null {
    const last = s[s.length - 1] ?? '';
    if (last !== 'л' && last !== 'н') return null;
    const cuts = d.highVowels.has(s[s.length - 2] ?? '') && isConsonant(s[s.length - 3] ?? '') ? [2, 1] : [1];
    for (const n of cuts) {
      const root = normalize(s.slice(0, s.length - n));
      if (n === 2) {
        // -ыл/-іл after a consonant, -ын/-ін after л (сал-ын).
        if ((last === 'л') === root.endsWith('л')) continue;
        if (d.verbRoots.has(root) || (root.length >= 4 && d.causativeEndings.some((e) => root.endsWith(e))))
          return root;
      } else if (alphabet.isVowel(root[root.length - 1] ?? '')) {
        const denominal = last === 'л' && root.length >= 5 && d.denominalEndings.some((e) => root.endsWith(e));
        if (d.verbRoots.has(root) || denominal) return root;
      }
    }
    return null;
  }

  /**
   * The passive of a verb root is keyed as the root (жасал-ды, жасал-ған → жасай; талқылан-ды → талқылай;
   * жаз-ыл-ды → жаз; ұшыр-ыл-ады → ұшыр).
   */
  const stripPassive = (s: string): string | null => {
    const root = passiveRoot(s);
    return root === null ? null : verbKey(root);
  };

  /**
   * When nothing else can be cut, a final н/ң after a vowel goes: ауданы is аудан-ы or ауда-ны and баланы is
   * бала-ны or балан-ы, which no rule can tell apart without a dictionary, so аудан and бала must not depend on the
   * reading (аудан → ауда). It also catches the informal 2nd person (мектебің) and genitives of loans that break
   * harmony. The key keeps three letters.
   */
  const dropFinalNasal = (s: string): string | null =>
    s.length >= 4 && d.finalNasals.has(s[s.length - 1] ?? '') && alphabet.vowels.has(s[s.length - 2] ?? '')
      ? s.slice(0, -1)
      : null;

  /**
   * -Xады: the present tense of a stem X (бол-а-ды, жасал-а-ды, аударыл-а-ды) or the past tense of a stem X+а
   * (талқыла-ды, бағала-ды)? A listed root decides first; then a stem that is plainly verbal (a verb-forming
   * ending, or a passive -ыл/-іл/-ын/-ін, or the passive -л/-н of a listed root) reads as present; then X+а that
   * ends like the denominal -ла/-да/-та reads as past; anything else as present.
   */
  const readsAsPresent = (raw: string, vowel: string): boolean => {
    const x = normalize(raw);
    if (d.verbRoots.has(x + vowel)) return false;
    if (d.verbRoots.has(x)) return true;
    if (x.length >= 4 && d.verbEndings.some((e) => !e.endsWith('л') && x.endsWith(e))) return true;
    // A passive: of a listed or derived root (жасал-а-ды, ұшырыл-а-ды), or any -ыл/-іл/-ын/-ін after a consonant.
    if (passiveRoot(x) !== null) return true;
    const last = x[x.length - 1] ?? '';
    const passiveAfterConsonant = d.highVowels.has(x[x.length - 2] ?? '') && isConsonant(x[x.length - 3] ?? '');
    if ((last === 'л' || last === 'н') && passiveAfterConsonant && x.length >= 4) return true; // аудар-ыл, ұсын-ыл
    return !/[лдт]$/u.test(x);
  };

  /** қо-я-ды, қо-ю: the stem is қой, its й written inside я/ю. */
  const insideY = (p: SuffixParse): boolean => p.verbal && (p.firstForm[0] === 'я' || p.firstForm[0] === 'ю');

  const stemOf = (s: string, p: SuffixParse): string => {
    const stem = s.slice(0, p.stemEnd);
    if (insideY(p)) return `${stem}й`;
    return p.verbal ? verbKey(stem) : stem;
  };

  /** The stem left by the longest chain whose conditions hold (nominal reading first), or null. */
  const stripOnce = (s: string, afterNasalDrop: boolean): string | null => {
    const wordIsRoot = d.verbRoots.has(s);
    // Best valid parse per stem end: a nominal one beats a verbal one for the same cut (-ды: accusative or past).
    const best = new Map<number, SuffixParse>();
    scratch.length = 0;
    for (const p of parseSuffixes(grammar, s, 2, alphabet.classBefore, scratch)) {
      if ((alphabet.classBefore(s, p.stemEnd) & p.after) === 0) continue; // cheap test first, before any copy
      const held = best.get(p.stemEnd);
      const stem = s.slice(0, p.stemEnd);
      // Same cut read as noun and as verb: the noun wins (-ды: accusative), except after «и», which ends verb stems
      // (оқи-ды = оқы-й-ды) far more often than nouns (такси).
      // So does the passive of a listed root: қабылдан-ды «was adopted», not қабылдан «ablative» + -ды.
      const verbFirst = stem.endsWith('и') || isListedPassive(stem);
      if (held && held.verbal === verbFirst) continue;
      const spelled = insideY(p) ? `${stem}й` : stem;
      if (!longEnough(spelled, p.verbal) || !fits(stem, p) || (p.needsVerbEvidence && !looksVerbal(stem))) continue;
      // Not right after a dropped final н (өлең → өле is no өл-е, табан → таба no таб-а).
      if (p.needsRoot && (wordIsRoot || afterNasalDrop || stem.length < d.minRootEvidenceStem || !isRootStem(stem)))
        continue;
      // The aorist -р after a two-letter root is too short to tell from a word (ту-р is тур «tour»).
      if (p.needsRoot && p.firstForm.length === 1 && p.firstMorpheme === 'AOR' && stem.length < MIN_LEN) continue;
      if (!held || p.verbal === verbFirst) best.set(p.stemEnd, p);
    }
    if (best.size === 0) return null;
    const end = Math.min(...best.keys());
    const p = best.get(end) as SuffixParse;
    // Between two verb readings, a listed root beats a longer chain on an unlisted stem: адас-а «getting lost», not
    // ада-са.
    if (p.verbal && !d.verbRoots.has(normalize(s.slice(0, end)))) {
      for (const [e, q] of best)
        if (e > end && q.verbal && d.verbRoots.has(normalize(s.slice(0, e)))) return stemOf(s, q);
    }
    const alt = best.get(end + 1);
    if (alt) {
      // облыс-ы, not облы-сы (see stemInYs).
      if (!p.verbal && p.firstMorpheme === 'POSS3' && p.firstForm[0] === 'с' && stemInYs(s.slice(0, end)))
        return stemOf(s, alt);
      // талқыла-ды, not талқыл-а-ды; but бол-а-ды, жасал-а-ды.
      const aorist = p.firstForm === 'а' || p.firstForm === 'е';
      if (p.verbal && aorist && s.length - end === 3 && alt.verbal && !readsAsPresent(s.slice(0, end), p.firstForm))
        return stemOf(s, alt);
    }
    lastCutVerbal = p.verbal;
    return stemOf(s, p);
  };
  /** Whether stripOnce's last cut was a verb ending (then a passive stem left by it is read as the passive). */
  let lastCutVerbal = false;

  return (word: string): string => {
    if (word.length < 2 || !hasVowel(word)) return word;
    let cur = word;
    let nasalDropped = false;
    for (let step = 0; step < MAX_STEPS; step++) {
      const p = protectedPrefix(cur);
      if (p !== null) return p;
      if (d.verbHomographs.has(cur)) return cur;
      cur = normalize(cur);
      // After a verb ending, a listed root's passive is cut as such (қабылдан-ды → қабылда), not as a noun (қабыл-дан).
      const passiveFirst = step > 0 && lastCutVerbal && isListedPassive(cur) ? stripPassive(cur) : null;
      lastCutVerbal = false;
      const cut: string | null = passiveFirst ?? stripOnce(cur, nasalDropped) ?? stripPassive(cur);
      const next: string | null = cut ?? dropFinalNasal(cur);
      nasalDropped = cut === null && next !== null;
      if (next === null || next === cur) break;
      // The dropped vowel comes back only where a suffix was cut (орн-ы → орын), so a key never outgrows its word.
      const full = normalize(next);
      cur = vowelDrop.get(full) ?? full;
    }
    return cur;
  };
}
