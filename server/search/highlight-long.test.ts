/**
 * Highlights of long articles: a hit is analyzed only for the words whose first letters can match the query's keys
 * (analyzers/key-initials.ts), and the paragraphs that hold them — every match the reader sees in the title and
 * snippet is still marked, as the whole article's analysis would mark it, wherever in the body it is.
 */
import { describe, expect, it } from 'vitest';
import { articlesServer, type TestHit } from '../articles-testing.js';

/** Russian filler sentences without the query words, each about 120 characters. */
const filler = (n: number, seed: string): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `Совещание номер ${i + 1} по теме ${seed} прошло в областном центре, участники обсудили дороги, школы и больницы.`,
  ).join(' ');

const RECORDS = [
  {
    id: 'early',
    title: 'Урожай пшеницы в области',
    text: `Фермеры собрали пшеницу раньше срока. ${filler(4, 'урожая')}\n\n${filler(12, 'дорог')}\n\n${filler(12, 'школ')} В конце года пшеница подорожала.`,
  },
  {
    id: 'late',
    title: 'Итоги года в районе',
    text: `${filler(10, 'бюджета')}\n\n${filler(14, 'транспорта')}\n\nВ конце года цены на пшеницу выросли, а экспорт зерна сократился.`,
  },
  {
    id: 'years',
    title: 'Юбилей завода',
    text: `${filler(10, 'юбилея')}\n\nЗавод работает уже 50 лет, и за эти годы он выпустил миллион станков.`,
  },
  {
    id: 'both-late',
    title: 'Новости экономики',
    text: `Экспорт вырос. ${filler(6, 'налогов')}\n\n${filler(14, 'связи')}\n\nЭкспорт пшеницы в Китай вырос вдвое за год.`,
  },
].map((r) => ({ ...r, lang: 'ru', date: '2025-01-01', source: 'test.kz', url: `https://test.kz/${r.id}` }));

const engine = articlesServer(RECORDS);
const hits = async (q: string): Promise<Map<string, TestHit>> =>
  new Map((await engine.search({ q })).hits.map((h) => [h.id, h]));

describe('highlights of long articles', () => {
  it('the bodies are long: most of their words cannot match', () => {
    for (const r of RECORDS) expect(r.text.length).toBeGreaterThan(1000);
  });

  it('a match at the start: title and snippet marked there', async () => {
    const early = (await hits('пшеница')).get('early');
    expect(early?.titleHtml).toBe('Урожай <mark>пшеницы</mark> в области');
    expect(early?.snippet).toMatch(/^Фермеры собрали <mark>пшеницу<\/mark> раньше срока\./u);
  });

  it('a match only at the end: the snippet is there', async () => {
    const late = (await hits('пшеница')).get('late');
    expect(late?.snippet).toContain('цены на <mark>пшеницу</mark> выросли');
  });

  it("another stem of the word's paradigm is marked too («лет» is a form of «год»)", async () => {
    const years = (await hits('год')).get('years');
    expect(years?.snippet).toContain('уже 50 <mark>лет</mark>, и за эти <mark>годы</mark>');
  });

  it('several words: the snippet is where they meet, far from the start', async () => {
    const both = (await hits('экспорт пшеницы')).get('both-late');
    expect(both?.snippet).toContain('<mark>Экспорт</mark> <mark>пшеницы</mark> в Китай');
  });
});
