import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyzers/index.js';
import { type ArticleDocument, encodeKey, parseTermValue } from '../engine/index.js';
import { passageOfUnits, passageUnits, sortTimestamp, toDocument, UNIT_WORDS } from './document.js';
import { decodedKeys } from './testing.js';
import type { Article } from './types.js';

const source = { origin: '/archive/a.jsonl', hash: 'h' };
const article = (over: Partial<Article>): Article => ({
  id: 'kazinform-qz/2024/x y',
  title: 'Title',
  body: '',
  date: null,
  year: null,
  dateSource: null,
  lang: 'ru',
  source: null,
  url: null,
  orgs: [],
  ...over,
});

/** A document with its keys read back from the key code and its completions as fold, form and stem. */
function readable(doc: ArticleDocument): ArticleDocument & { completions: unknown[] } {
  return { ...decodedKeys(doc), completions: doc.terms.map(parseTermValue) };
}

const toDoc = (...args: Parameters<typeof toDocument>) => readable(toDocument(...args));

describe('toDocument', () => {
  it('keeps the original text and id, with a Meilisearch-safe key', () => {
    const doc = toDoc(article({ title: 'В Астане прошёл саммит ШОС', body: 'Текст на то и есть.' }), source);
    expect(doc.id).toBe('kazinform-qz/2024/x y');
    expect(doc.key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(doc.title).toBe('В Астане прошёл саммит ШОС');
  });

  it('stores keys in the engine key code, one byte a Russian letter (engine/key-code.ts)', () => {
    const doc = toDocument(article({ title: 'Министр приехал' }), source);
    expect(doc.title_s).toBe(`${encodeKey('ьминистр')} ${encodeKey('ьприехать')}`);
    expect(doc.title_s).toBe('2ministr 2priehat2');
  });

  it('writes aligned tiers without stopwords, marked by language, with entity tokens in every tier', () => {
    const doc = toDoc(article({ title: 'Саммит ШОС в Астане' }), source);
    const x = doc.title_x.split(' ');
    const s = doc.title_s.split(' ');
    const f = doc.title_f.split(' ');
    expect(x).toHaveLength(s.length);
    expect(f).toHaveLength(s.length);
    expect(x).not.toContain('в'); // stopword
    expect(s).toContain('ьсаммит');
    expect(x).toContain('zzsco');
    expect(s).toContain('zzsco');
    expect(s).toContain('zzastana');
  });

  it('gives a foreign name its skeleton token, so the other script finds it', () => {
    const doc = toDoc(article({ body: 'Парламент обсудил Brexit.' }), source);
    expect(doc.p0_s?.split(' ')).toContain('zxbrkst');
  });

  it("writes a passage's fold field only where folding changed a key (the fold query finds the rest in the stem field)", () => {
    const ru = toDoc(article({ body: 'Парламент обсудил закон. Министр ответил.' }), source);
    expect(ru.p0_s).toBeDefined();
    expect(ru.p0_f).toBeUndefined();
    expect(ru.title_f).toBeDefined(); // the title query names its fields
    const kk = toDoc(article({ body: 'Парламент заңды талқылады. Министр жауап берді.' }), source);
    expect(kk.p0_f).toBeDefined();
    expect(kk.p0_f).not.toBe(kk.p0_s);
    expect(kk.p1_f).toBeUndefined(); // «Министр жауап берді»: every key folds to itself
  });

  it('records where it came from, its hash and the analyzer version', () => {
    const doc = toDoc(article({ body: 'Текст.' }), source);
    expect(doc).toMatchObject({ origin: '/archive/a.jsonl', hash: 'h' });
    expect(doc.av).toMatch(/\S/);
  });

  it('writes the body one sentence per passage, with exact forms in the lead (the first two) only', () => {
    const body = [
      'Министр иностранных дел Казахстана провёл встречу с коллегами в Астане. Встреча прошла в МИД.',
      'Второй абзац о переговорах. В нём говорится о министрах.',
    ].join('\n\n');
    const doc = toDoc(article({ body }), source);
    expect(doc.p0_x?.split(' ')).toContain('министр');
    expect(doc.p0_s?.split(' ')).toContain('ьминистр');
    expect(doc.p1_x?.split(' ')).toContain('встреча');
    expect(doc.p2_s?.split(' ')).toContain('ьпереговоры');
    expect(doc.p3_s?.split(' ')).toContain('ьминистр');
    expect(doc.p2_x).toBeUndefined();
  });

  it('cuts a body into its sentences', () => {
    const body = 'Кор.\n\nЛид абзац. Тоже лид.\n\nПервое. Второе! Третье?';
    const units = passageUnits(body, analyzeText(body).tokens).map((s, i, all) => body.slice(s, all[i + 1]).trim());
    expect(units).toEqual(['Кор.', 'Лид абзац.', 'Тоже лид.', 'Первое.', 'Второе!', 'Третье?']);
  });

  it('cuts a long sentence into units of UNIT_WORDS content words', () => {
    const countries = Array.from({ length: 30 }, (_, i) => `Страна${i}`).join(', ');
    const body = `Список: ${countries}.`;
    const starts = passageUnits(body, analyzeText(body).tokens);
    expect(starts.length).toBe(Math.ceil(31 / UNIT_WORDS));
  });

  it('never cuts a hyphenated compound in two: премьер-министр stays in one unit', () => {
    const words = Array.from({ length: UNIT_WORDS - 1 }, (_, i) => `Слово${i}`).join(' ');
    const body = `${words} премьер-министр выступил.`;
    const starts = passageUnits(body, analyzeText(body).tokens);
    const units = starts.map((s, i) => body.slice(s, starts[i + 1]).trim());
    expect(units).toEqual([`${words} премьер-министр`, 'выступил.']);
  });

  it.each([
    [1, [0]],
    [4, [0, 1, 2, 3]],
    [64, Array.from({ length: 64 }, (_, i) => i)],
    [128, Array.from({ length: 128 }, (_, i) => Math.floor(i / 2))],
  ])('%i units go to passages %j', (units, passages) => {
    expect(passageOfUnits(units)).toEqual(passages);
  });

  it('keeps the vocabulary of the title and lead for completions: fold, form, stem', () => {
    const doc = toDoc(
      article({
        title: 'Қазақстанның министрлері',
        body: 'Бірінші сөйлем ұзын. Екінші сөйлем де бар.\n\nҮшінші сөйлемдегі сөз.',
      }),
      source,
    );
    expect(doc.completions).toContainEqual({ fold: 'казакстаннын', form: 'қазақстанның', stem: 'ъқазақстан' });
    expect(doc.completions).toContainEqual({ fold: 'министрлери', form: 'министрлері', stem: 'ъминистр' });
    expect(doc.completions).not.toContainEqual(expect.objectContaining({ fold: 'ушинши' })); // past the lead
    // Stored in the key code, the typed prefix's code first: «министрлері» is `ministrleri ministrler6i k7:`.
    expect(doc.terms).toContain('ministrleri ministrler6i k7:');
  });

  it('offers no head of a title compound as a word of its own: «премьер-министр» completes as премьер, not премьерминистр', () => {
    const doc = toDoc(article({ title: 'Премьер-министр выступил', lang: 'ru' }), source);
    const forms = (doc.completions as { form: string }[]).map((c) => c.form);
    expect(forms).toContain('премьер');
    expect(forms.some((f) => f.startsWith('премьерминистр') || f === 'министр')).toBe(false);
  });

  it('offers abbreviations as completions too (НАТО, ЛГБТ), never numbers', () => {
    const doc = toDoc(article({ title: 'НАТО саммиті 2024 жылы', lang: 'kk' }), source);
    expect(doc.completions).toContainEqual({ fold: 'нато', form: 'нато', stem: 'нато' });
    expect(doc.completions).not.toContainEqual(expect.objectContaining({ fold: '2024' }));
  });

  it('keeps the salient words: title and lead in sal_t, the words mentioned twice or more elsewhere in sal_m', () => {
    const doc = toDoc(
      article({
        lang: 'kk',
        title: 'Астанада кездесу өтті',
        body: [
          'Бірінші сөйлем. Екінші сөйлем.',
          'Мұнай бағасы туралы айтылды. Мұнай өндірісі де талқыланды.',
          'Ресей мен Ресейдің серіктестері, Ресей туралы. Жалғыз сөз бір рет. Дәл 2024 және 2024.',
        ].join('\n\n'),
      }),
      source,
    );
    const t = doc.sal_t.split(' ');
    const m = doc.sal_m.split(' ');
    expect(t).toContain('ъъъастана'); // a title word, by its fold key as a salient key
    expect(t).toContain('ъъъбиринш'); // the lead
    expect(m).toContain('zszzru'); // Russia named three times, by its entity token
    expect(m).toContain('ъъъмунаи'); // twice (й after a vowel keys as и, as Kazakh Latin «munaı» reads)
    expect(m.indexOf('zszzru')).toBeLessThan(m.indexOf('ъъъмунаи')); // the most mentioned first
    expect(m).not.toContain('ъъъжалгыз'); // once
    expect(m.some((k) => k.includes('2024'))).toBe(false); // numbers are not salient
    expect(m.some((k) => t.includes(k))).toBe(false); // each key once, in the better field
    // Every salient key is marked apart: no tier key can match one.
    const tierKeys = new Set(Object.entries(doc).flatMap(([f, v]) => (/_[xsf]$/.test(f) ? String(v).split(' ') : [])));
    for (const k of [...t, ...m]) expect(tierKeys.has(k)).toBe(false);
  });

  it('sorts by date, or by 1 January of the year when only the year is known', () => {
    expect(sortTimestamp('2024-07-04', 2024)).toBe(Date.UTC(2024, 6, 4) / 1000);
    expect(sortTimestamp(null, 2019)).toBe(Date.UTC(2019, 0, 1) / 1000);
    expect(sortTimestamp(null, null)).toBeNull();
  });
});
