import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wordKeys } from '../analyze.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(script: 'stem' | 'analyze', args: string[], input: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `analyzers/cli/${script}.ts`, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stem CLI', () => {
  it('prints exactly one line per input line, empty for empty, the term key for each word', () => {
    const words = ['Қазақстанның', '', 'министрлері', 'және', 'Qazaqstannyń', 'ТМД', '2025', 'іс-шара', '  '];
    const r = run('stem', ['--lang', 'kk'], `${words.join('\n')}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBe(words.length + 1);
    expect(lines[words.length]).toBe('');
    expect(lines[0]).toBe(wordKeys('Қазақстанның', 'kk').term);
    expect(lines[1]).toBe('');
    expect(lines[3]).toBe(wordKeys('және', 'kk', { keepStopwords: true }).term); // stopwords are not filtered
    expect(lines[4]).toBe(lines[0]); // Latin Kazakh is transliterated first
    expect(lines[5]).toBe('тмд');
    expect(lines[6]).toBe('2025');
    expect(lines[7]?.split(' ').length).toBe(2);
    expect(lines[8]).toBe('');
  });
  it('handles CRLF input and a last line without newline', () => {
    const r = run('stem', ['--lang=ru'], 'министров\r\nстраны');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${wordKeys('министров', 'ru').term}\n${wordKeys('страны', 'ru').term}\n`);
  });
  it.each([[[]], [['--lang']], [['--lang', 'en']], [['--lang', 'kk', '--x']]])('bad arguments %j → exit 2', (args) => {
    const r = run('stem', args, 'x\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lang|argument/u);
    expect(r.stdout).toBe('');
  });
});

describe('analyze CLI', () => {
  it('prints one JSON object per token with UTF-16 offsets; no term for stopwords', () => {
    const text = 'ТМД-ның және 😀 НАТО';
    const r = run('analyze', [], text);
    expect(r.code).toBe(0);
    const recs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recs.map((x) => x.surface)).toEqual(['ТМД', 'және', 'НАТО']);
    for (const x of recs) expect(text.slice(x.start as number, x.end as number)).toBe(x.surface);
    expect(recs[1]).not.toHaveProperty('term');
    expect(recs[0]).toMatchObject({ term: 'тмд', lang: 'kk', kind: 'abbr' });
  });
  it('bad --lang → exit 2', () => {
    const r = run('analyze', ['--lang', 'de'], 'x');
    expect(r.code).toBe(2);
  });
});
