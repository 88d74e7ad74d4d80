import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  compilePattern,
  compileRule,
  DEFAULT_QUERY_SET,
  loadQuerySet,
  parseQuerySet,
  type QuerySet,
  type Rule,
  relevantIds,
  selectQueries,
  sentenceSpans,
  withoutFurniture,
} from './judgments.js';

const test = (pattern: string, text: string, caseSensitive = false) =>
  compilePattern(pattern, caseSensitive).test(text);

describe('compilePattern', () => {
  it.each([
    { pattern: String.raw`\bмэй\b`, text: 'план Терезы Мэй.', expected: true },
    { pattern: String.raw`\bмэй\b`, text: 'Мэйсон', expected: false },
    { pattern: String.raw`\bмэй\b`, text: 'Каммэй', expected: false },
    { pattern: String.raw`\bшос\b`, text: 'ШОС-тың', expected: true },
    { pattern: String.raw`\bбрюссел\w*`, text: 'в Брюсселе', expected: true },
    { pattern: String.raw`\bqytaı\w*\b`, text: 'Qytaıdyń', expected: true },
    { pattern: String.raw`\bQR\b(?!-kod)`, text: 'QR-kod', expected: false },
    { pattern: String.raw`\bQR\b(?!-kod)`, text: 'QR Prezıdenti', expected: true },
    { pattern: String.raw`\bQR\b(?!-kod)`, text: 'QRS', expected: false },
    { pattern: String.raw`a\\b`, text: 'a\\b', expected: true }, // an escaped backslash stays a backslash
  ])('$pattern on «$text» → $expected', ({ pattern, text, expected }) => {
    expect(test(pattern, text)).toBe(expected);
  });

  it('is case-insensitive unless asked', () => {
    expect(test(String.raw`\bНАТО\b`, 'на то')).toBe(false);
    expect(test(String.raw`\bнато\b`, 'НАТО')).toBe(true);
    expect(test(String.raw`\bНАТО\b`, 'нато', true)).toBe(false);
  });
});

describe('sentenceSpans', () => {
  it('splits after . ! ? … and at line breaks, with offsets into the text', () => {
    const text = 'Саммит ШОС прошёл. В Астане!\nНовая строка';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => s.text)).toEqual(['Саммит ШОС прошёл.', 'В Астане!', 'Новая строка']);
    for (const s of spans) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});

describe('withoutFurniture', () => {
  it('drops the sentences a pattern matches and keeps the rest', () => {
    const furniture = [compilePattern(String.raw`\bподписывайтесь\s+на\b`, false)];
    const text = 'Брексит отложен. Подписывайтесь на наш канал в Telegram. Конец.';
    expect(withoutFurniture(text, furniture)).toBe('Брексит отложен.\nКонец.');
  });
});

const concepts: QuerySet['concepts'] = {
  SCO: { rule: { any: [{ cs: String.raw`\bШОС\b` }, String.raw`\bshanha[ıi]\s+yntymaq\w*`] } },
  LOOP: { rule: { ref: 'LOOP' } },
};
const art = (text: string, lang: string | null = 'ru') => ({ text, lang });

describe('compileRule', () => {
  it.each<{ name: string; rule: Rule; text: string; lang?: string; expected: boolean }>([
    { name: 'a concept by reference', rule: { ref: 'SCO' }, text: 'саммит ШОС', expected: true },
    { name: 'all', rule: { all: ['саммит', { ref: 'SCO' }] }, text: 'ШОС. Саммит', expected: true },
    { name: 'not', rule: { not: 'саммит' }, text: 'ШОС', expected: true },
    {
      name: 'sentence: both in one sentence',
      rule: { sentence: ['саммит', { ref: 'SCO' }] },
      text: 'Саммит ШОС прошёл.',
      expected: true,
    },
    {
      name: 'sentence: in different sentences',
      rule: { sentence: ['саммит', { ref: 'SCO' }] },
      text: 'Саммит прошёл. ШОС растёт.',
      expected: false,
    },
    { name: 'lang kk covers kk-Latn', rule: { lang: ['kk'] }, text: '', lang: 'kk-Latn', expected: true },
    { name: 'lang kk does not cover ru', rule: { lang: ['kk'] }, text: '', lang: 'ru', expected: false },
    { name: 'lang kk-Latn does not cover kk', rule: { lang: ['kk-Latn'] }, text: '', lang: 'kk', expected: false },
  ])('$name', ({ rule, text, lang, expected }) => {
    expect(compileRule(rule, concepts).test(art(text, lang ?? 'ru'))).toBe(expected);
  });

  it('shows where a rule matched', () => {
    const spans = compileRule({ sentence: ['саммит', { ref: 'SCO' }] }, concepts).matches(art('Итоги. Саммит ШОС.'));
    expect(spans).toEqual([
      { index: 7, length: 6 },
      { index: 14, length: 3 },
    ]);
  });

  it.each([
    { name: 'an unknown concept', rule: { ref: 'NOPE' } },
    { name: 'a concept that refers to itself', rule: { ref: 'LOOP' } },
  ])('refuses $name', ({ rule }) => {
    expect(() => compileRule(rule, concepts)).toThrow();
  });
});

