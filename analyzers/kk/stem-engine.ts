/**
 * The Kazakh suffix stripper, independent of the alphabet it runs in (real Kazakh letters or letters folded to
 * Russian ones). One step cuts the longest suffix chain whose conditions the remaining stem meets; steps repeat
 * until nothing more can be cut, so a key is always a fixed point (stem(stem(w)) === stem(w)) and a lexical stem
 * that ends like a suffix (Алматы, Қарағанды) gets one key in all its forms even when no guard names it.
 */
import type { Stemmer } from '../types.js';
import { type Alphabet, Cls } from './phonology.js';
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
   * possessive (басшы-сы, қаржы-сы); after any other consonant the stem ends in -ыс (облыс-ы, not облы-сы). */
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
  /** Nouns whose possessive 1sg is cut (бала-м, өмір-ім); -ым/-м ends too many other nouns (адам, білім). */
  poss1sgStems: ReadonlySet<string>;
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
/** Russian loans drop the last of a final -ст, -сс, -зд, -лл, -мм before a suffix (журналис-тер, процес-і, съез-ден,
 *  метал-дар, грам-ға); a final -рд goes too (no Kazakh stem ends so), so that рекорд-ы and the accusative рекор-ды
 *  meet. Not -нд, -лд: белсенд-і, арзанд-а-ды are Kazakh. */
const LOAN_CLUSTER = /(?:ст|сс|зд|рд|лл|мм)$/u;

/** The stemmer of a language's data: one Kazakh suffix stripper over that alphabet and grammar. */
export function createStemmer(d: StemmerData): Stemmer {
  const engine = new SuffixStripper(d);
  return (word) => engine.stem(word);
}

/** Protected stems and the spellings they take before a vowel, indexed for a quick prefix search. */
interface ProtectedIndex {
  /** Spelling → the protected stem it keys to. */
  spellings: ReadonlyMap<string, string>;
  maxLength: number;
  /** First two letters of every spelling, so most words skip the prefix search at once. */
  heads: ReadonlySet<string>;
}

function indexProtectedStems(d: StemmerData): ProtectedIndex {
  // A protected stem is also met in the spelling it takes before a vowel: мүгедег-і, кітаб-ы, орн-ы.
  const spellings = new Map<string, string>();
  for (const p of d.protectedStems) {
    spellings.set(p, p);
    const voiced = d.voice[p[p.length - 1] ?? ''];
    if (voiced !== undefined && d.alphabet.vowels.has(p[p.length - 2] ?? '')) spellings.set(p.slice(0, -1) + voiced, p);
  }
  for (const [reduced, full] of d.vowelDrop) if (d.protectedStems.has(full)) spellings.set(reduced, full);
  let maxLength = 0;
  const heads = new Set<string>();
  for (const s of spellings.keys()) {
    maxLength = Math.max(maxLength, s.length);
    heads.add(s.slice(0, 2));
  }
  return { spellings, maxLength, heads };
}

/**
 * The rules, in groups: the spelling of a stem end (normalize, verbKey), the evidence that a stem is a verb
 * (looksVerbal, isRootStem, passiveRoot, readsAsPresent), the cuts (protectedPrefix, stripOnce, stripPassive,
 * dropFinalNasal), and the loop that applies them to a fixed point (stem).
 */
class SuffixStripper {
  private readonly alphabet: Alphabet;
  private readonly grammar: CompiledGrammar;
  private readonly protectedIndex: ProtectedIndex;
  /** Parses of the word at hand, reused between calls (the stemmer is synchronous). */
  private readonly scratch: SuffixParse[] = [];
  /** Whether stripOnce's last cut was a verb ending (then a passive stem left by it is read as the passive). */
  private lastCutVerbal = false;
  /** Longest reduced spelling of the vowel-drop list. */
  private readonly vowelDropLength: number;

  constructor(private readonly d: StemmerData) {
    this.alphabet = d.alphabet;
    this.grammar = d.grammar;
    this.protectedIndex = indexProtectedStems(d);
    this.vowelDropLength = Math.max(0, ...[...d.vowelDrop.keys()].map((k) => k.length));
  }

