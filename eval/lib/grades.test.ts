import { describe, expect, it } from 'vitest';
import { gradedRelevance, gradeOf, leadEnd } from './grades.js';
import { compileRule, type QuerySet } from './judgments.js';

const concepts: QuerySet['concepts'] = {};
const rule = compileRule(String.raw`\bсаммит\w*`, concepts);
const article = (title: string, body: string, lang = 'ru') => ({
  text: `${title}\n${body}`,
  titleLength: title.length,
  lang,
});
const filler = 'Погода была хорошей. Дороги открыты. Цены выросли.';

describe('gradeOf', () => {
  it.each([
    { name: 'in the title', a: article('Саммит в Астане', filler), expected: 3 },
    { name: 'in the lead (first two sentences)', a: article('Новости', `Вчера прошёл саммит. ${filler}`), expected: 3 },
    {
      name: 'in the second sentence of the body',
      a: article('Новости', `Вчера. Прошёл саммит. ${filler}`),
      expected: 3,
    },
    {
      name: 'in two sentences after the lead',
      a: article('Новости', `${filler} Саммит открылся. Дороги. На саммите решили.`),
      expected: 2,
    },
    { name: 'in one sentence after the lead', a: article('Новости', `${filler} Саммит открылся.`), expected: 1 },
    { name: 'twice in one sentence after the lead', a: article('Новости', `${filler} Саммит и саммиты.`), expected: 1 },
    { name: 'relevant without a rule match (include)', a: article('Новости', filler), expected: 1 },
  ])('$name → $expected', ({ a, expected }) => {
    expect(gradeOf(rule, a)).toBe(expected);
  });

  it('puts the lead after the title and the first two sentences of the body', () => {
    const a = article('Заголовок', 'Первое. Второе. Третье.');
    expect(a.text.slice(0, leadEnd(a))).toBe('Заголовок\nПервое. Второе.');
  });
});

describe('gradedRelevance', () => {
  it('grades exactly the relevant articles', () => {
    const set = { concepts, handJudged: { ids: ['seed'], note: '' } };
    const articles = [
      { id: 'a', title: 'Саммит', ...article('Саммит', filler), origin: 'record' as const, source: null },
      {
        id: 'b',
        title: 'Новости',
        ...article('Новости', `${filler} Саммит.`),
        origin: 'record' as const,
        source: null,
      },
      { id: 'c', title: 'Новости', ...article('Новости', filler), origin: 'record' as const, source: null },
      { id: 'seed', title: 'Новости', ...article('Новости', filler), origin: 'page' as const, source: null },
    ];
    const q = {
      id: 'q',
      category: 'ru-morphology' as const,
      q: 'саммит',
      rule: String.raw`\bсаммит\w*`,
      include: ['seed'],
      exclude: [],
      heldOut: false,
    };
    expect(Object.fromEntries(gradedRelevance(q, set, articles))).toEqual({ a: 3, b: 1, seed: 1 });
  });
});
