import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../analyzers/index.js';
import { type ArticleDocument, parseTermValue, waitForTask } from '../../engine/index.js';
import { toDocument } from '../../indexer/document.js';
import { decodedKeys } from '../../indexer/testing.js';
import type { Article } from '../../indexer/types.js';
import { startTestServer, type TestServer } from '../testing.js';

/**
 * An index built before the key code (engine/key-code.ts): its articles hold their keys as the analyzers make them.
 * Until `npm run reindex` has analyzed them again, search and completions must find them still — alone, and beside
 * articles indexed since, in the code.
 */
const OLD_VERSION = '2026.12.01-terms-short-9';

const article = (id: string, title: string, body: string): Article => ({
  id,
  title,
  body,
  date: '2024-05-01',
  year: 2024,
  dateSource: 'explicit',
  lang: 'kk',
  source: null,
  url: null,
  orgs: [],
});

/** A completion value as versions before the key code wrote it: `fold [form] mark shared:rest`. */
function rawValue(value: string): string {
  const t = parseTermValue(value);
  if (!t) throw new Error(`no value: ${value}`);
  const mark = /^[ъь]/u.test(t.stem) ? t.stem.slice(0, 1) : '';
  const rest = t.stem.slice(mark.length);
  let shared = 0;
  while (shared < t.form.length && t.form[shared] === rest[shared]) shared++;
  const code = `${mark}${shared}:${rest.slice(shared)}`;
  return t.form === t.fold ? `${t.fold} ${code}` : `${t.fold} ${t.form} ${code}`;
}

/** The document an analyzer version before the key code made of an article. */
function preCodeDocument(a: Article): ArticleDocument {
  const doc = decodedKeys(toDocument(a, { origin: 'api', hash: a.id }));
  return { ...doc, terms: doc.terms.map(rawValue), av: OLD_VERSION };
}

let server: TestServer;
const ids = (body: { hits: { id: string }[] }) => body.hits.map((h) => h.id).sort();
const add = async (docs: ArticleDocument[]) => {
  const index = server.gateway.admin.index(server.gateway.indexName);
  await waitForTask(server.gateway.admin, await index.addDocuments(docs), 'add test documents');
};

beforeAll(async () => {
  server = await startTestServer();
  await server.gateway.ensureIndex();
  await add([
    preCodeDocument(article('old/1', 'Министрлер кеңесі өтті', 'Үкімет отырысында министрлер есеп берді.')),
    preCodeDocument(article('old/2', 'Астанада көрме ашылды', 'Көрмеге министрлік өкілдері келді.')),
  ]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('an index built before the key code', () => {
  it('is found by search and completes while it is not re-analyzed', async () => {
    expect(ANALYZER_VERSION).not.toBe(OLD_VERSION);
    const res = await server.get(`/api/search?q=${encodeURIComponent('министрлердің')}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toContain('old/1');
    const typed = await server.get(`/api/search?q=${encodeURIComponent('көрм')}`);
    expect(ids(typed.body)).toContain('old/2');
    const suggest = await server.get(`/api/suggest?q=${encodeURIComponent('Мини')}`);
    expect(suggest.body.suggestions.map((s: { text: string }) => s.text)).toContain('Министрлер');
  });

  it('is found beside articles indexed since, in the code', async () => {
    await add([
      toDocument(article('new/1', 'Министрлер жаңа жоба ұсынды', 'Жоба туралы.'), { origin: 'api', hash: 'n' }),
    ]);
    const res = await server.get(`/api/search?q=${encodeURIComponent('министрлер')}`);
    expect(ids(res.body)).toEqual(['new/1', 'old/1']);
    const suggest = await server.get(`/api/suggest?q=${encodeURIComponent('мини')}`);
    const texts = suggest.body.suggestions.map((s: { text: string }) => s.text);
    expect(texts.filter((t: string) => t === 'министрлер')).toHaveLength(1); // one word, counted in both forms
  });
});