  private hasVowel(s: string): boolean {
    for (const ch of s) if (this.alphabet.vowels.has(ch)) return true;
    return false;
  }
  private longEnough(stem: string, verbal: boolean): boolean {
    if (stem.length >= MIN_LEN) return this.hasVowel(stem);
    if (verbal && this.d.verbRoots.has(stem)) return true;
    // A two-letter noun in a vowel (су, ми) is no verb stem: су-й-ды is not сүй-ді folded.
    return this.d.shortStems.has(stem) && !(verbal && this.alphabet.vowels.has(stem[stem.length - 1] ?? ''));
  }
  private looksVerbal(raw: string): boolean {
    const stem = this.normalize(raw); // шығ-атын: the root is шық
    if (
      this.d.verbRoots.has(stem) ||
      (stem.length >= 4 && this.d.verbEndings.some((e) => stem.endsWith(e))) ||
      this.passiveRoot(stem) !== null
    )
      return true;
    // оқи-тын: the root is оқы (folded: і is и, so only ы is left to try).
    return (
      stem.endsWith('и') && [...this.d.highVowels].some((v) => v !== 'и' && this.looksVerbal(stem.slice(0, -1) + v))
    );
  }
  /** A listed root, or the passive of one (айтыл-ар, беріл-е): what the verb endings that are also common noun
   *  endings ask of their stem. */
  private isRootStem(raw: string): boolean {
    const stem = this.normalize(raw);
    if (this.d.verbRoots.has(stem)) return true;
    // A causative is a verb (сездір, жеткіз, айтқыз); -тыр/-тір are left out: батыр «hero».
    if (stem.length >= 5 && STRONG_CAUSATIVE.test(stem)) return true;
    return this.isListedPassive(stem);
  }
  /** A noun of the possessive 1sg list, as written before the ending (жүрег-ім, халқ-ым). */
  private takesPoss1sg(raw: string): boolean {
    const stem = this.normalize(raw);
    return this.d.poss1sgStems.has(this.d.vowelDrop.get(stem) ?? stem);
  }
  /** The passive of a listed root (қабылда-н, ат-ыл). A one-letter passive after a two-letter root is too short to
   *  tell (де-н-е is дене «body»); ат-ыл-а is fine. */
  private isListedPassive(raw: string): boolean {
    const stem = this.normalize(raw);
    const root = this.passiveRoot(stem);
    return root !== null && this.d.verbRoots.has(root) && (root.length >= MIN_LEN || stem.length - root.length > 1);
  }
  private fits(stem: string, p: SuffixParse): boolean {
    return (
      (this.alphabet.classOfEnd(stem) & p.after) !== 0 &&
      (this.alphabet.classOfEnd(stem) & p.notAfter) === 0 &&
      (p.series === null || this.alphabet.harmonyAllows(stem, p.series))
    );
  }

  /** Spelling of a stem end as the index keeps it: soft sign dropped, final б г ғ devoiced (кітаб-ы → кітап). */
  private normalizeOnce(s: string): string {
    let out = s;
    while ((out.endsWith('ь') || out.endsWith('ъ')) && out.length > 2) out = out.slice(0, -1); // король / корол-і
    // A Russian-style feminine surname is keyed as the masculine one (Назарбаева → Назарбаев), as lemmatizers do.
    if (out.length >= 6 && FEMININE_SURNAME.test(out)) out = out.slice(0, -1);
    if (out.length >= 5 && LOAN_CLUSTER.test(out)) out = out.slice(0, -1);
    // Only after a vowel: -ғы/-гі after a consonant is a suffix of its own (жыл-ғы), not аумақ/аумағ-ы.
    const devoiced = this.d.devoice[out[out.length - 1] ?? ''];
    if (devoiced !== undefined && out.length > 2 && this.alphabet.vowels.has(out[out.length - 2] ?? '')) {
      out = out.slice(0, -1) + devoiced;
    }
    return out;
  }

  /** normalizeOnce to a fixed point (one rule can open the way to another: -сть, -ссс), so keys stay fixed points. */
  private normalize(s: string): string {
    let out = s;
    for (let next = this.normalizeOnce(out); next !== out; next = this.normalizeOnce(out)) out = next;
    return out;
  }

