import { describe, expect, it } from 'vitest';
import { Cls, KK_ALPHABET } from './phonology.js';
import { checkGrammar, compileGrammar, loadGrammar, parseSuffixes, type SuffixParse } from './suffix-parser.js';

const parses = (word: string, g = compileGrammar(loadGrammar())): SuffixParse[] => {
  return parseSuffixes(g, word, 2, KK_ALPHABET.classBefore, []);
};
const cuts = (word: string): string[] =>
  parses(word).map((p) => `${word.slice(0, p.stemEnd)}|${word.slice(p.stemEnd)}`);

describe('parseSuffixes on the real grammar', () => {
  it.each([
    ['министрлерінің', 'министр|лерінің'],
    ['мемлекеттеріміздегі', 'мемлекет|теріміздегі'],
    ['ауданындағы', 'аудан|ындағы'],
    ['болғандықтан', 'бол|ғандықтан'],
    ['жасайтын', 'жаса|йтын'],
  ])('%s can be cut as %s', (word, cut) => {
    expect(cuts(word)).toContain(cut);
  });

  it('does not parse a chain whose inner allomorph does not fit what precedes it (-лар-дың, not -лар-ның)', () => {
    expect(cuts('балалардың')).toContain('бала|лардың');
    expect(cuts('балаларның')).not.toContain('бала|ларның');
  });

  it('leaves the condition on the stem to the caller: -дар asks for л, ж, з, м, н, ң before it', () => {
    const dar = parses('баладар').find((p) => p.stemEnd === 4);
    expect(dar && dar.after & Cls.V).toBe(0);
    expect(dar && dar.after & Cls.MNN).not.toBe(0);
  });

  it('reports the series the stem must allow, and the evidence a noun-like verb ending needs', () => {
    const atyn = parses('болатын').find((p) => p.stemEnd === 3);
    expect(atyn).toMatchObject({ verbal: true, needsVerbEvidence: true, series: 'back', firstMorpheme: 'PTCP_IMPF' });
    const lerdi = parses('елдерді').find((p) => p.stemEnd === 2);
    expect(lerdi).toMatchObject({ verbal: false, series: 'front', firstMorpheme: 'PL' });
  });

  it('keeps what follows an invariant front suffix front (-нікі)', () => {
    const g = compileGrammar(
      checkGrammar({
        entry: { noun: ['KI'], verb: [] },
        morphemes: {
          KI: { allomorphs: [{ forms: ['нікі', 'нікі'], after: ['V'], fixFront: true }], next: ['CASE'] },
          CASE: { allomorphs: [{ forms: ['ның', 'нің'], after: ['V'] }], next: [] },
        },
      }),
    );
    expect(parses('баланікінің', g).map((p) => p.stemEnd)).toContain(4);
    expect(parses('баланікінің', g).find((p) => p.stemEnd === 4)?.series).toBeNull();
    expect(parses('баланікының', g).map((p) => p.stemEnd)).not.toContain(4);
  });

  it('never writes -сы after у or и (notAfter): вирус-ы, not вир-у-сы; the caller is told for the first one', () => {
    expect(cuts('вирусы')).toContain('вирус|ы');
    expect(cuts('вирусы')).not.toContain('вир|усы');
    const sy = parses('вирусы').find((p) => p.stemEnd === 4);
    expect(sy && sy.notAfter & Cls.U).not.toBe(0);
    expect(sy && sy.notAfter & Cls.I).not.toBe(0);
    expect(parses('баласы').find((p) => p.stemEnd === 4)?.after).toBe(Cls.V);
  });

  it("marks the past 1pl -дық as needing a listed root itself (evidence 'listed')", () => {
    const dyq = parses('алдық').find((p) => p.stemEnd === 2 && p.firstMorpheme === 'PAST1PL');
    expect(dyq).toMatchObject({ verbal: true, needsRoot: true, needsListedRoot: true });
    const neg = parses('алмадық').find((p) => p.stemEnd === 2);
    expect(neg).toMatchObject({ verbal: true, needsRoot: false, firstMorpheme: 'NEG' });
  });
});

describe('checkGrammar', () => {
  const one = (allomorph: Record<string, unknown>) => ({
    entry: { noun: ['X'], verb: [] },
    morphemes: { X: { allomorphs: [allomorph], next: [] } },
  });
  it.each([
    ['an unknown class', { forms: 'а', after: ['Q'] }],
    ['an unknown notAfter class', { forms: 'а', after: ['V'], notAfter: ['Q'] }],
    ['an unknown evidence', { forms: 'а', after: ['V'], evidence: 'maybe' }],
    ['no form', { forms: [null, null], after: ['V'] }],
  ])('rejects %s', (_what, allomorph) => {
    expect(() => checkGrammar(one(allomorph))).toThrow(/suffixes\.json: X/);
  });
});