describe('relevantIds', () => {
  const set = { concepts, handJudged: { ids: ['seed'], note: '' } };
  const articles = [
    { id: 'a', title: '', text: 'саммит ШОС', titleLength: 0, origin: 'record' as const, lang: 'ru', source: null },
    { id: 'b', title: '', text: 'ничего', titleLength: 0, origin: 'record' as const, lang: 'ru', source: null },
    { id: 'seed', title: '', text: 'ШОС', titleLength: 0, origin: 'page' as const, lang: 'kk', source: null },
    { id: 'c', title: '', text: 'ШОС', titleLength: 0, origin: 'record' as const, lang: 'ru', source: null },
  ];
  const query = (extra: object) => ({
    id: 'q',
    category: 'cross-lingual' as const,
    q: 'ШОС',
    rule: { ref: 'SCO' },
    include: [],
    exclude: [],
    heldOut: false,
    ...extra,
  });

  it('applies the rule, but never to hand-judged articles', () => {
    expect([...relevantIds(query({}), set, articles)].sort()).toEqual(['a', 'c']);
  });

  it('adds include and removes exclude', () => {
    expect([...relevantIds(query({ include: ['seed', 'b'], exclude: ['c'] }), set, articles)].sort()).toEqual([
      'a',
      'b',
      'seed',
    ]);
  });

  it('selects nothing with a null rule but the included ids', () => {
    expect([...relevantIds(query({ rule: null, include: ['b'] }), set, articles)]).toEqual(['b']);
  });
});

describe('the shipped query set (eval/queries.json)', () => {
  const set = loadQuerySet(DEFAULT_QUERY_SET);

  it('has at least 60 queries and at least 6 in every category', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(60);
    for (const c of CATEGORIES) expect(set.queries.filter((q) => q.category === c).length, c).toBeGreaterThanOrEqual(6);
  });

  it('includes by hand only hand-judged articles', () => {
    const hand = new Set(set.handJudged.ids);
    for (const q of set.queries) for (const id of q.include) expect(hand.has(id), `${q.id}: ${id}`).toBe(true);
  });

  // A Latin look-alike inside a Cyrillic word (or the reverse) would silently never match.
  const mixedScript = (s: string) =>
    s
      .replace(/\[[^\]]*\]|\\[pP]\{[^}]*\}|\\[a-zA-Z]/gu, ' ') // classes like [іi] mix scripts on purpose
      .match(/\p{L}+/gu)
      ?.filter((w) => /\p{Script=Cyrillic}/u.test(w) && /\p{Script=Latin}/u.test(w)) ?? [];

  it.each(set.queries.filter((q) => q.category !== 'wrong-layout').map((q) => [q.id, q.q]))(
    '%s: «%s» is one script per word',
    (_id, q) => {
      expect(mixedScript(q)).toEqual([]);
    },
  );

  it('writes every pattern one script per word', () => {
    const patterns: string[] = [];
    const walk = (r: Rule): void => {
      if (typeof r === 'string') patterns.push(r);
      else if ('cs' in r) patterns.push(r.cs);
      else if ('all' in r) r.all.forEach(walk);
      else if ('any' in r) r.any.forEach(walk);
      else if ('sentence' in r) r.sentence.forEach(walk);
      else if ('not' in r) walk(r.not);
    };
    for (const c of Object.values(set.concepts)) walk(c.rule);
    for (const q of set.queries) if (q.rule) walk(q.rule);
    expect(patterns.flatMap(mixedScript)).toEqual([]);
  });

  // ЙЦУКЕН on the Latin keys, and the Kazakh layout's letters on the digit row.
  const RU = 'йцукенгшщзхъфывапролджэячсмитьбю';
  const EN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
  const KK_DIGITS: Record<string, string> = {
    '2': 'ә',
    '3': 'і',
    '4': 'ң',
    '5': 'ғ',
    '8': 'ү',
    '9': 'ұ',
    '0': 'қ',
    '-': 'ө',
    '=': 'һ',
  };
  const onRussianLayout = (s: string) => [...s].map((ch) => KK_DIGITS[ch] ?? RU[EN.indexOf(ch)] ?? ch).join('');
  const onLatinLayout = (s: string) => [...s].map((ch) => EN[RU.indexOf(ch)] ?? ch).join('');

  it.each(set.queries.filter((q) => q.category === 'wrong-layout').map((q) => [q.id, q.q, q.meaning ?? '']))(
    '%s: «%s» is «%s» typed on the wrong layout',
    (_id, q, meaning) => {
      expect([onRussianLayout(q), onLatinLayout(q)]).toContain(meaning);
    },
  );

  it('refuses a set with a bad regex or a duplicate id', () => {
    const base = JSON.parse(JSON.stringify(set)) as QuerySet;
    expect(() => parseQuerySet({ ...base, queries: [...base.queries, base.queries[0]] })).toThrow(/twice/u);
    expect(() => parseQuerySet({ ...base, queries: [{ ...base.queries[0]!, rule: '(' }] })).toThrow();
  });

  it('selects by category and by id or text', () => {
    expect(
      selectQueries(set.queries, { categories: ['furniture'], queries: [] }).every((q) => q.category === 'furniture'),
    ).toBe(true);
    const first = set.queries[0]!;
    expect(selectQueries(set.queries, { categories: [], queries: [first.q] })[0]?.id).toBe(first.id);
    expect(() => selectQueries(set.queries, { categories: ['nope'], queries: [] })).toThrow(/unknown category/u);
  });
});