  /** A verb stem that ends in a vowel is keyed like its present tense (ойла-ды, ойлай-ды → ойлай; қоя-ды → қой),
   * which is also how a noun in -ай/-ей is keyed (жағдай-ды), so both readings agree. A final high vowel goes
   * instead (оқы-ды, оқи-ды, оқ-у → оқ; дамы-п, дам-ып → дам): it is spelled и before the present -й and drops
   * before -у and -ып. */
  private verbKey(stem: string): string {
    const last = stem[stem.length - 1] ?? '';
    if (this.d.highVowels.has(last) || last === 'и') return stem.length > 2 ? stem.slice(0, -1) : stem;
    return this.alphabet.isVowel(last) ? `${stem}й` : stem;
  }

  /** The longest protected stem that `s` starts with, followed by nothing or by a chain that fits it. */
  private protectedPrefix(s: string): string | null {
    if (!this.protectedIndex.heads.has(s.slice(0, 2))) return null;
    for (let k = Math.min(s.length, this.protectedIndex.maxLength); k >= 2; k--) {
      const p = s.slice(0, k);
      const key = this.protectedIndex.spellings.get(p);
      if (key === undefined) continue;
      // A bare reduced spelling (орн) is not a word: its key would outgrow it.
      if (k === s.length) {
        if (key.length <= k) return key;
        continue;
      }
      this.scratch.length = 0;
      // Only a nominal chain: жеті «seven» must not swallow жет-іп «reaching». A stem that ends in the possessive
      // -сы (отбасы, Елбасы) also takes what follows a possessive (отбасы-на, Елбасы-нда), read from inside it.
      const minStem = p.endsWith('сы') || p.endsWith('сі') ? k - 2 : k;
      for (const parse of parseSuffixes(this.grammar, s, minStem, this.alphabet.classBefore, this.scratch)) {
        if (parse.verbal || (parse.needsPoss1sgStem && !this.d.poss1sgStems.has(key))) continue;
        if (parse.stemEnd === k && this.fits(p, parse)) return key;
        if (parse.firstMorpheme === 'POSS3' && parse.firstForm[0] === 'с' && parse.stemEnd === k - 2) return key;
      }
    }
    return null;
  }

  private isConsonant(ch: string): boolean {
    return ch !== '' && !this.alphabet.isVowel(ch);
  }

  /** In …C-ы-сы the possessive is -ы after a stem in -ыс (облыс-ы), unless the -ы before is a suffix (басшы-сы). */
  private stemInYs(stem: string): boolean {
    if (!this.d.highVowels.has(stem[stem.length - 1] ?? '')) return false;
    const before = stem[stem.length - 2] ?? '';
    if (!this.isConsonant(before) || this.d.highVowelSuffixConsonants.has(before)) return false;
    // After a cluster in -т the -і is the vowel loans take before -сі (факт-і-сі, объект-і-сі), not -ыс.
    if (before === 'т' && !this.alphabet.vowels.has(stem[stem.length - 3] ?? '')) return false;
    // -ғы/-гі after a consonant is the attributive suffix (соң-ғы-сы); after a vowel ғ is the root's (шығ-ыс-ы).
    return !((before === 'ғ' || before === 'г') && this.isConsonant(stem[stem.length - 3] ?? ''));
  }

  /**
   * The root of a passive verb stem, or null (жасал → жаса, талқылан → талқыла, жазыл → жаз, ұшырыл → ұшыр): the
   * root must be listed, or be a derived verb — a causative before -ыл/-іл or a denominal -ла/-ле before -л — because
   * -ыл/-л/-н also end nouns (ауыл, Орал, Сұлтан).
   */
  private passiveRoot(s: string): string | null {
    const last = s[s.length - 1] ?? '';
    if (last !== 'л' && last !== 'н') return null;
    const cuts = this.d.highVowels.has(s[s.length - 2] ?? '') && this.isConsonant(s[s.length - 3] ?? '') ? [2, 1] : [1];
    for (const n of cuts) {
      const root = this.normalize(s.slice(0, s.length - n));
      if (n === 2) {
        // -ыл/-іл after a consonant, -ын/-ін after л (сал-ын).
        if ((last === 'л') === root.endsWith('л')) continue;
        if (this.d.verbRoots.has(root) || (root.length >= 4 && this.d.causativeEndings.some((e) => root.endsWith(e))))
          return root;
      } else if (this.alphabet.isVowel(root[root.length - 1] ?? '')) {
        const denominal = last === 'л' && root.length >= 5 && this.d.denominalEndings.some((e) => root.endsWith(e));
        if (this.d.verbRoots.has(root) || denominal) return root;
      }
    }
    return null;
  }

