import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze, analyzeArticle, analyzeQuery, analyzeWithEvidence } from '../analyzers/index.js';
import { planQuery } from '../server/search/plan.js';
import { toDocument } from './document.js';
import { extractItem } from './extract-item.js';
import { readInputFile } from './read.js';

// Every pass of the pipeline over a text goes through analyzeWithEvidence, or through analyze(), which calls it inside
// its own module (where a mock of the export does not reach): counting the calls of both counts the passes.
vi.mock('../analyzers/analyze.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../analyzers/index.js')>();
  return { ...mod, analyzeWithEvidence: vi.fn(mod.analyzeWithEvidence), analyze: vi.fn(mod.analyze) };
});
/** The texts analyzed since the last clear, one entry a pass. */
const passes = (): string[] =>
  [...vi.mocked(analyzeWithEvidence).mock.calls, ...vi.mocked(analyze).mock.calls].map(([text]) => text);

// The gazetteer's names are analyzed once, when entities are first looked for: that is done before counting.
beforeAll(() => {
  analyzeArticle('ШОС', 'Астанада саммит өтті.');
});
const dir = mkdtempSync(join(tmpdir(), 'izde-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A function returned from beforeEach is a cleanup hook: return nothing.
beforeEach(() => {
  vi.mocked(analyzeWithEvidence).mockClear();
  vi.mocked(analyze).mockClear();
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
    expect(passes()).toHaveLength(1);
  });

  // A page without a given title whose headline-like lines include a site's slogan: the headline is chosen by a
  // light comparison of words (extract/lead-words.ts), and the article — the headline chosen and the body — is
  // analyzed once.
  it.each(['kk-slogan.txt', 'ru-slogan-and-counter.txt'])('%s: the headline choice adds no pass', (name) => {
    const path = join('indexer/extract/fixtures/pages', name);
    const content = readFileSync(path, 'utf8');
    const article = extractItem({
      kind: 'page',
      format: 'text',
      text: content,
      id: name,
      where: path,
      origin: path,
      hash: '',
      bytes: content.length,
    });
    expect(content.startsWith(article.title)).toBe(false); // the slogan above was passed over
    expect(passes()).toEqual([`${article.title}\n\n${article.body}`]);
  });

  it('a query: one pass serves the plan of whole words and the prefix plan', () => {
    const analysis = analyzeQuery('ШОС саммиті');
    planQuery(analysis);
    planQuery(analysis, { prefix: true });
    expect(passes()).toHaveLength(1);
  });
});
