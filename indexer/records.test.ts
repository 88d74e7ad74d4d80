import { describe, expect, it } from 'vitest';
import { parseRecord } from './records.js';

describe('parseRecord', () => {
  it('accepts the contract fields and keeps unknown ones', () => {
    const r = parseRecord({ id: 7, text: 'Мәтін', topic: 'x' });
    expect(r).toEqual({ ok: true, record: { id: '7', text: 'Мәтін', topic: 'x' } });
  });

  it('accepts a record whose text is empty when it has a title (a headline-only scrape)', () => {
    expect(parseRecord({ title: 'Пилоты объявили забастовку', text: '' }).ok).toBe(true);
  });

  it.each([
    [{ title: 'Без текста' }, /text/],
    [{ text: '   ' }, /empty/],
    [{ text: 42 }, /text/],
    [['not', 'an', 'object'], /JSON object/],
    [null, /JSON object/],
  ])('rejects %j with a reason', (value, reason) => {
    const r = parseRecord(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