  /**
   * The passive of a verb root is keyed as the root (жасал-ды, жасал-ған → жасай; талқылан-ды → талқылай;
   * жаз-ыл-ды → жаз; ұшыр-ыл-ады → ұшыр).
   */
  private stripPassive(s: string): string | null {
    const root = this.passiveRoot(s);
    return root === null ? null : this.verbKey(root);
  }

  /**
   * When nothing else can be cut, a final н/ң after a vowel goes: ауданы is аудан-ы or ауда-ны and баланы is
   * бала-ны or балан-ы, which no rule can tell apart without a dictionary, so аудан and бала must not depend on the
   * reading (аудан → ауда). It also catches the informal 2nd person (мектебің) and genitives of loans that break
   * harmony. The key keeps three letters.
   */
  private dropFinalNasal(s: string): string | null {
    return s.length >= 4 &&
      this.d.finalNasals.has(s[s.length - 1] ?? '') &&
      this.alphabet.vowels.has(s[s.length - 2] ?? '')
      ? s.slice(0, -1)
      : null;
  }

  /**
   * dropFinalNasal, unless the word left would end the stemming only because it follows a dropped н (айтаң → айта,
   * which is not cut as the converb айт-а right after a drop, but would be on its own): then that word would not be
   * a fixed point, so the н stays (айтаң, өлең).
   */
  private keptNasalDrop(s: string): string | null {
    const dropped = this.dropFinalNasal(s);
    if (dropped === null) return null;
    // A word the loop stops at anyway (ерте «early», a protected stem) is a fixed point as it is.
    const spelled = this.normalize(dropped);
    if (this.d.verbHomographs.has(spelled) || this.protectedPrefix(spelled) !== null) return dropped;
    const endsHere = this.stripPassive(dropped) === null && this.dropFinalNasal(dropped) === null;
    return endsHere && this.cutOnlyUnguarded(dropped) ? null : dropped;
  }

  /** A stem X left by -ны/-нің that is rather X+н with the possessive -ы: X is no word the loop stops at, and is cut
   *  on its own only by a chain a dropped н forbids (таба-ны is табан-ы; қала-ны, ата-ны stay). */
  private nasalStemReading(x: string): boolean {
    const spelled = this.normalize(x);
    if (this.d.verbHomographs.has(spelled) || this.protectedPrefix(spelled) !== null) return false;
    return this.cutOnlyUnguarded(spelled);
  }

  /** Whether `s` is cut on its own only by a chain that a dropped final н would forbid (табa → таб-а, өле → өл-е). */
  private cutOnlyUnguarded(s: string): boolean {
    const lastCutVerbal = this.lastCutVerbal;
    const only = this.stripOnce(s, true) === null && this.stripOnce(s, false) !== null;
    this.lastCutVerbal = lastCutVerbal;
    return only;
  }

