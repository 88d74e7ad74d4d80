import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '../kk/fold.js';
import { normalize } from '../normalize.js';
import { decideLang, detectLang, scoreLang } from './detect.js';

describe('detectLang: sentences', () => {
  it.each([
    ['Қазақстан Ұйымды одан әрі дамытуға мүдделі және оның көпқырлы әлеуетін нығайтуға ниетті', 'kk'],
    ['Под председательством Казахстана состоялось заседание Совета национальных координаторов', 'ru'],
    ['Shanhaı yntymaqtastyq uıymynyń sammıti Astanada ótti', 'kk-Latn'],
    ['The summit of the Shanghai Cooperation Organisation was held in Astana', 'other'],
    // Kazakh typed with Russian letters (folded) stays Kazakh on a sentence
    ['Казакстан Республикасынын Президенти мен министрлери жане баска да басшылар кездести', 'kk'],
    ['Биыл министрлер кенесинин отырысы Алматыда отеди деп хабарлады', 'kk'],
    // Kazakh without special letters
    ['Алматыда жаңа жоба басталды', 'kk'],
    ['Делегация басшылары жоспарды бекітті', 'kk'],
    ['Ресей мен Қытай арасындағы сауда артты', 'kk'],
    ['Министр заявил, что переговоры продолжатся в следующем году', 'ru'],
    ['Qazaqstan Prezıdenti Máskeýge bardy', 'kk-Latn'],
  ])('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

describe('detectLang: single words', () => {
  it.each([
    ['министрлері', 'kk'], // Kazakh plural + possessive
    ['министрлери', 'kk'], // the same typed with Russian letters
    ['министров', 'ru'],
    ['Қазақстан', 'kk'],
    ['казакстаннын', 'kk'],
    ['жылы', 'kk'],
    ['Qazaqstan', 'kk-Latn'], // q not before u
    ['Qazaqstannyń', 'kk-Latn'],
    ['Euronews', 'other'], // w: not a Kazakh Latin letter
    ['Washington', 'other'],
    ['государственной', 'ru'],
    ['министр', 'ru'], // known to the Russian dictionary
    ['воды', 'ru'],
    ['жер', 'kk'], // unknown to the Russian dictionary, nothing else either way: Kazakh
    ['зерттеу', 'kk'],
    ['Astana', 'kk-Latn'], // a short Latin text without English evidence
    ['sapary', 'kk-Latn'],
    ['the news', 'other'],
    ['', 'other'],
    ['2025', 'other'],
  ])('%s → %s', (w, lang) => {
    expect(detectLang(w)).toBe(lang);
  });
});

describe('scores', () => {
  it('are additive over words', () => {
    const a = scoreLang('Қазақстан және');
    const b = scoreLang('Қазақстан');
    const c = scoreLang('және');
    expect(a.kk).toBeCloseTo(b.kk + c.kk);
  });
  it('long texts never consult the dictionary: a Cyrillic text without evidence is ru', () => {
    expect(decideLang(scoreLang('жер жер жер жер жер жер')).lang).toBe('ru');
  });
  it('margin is 0 without evidence and grows with it', () => {
    expect(decideLang(scoreLang('министр')).margin).toBe(0);
    expect(decideLang(scoreLang('Қазақстан Республикасының Президенті')).margin).toBeGreaterThan(0.5);
  });
  it('folded Kazakh keeps kk on a typical sentence', () => {
    const s = 'Қазақстан Республикасының Президенті Мемлекеттер Достастығы басшыларының кеңесіне қатысты';
    expect(
      detectLang(
        s
          .split(' ')
          .map((w) => fold(normalize(w)))
          .join(' '),
      ),
    ).toBe('kk');
  });
});

describe('data file langid.json', () => {
  const raw = readFileSync(new URL('../data/langid.json', import.meta.url), 'utf8');
  const data = JSON.parse(raw) as Record<string, unknown>;
  const lists = ['kkWords', 'ruWords', 'kkLatnWords', 'otherWords'] as const;
  const tables = ['kkEndings', 'ruEndings', 'kkLatnEndings', 'otherEndings'] as const;
  it.each(lists)('%s: no duplicates, single normalized tokens', (name) => {
    const words = data[name] as string[];
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    expect(words.filter((w) => !/^[\p{L}\p{M}]+$/u.test(w) || normalize(w) !== w)).toEqual([]);
  });
  it.each(['kkWords', 'ruWords'] as const)('%s: Cyrillic only (no Latin look-alikes)', (name) => {
    expect((data[name] as string[]).filter((w) => /\p{Script=Latin}/u.test(w))).toEqual([]);
  });
  it.each(tables)('%s: no repeated key in the file, weights in (0, 5]', (name) => {
    const section = raw.slice(raw.indexOf(`"${name}"`));
    const body = section.slice(section.indexOf('{') + 1, section.indexOf('}'));
    const keys = [...body.matchAll(/"([^"]+)"\s*:/gu)].map((m) => m[1]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const v of Object.values(data[name] as Record<string, number>)) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(5);
    }
  });
  it.each(['kkEndings', 'ruEndings'] as const)('%s: Cyrillic only', (name) => {
    expect(Object.keys(data[name] as object).filter((k) => /\p{Script=Latin}/u.test(k))).toEqual([]);
  });
});
