import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formsOf, newsLexemeForms, newsLexemes, parseLexemes } from './news-lexemes.js';

const rawLines = readFileSync(new URL('./data/news-lexemes.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));

describe('data/news-lexemes.tsv', () => {
  it('has entries', () => {
    expect(newsLexemes.length).toBeGreaterThan(0);
  });

  it('has no duplicate lemmas', () => {
    const lemmas = newsLexemes.map((e) => e.lemma);
    expect(lemmas.length).toBe(new Set(lemmas).size);
  });

  it.each(newsLexemes.map((e) => [e.lemma, e]))('%s is one lowercase Cyrillic token without ё', (_l, entry) => {
    // \p{Script=Cyrillic} rejects Latin look-alikes (Latin «a», «o», «c» typed inside a Cyrillic word).
    expect(entry.lemma).toMatch(/^\p{Script=Cyrillic}+$/u);
    expect(entry.lemma).toBe(entry.lemma.toLowerCase());
    expect(entry.lemma).not.toContain('ё');
  });

  it.each(rawLines.map((l) => [l]))('line %j has no stray whitespace', (line) => {
    expect(line).toBe(line.trim());
  });

  it('generates forms that belong to one lemma only', () => {
    const generated = newsLexemes.reduce((n, e) => n + new Set(formsOf(e)).size, 0);
    expect(newsLexemeForms.size).toBe(generated);
  });

  it.each([
    ['токаев', ['токаев', 'токаева', 'токаеву', 'токаевым', 'токаеве', 'токаевой']],
    ['акимат', ['акимат', 'акимата', 'акимату', 'акиматом', 'акимате', 'акиматы', 'акиматов', 'акиматах']],
  ])('%s: forms map to the lemma', (lemma, forms) => {
    for (const f of forms) expect([f, newsLexemeForms.get(f)]).toEqual([f, lemma]);
  });
});

describe('parseLexemes', () => {
  it.each([['аким\tnoun-x'], ['аким'], ['аким\tnoun-m\textra']])('rejects %j', (line) => {
    expect(() => parseLexemes(line)).toThrow(/news-lexemes\.tsv line 1/);
  });

  it('skips comments and blank lines', () => {
    expect(parseLexemes('# note\n\nаким\tnoun-m\n')).toEqual([{ lemma: 'аким', kind: 'noun-m' }]);
  });
});