  /**
   * -Xады: the present tense of a stem X (бол-а-ды, жасал-а-ды, аударыл-а-ды) or the past tense of a stem X+а
   * (талқыла-ды, бағала-ды)? A listed root decides first; then a stem that is plainly verbal (a verb-forming
   * ending, or a passive -ыл/-іл/-ын/-ін, or the passive -л/-н of a listed root) reads as present; then X+а that
   * ends like the denominal -ла/-да/-та reads as past; anything else as present.
   */
  private readsAsPresent(raw: string, vowel: string): boolean {
    const x = this.normalize(raw);
    if (this.d.verbRoots.has(x + vowel)) return false;
    if (this.d.verbRoots.has(x)) return true;
    if (x.length >= 4 && this.d.verbEndings.some((e) => !e.endsWith('л') && x.endsWith(e))) return true;
    // A passive: of a listed or derived root (жасал-а-ды, ұшырыл-а-ды), or any -ыл/-іл/-ын/-ін after a consonant.
    if (this.passiveRoot(x) !== null) return true;
    const last = x[x.length - 1] ?? '';
    const passiveAfterConsonant =
      this.d.highVowels.has(x[x.length - 2] ?? '') && this.isConsonant(x[x.length - 3] ?? '');
    if ((last === 'л' || last === 'н') && passiveAfterConsonant && x.length >= 4) return true; // аудар-ыл, ұсын-ыл
    return !this.endsLikeDenominal(x);
  }

  /**
   * Whether X+а could be a verb in the denominal -ла/-да/-та: -ла after a vowel or р й у (ойла, жырла), -да after л
   * м н ң з ж (жолда, аңда, ізде), -та after a voiceless consonant (баста, ақта). шерт-е-ді and жылыт-а-ды cannot be
   * the past of шерте, жылыта: -те does not follow р, nor -та a vowel.
   */
  private endsLikeDenominal(x: string): boolean {
    const before = this.alphabet.classOfEnd(x.slice(0, -1));
    switch (x[x.length - 1]) {
      case 'л':
        return (before & (Cls.V | Cls.R | Cls.J | Cls.U)) !== 0;
      case 'д':
        return (before & (Cls.L | Cls.ZJ | Cls.MNN)) !== 0;
      case 'т':
        return (before & Cls.VL) !== 0;
      default:
        return false;
    }
  }

  /** қо-я-ды, қо-ю: the stem is қой, its й written inside я/ю. */
  private insideY(p: SuffixParse): boolean {
    return p.verbal && (p.firstForm[0] === 'я' || p.firstForm[0] === 'ю');
  }

  private stemOf(s: string, p: SuffixParse): string {
    const stem = s.slice(0, p.stemEnd);
    if (this.insideY(p)) return `${stem}й`;
    return p.verbal ? this.verbKey(stem) : stem;
  }

