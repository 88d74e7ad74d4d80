import { describe, expect, it } from 'vitest';
import { extractFromRecord, extractFromText } from './article.js';
import { withCharacters } from './char-refs.js';

describe('withCharacters: character references left in plain text', () => {
  it.each([
    ['глава МИД ФРГ назвал &quot;Северный поток-2&quot; проектом', 'глава МИД ФРГ назвал "Северный поток-2" проектом'],
    ['&laquo;Қазақстан&raquo; &#8212; &#x41a;', '«Қазақстан» — К'],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['AT&T и R&D', 'AT&T и R&D'], // no reference: left as it is
    ['&amp без точки с запятой', '&amp без точки с запятой'], // incomplete: left as it is
    ['обычный текст', 'обычный текст'],
  ])('%j → %j', (text, expected) => {
    expect(withCharacters(text)).toBe(expected);
  });
});

describe('records and .txt pages are read with their character references decoded', () => {
  const text =
    'Глава МИД Германии заявил, что &quot;Северный поток-2&quot; не является особым путём.\n\nВстреча прошла в Берлине.';

  it('a record: its text and title', () => {
    const a = extractFromRecord({ title: 'Маас о &quot;Северном потоке-2&quot;', text }, { id: 'r' });
    expect(a.title).toBe('Маас о "Северном потоке-2"');
    expect(a.body).toContain('что "Северный поток-2" не является');
    expect(a.body).not.toContain('&quot;');
  });

  it('a .txt page', () => {
    const a = extractFromText(`Маас о &quot;Северном потоке-2&quot;\n\n${text}`, { id: 't' });
    expect(`${a.title}\n${a.body}`).not.toContain('&quot;');
  });
});
