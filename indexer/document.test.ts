import { describe, expect, it } from 'vitest';
import { sortTimestamp, toDocument } from './document.js';
import type { Article } from './types.js';

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

describe('toDocument', () => {
  it('keeps the original text and id, with a Meilisearch-safe key', () => {
    const doc = toDocument(article({ title: 'В Астане прошёл саммит ШОС', body: 'Текст на то и есть.' }));
    expect(doc.id).toBe('kazinform-qz/2024/x y');
    expect(doc.key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(doc.title).toBe('В Астане прошёл саммит ШОС');
  });

  it('writes aligned tiers without stopwords, marked by language, with entity tokens in every tier', () => {
    const doc = toDocument(article({ title: 'Саммит ШОС в Астане' }));
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
    const doc = toDocument(article({ body: 'Парламент обсудил Brexit.' }));
    expect(doc.body_f.split(' ')).toContain('zxbrkst');
  });

  it('sorts by date, or by 1 January of the year when only the year is known', () => {
    expect(sortTimestamp('2024-07-04', 2024)).toBe(Date.UTC(2024, 6, 4) / 1000);
    expect(sortTimestamp(null, 2019)).toBe(Date.UTC(2019, 0, 1) / 1000);
    expect(sortTimestamp(null, null)).toBeNull();
  });
});