  /** The stem left by the longest chain whose conditions hold (nominal reading first), or null. */
  private stripOnce(s: string, afterNasalDrop: boolean): string | null {
    const wordIsRoot = this.d.verbRoots.has(s);
    // Best valid parse per stem end: a nominal one beats a verbal one for the same cut (-ды: accusative or past).
    const best = new Map<number, SuffixParse>();
    this.scratch.length = 0;
    for (const p of parseSuffixes(this.grammar, s, 2, this.alphabet.classBefore, this.scratch)) {
      const before = this.alphabet.classBefore(s, p.stemEnd);
      if ((before & p.after) === 0 || (before & p.notAfter) !== 0) continue; // cheap test first, before any copy
      const held = best.get(p.stemEnd);
      const stem = s.slice(0, p.stemEnd);
      // Same cut read as noun and as verb: the noun wins (-ды: accusative), except after «и», which ends verb stems
      // (оқи-ды = оқы-й-ды) far more often than nouns (такси).
      // So does the passive of a listed root: қабылдан-ды «was adopted», not қабылдан «ablative» + -ды.
      const verbFirst = stem.endsWith('и') || this.isListedPassive(stem);
      if (held && held.verbal === verbFirst) continue;
      // қо-я, қо-яр: the stem is қой, its й written inside я; the evidence is asked of that.
      const spelled = this.insideY(p) ? `${stem}й` : stem;
      if (
        !this.longEnough(spelled, p.verbal) ||
        !this.fits(stem, p) ||
        (p.needsVerbEvidence && !this.looksVerbal(spelled)) ||
        (p.needsPoss1sgStem && !this.takesPoss1sg(spelled))
      )
        continue;
      // A listed root is no two-letter noun (or unlisted verb) with an ending: есті «hear» is no ес-ті «mind, acc.».
      if (wordIsRoot && spelled.length < MIN_LEN && !(p.verbal && this.d.verbRoots.has(spelled))) continue;
      // Not right after a dropped final н (өлең → өле is no өл-е, табан → таба no таб-а).
      if (
        p.needsRoot &&
        (wordIsRoot ||
          afterNasalDrop ||
          (spelled.length < this.d.minRootEvidenceStem && !p.needsListedRoot) ||
          !(p.needsListedRoot ? this.d.verbRoots.has(this.normalize(spelled)) : this.isRootStem(spelled)))
      )
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
    if (p.verbal && !this.d.verbRoots.has(this.normalize(s.slice(0, end)))) {
      for (const [e, q] of best)
        if (e > end && q.verbal && this.d.verbRoots.has(this.normalize(s.slice(0, e)))) return this.stemOf(s, q);
    }
    const alt = best.get(end + 1);
    if (alt) {
      // облыс-ы, not облы-сы (see stemInYs).
      if (!p.verbal && p.firstMorpheme === 'POSS3' && p.firstForm[0] === 'с' && this.stemInYs(s.slice(0, end)))
        return this.stemOf(s, alt);
      // табан-ы, not таба-ны, when таба would go on to a verb (таб-а): табан keeps its н for the same reason.
      if (
        !p.verbal &&
        p.firstForm[0] === 'н' &&
        alt.firstMorpheme === 'POSS3' &&
        this.nasalStemReading(s.slice(0, end))
      )
        return this.stemOf(s, alt);
      // талқыла-ды, not талқыл-а-ды; but бол-а-ды, жасал-а-ды.
      const aorist = p.firstForm === 'а' || p.firstForm === 'е';
      if (
        p.verbal &&
        aorist &&
        s.length - end === 3 &&
        alt.verbal &&
        !this.readsAsPresent(s.slice(0, end), p.firstForm)
      )
        return this.stemOf(s, alt);
    }
    this.lastCutVerbal = p.verbal;
    return this.stemOf(s, p);
  }

  /**
   * A compound that ends in a vowel-drop stem in -ын/-ін gets its vowel back too (кәсіпорн-ы → кәсіпорын, then cut
   * like кәсіпорын-ы), when what comes before that stem is a word of its own (three letters, a vowel). Only those
   * stems: their full spelling ends like the accusative -ын, so the compound meets its own forms either way, while
   * folded -парк, -ерк would also read as loans (автопарк).
   */
  private restoreCompoundVowel(s: string): string {
    if (!s.endsWith('н')) return s;
    for (let k = 3; k <= Math.min(this.vowelDropLength, s.length - 3); k++) {
      const full = this.d.vowelDrop.get(s.slice(-k));
      const head = s.slice(0, -k);
      if (full !== undefined && this.hasVowel(head)) return head + full;
    }
    return s;
  }

  /** Cuts until nothing more can be cut (at most MAX_STEPS times), so a key is a fixed point. */
  stem(word: string): string {
    if (word.length < 2 || !this.hasVowel(word)) return word;
    let cur = word;
    let nasalDropped = false;
    for (let step = 0; step < MAX_STEPS; step++) {
      const p = this.protectedPrefix(cur);
      if (p !== null) return p;
      if (this.d.verbHomographs.has(cur)) return cur;
      cur = this.normalize(cur);
      // After a verb ending, a listed root's passive is cut as such (қабылдан-ды → қабылда), not as a noun (қабыл-дан).
      const passiveFirst = step > 0 && this.lastCutVerbal && this.isListedPassive(cur) ? this.stripPassive(cur) : null;
      this.lastCutVerbal = false;
      const cut: string | null = passiveFirst ?? this.stripOnce(cur, nasalDropped) ?? this.stripPassive(cur);
      const next: string | null = cut ?? this.keptNasalDrop(cur);
      nasalDropped = cut === null && next !== null;
      if (next === null || next === cur) break;
      // The dropped vowel comes back only where a suffix was cut (орн-ы → орын), so a key never outgrows its word.
      const full = this.normalize(next);
      cur = this.d.vowelDrop.get(full) ?? (cut === null ? full : this.restoreCompoundVowel(full));
    }
    return cur;
  }
}
