import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeQuery, analyzeWithEvidence } from '../analyzers/index.js';
import { planQuery } from '../server/search/plan.js';
import { toDocument } from './document.js';
import { extractItem, readInputFile } from './read.js';

// Every pass of the pipeline over a text goes through analyzeWithEvidence: counting its calls counts the passes.
vi.mock('../analyzers/analyze.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../analyzers/index.js')>();
  return { ...mod, analyzeWithEvidence: vi.fn(mod.analyzeWithEvidence) };
});
const passes = vi.mocked(analyzeWithEvidence);

const dir = mkdtempSync(join(tmpdir(), 'izde-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A function returned from beforeEach is a cleanup hook: return nothing.
beforeEach(() => {
  passes.mockClear();
});

describe('each text is analyzed once', () => {
  it.each([
    [
      'page.txt',
      'Саммит ШЫҰ Астанада өтті\n\n2024 жылғы 4 шілдеде Астанада ШЫҰ саммиті өтті. Қазақстан Президенті сөз сөйледі.',
    ],
    [
      'page.html',
      '<html lang="ru"><head><title>Саммит ШОС</title></head><body><h1>Саммит ШОС</h1><p>В Астане прошёл саммит ШОС, министры встретились.</p></body></html>',
    ],
    [
      'records.jsonl',
      `${JSON.stringify({ id: 'r1', title: 'Саммит ШОС', text: 'В Астане прошёл саммит Шанхайской организации сотрудничества.' })}\n`,
    ],
  ])('%s: extraction and the document share one analysis', async (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const kind = name.endsWith('.txt') ? 'text' : name.endsWith('.html') ? 'html' : 'jsonl';
    let articles = 0;
    for await (const item of readInputFile({ path, kind, bytes: content.length })) {
      if (item.kind === 'problem') throw new Error(item.problem.reason);
      const article = extractItem(item);
      const doc = toDocument(article, { origin: item.origin, hash: item.hash }, article.analysis);
      expect(doc.org.length + doc.title_s.length).toBeGreaterThan(0);
      articles++;
    }
    expect(articles).toBe(1);
    expect(passes).toHaveBeenCalledTimes(1);
  });

  it('a query: one pass serves the plan of whole words and the prefix plan', () => {
    const analysis = analyzeQuery('ШОС саммиті');
    planQuery(analysis);
    planQuery(analysis, { prefix: true });
    expect(passes).toHaveBeenCalledTimes(1);
  });
});
