import { describe, expect, it } from 'vitest';
import { clauseStart, escapeHtml, markHtml, mergeRanges, snippetHtml } from './highlight.js';

describe('escapeHtml / markHtml', () => {
  it('escapes everything but our marks', () => {
    const text = '<img src=x onerror=alert(1)> & "ШЫҰ"';
    const at = text.indexOf('ШЫҰ');
    const html = markHtml(text, [[at, at + 3]]);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;<mark>ШЫҰ</mark>&quot;');
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('escapes quotes and apostrophes', () => {
    expect(escapeHtml(`a'b"c`)).toBe('a&#39;b&quot;c');
  });
});

describe('mergeRanges', () => {
  it.each([
    [
      [
        [5, 8],
        [0, 3],
      ],
      [
        [0, 3],
        [5, 8],
      ],
    ],
    [
      [
        [0, 3],
        [2, 6],
      ],
      [[0, 6]],
    ],
    [
      [
        [0, 3],
        [3, 6],
      ],
      [[0, 6]],
    ],
    [[[4, 4]], []],
  ] as const)('%j → %j', (input, expected) => {
    expect(mergeRanges(input)).toEqual(expected);
  });
});

describe('snippetHtml', () => {
  const sentence = (i: number) => `Сөйлем ${i} осы жерде біраз сөзден тұрады.`;
  const text = `${Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ')} Соңында ШЫҰ туралы айтылды.`;

  it('returns short texts whole, marked', () => {
    expect(snippetHtml('Алматыда өтті', [[0, 8]])).toBe('<mark>Алматыда</mark> өтті');
  });

  it('crops around the best passage and marks the match', () => {
    const at = text.indexOf('ШЫҰ');
    const html = snippetHtml(text, [[at, at + 3]], { maxChars: 120 });
    expect(html).toContain('<mark>ШЫҰ</mark>');
    expect(html.startsWith('… ')).toBe(true);
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(130);
  });

  it('prefers the window with more distinct matched words', () => {
    const t = `Алфа бета. ${'толтырма сөз '.repeat(30)}Гамма және Дельта бірге.`;
    const g = t.indexOf('Гамма');
    const d = t.indexOf('Дельта');
    const html = snippetHtml(
      t,
      [
        [0, 4],
        [g, g + 5],
        [d, d + 6],
      ],
      { maxChars: 80 },
    );
    expect(html).toContain('<mark>Гамма</mark>');
    expect(html).toContain('<mark>Дельта</mark>');
  });

  it('starts at the text when nothing matched, cut at a word boundary', () => {
    const html = snippetHtml(text, [], { maxChars: 60 });
    expect(html.startsWith('Сөйлем 0')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    const words = text.split(' ');
    const shown = html.slice(0, -2).split(' ');
    expect(words.slice(0, shown.length)).toEqual(shown);
  });

  it('never cuts inside a mark and never leaves an unclosed mark', () => {
    const at = text.indexOf('ШЫҰ');
    for (const maxChars of [40, 80, 200]) {
      const html = snippetHtml(text, [[at, at + 3]], { maxChars });
      expect(html.split('<mark>').length).toBe(html.split('</mark>').length);
    }
  });
});

describe('clauseStart', () => {
  it('finds the last clause start in the window', () => {
    const text = 'Когда делегации собрались, министры обсудили торговлю; затем — транзит';
    expect(text.slice(clauseStart(text, 0, text.length))).toBe('транзит');
    expect(clauseStart('без запятых вовсе', 0, 17)).toBe(-1);
  });
});
