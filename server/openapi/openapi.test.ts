/**
 * The OpenAPI document: valid OpenAPI 3.1 (the official schema, via @seriousme/openapi-schema-validator), every
 * schema in it valid JSON Schema 2020-12 (Ajv), each documented query parameter probed at and past its documented
 * bounds against the real server (the document and the parser agree), and real answers of every route valid against
 * the document's answer schemas.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleParamsSchema, searchParamsSchema, suggestParamsSchema } from '../params.js';
import { startTestServer, type TestServer } from '../testing.js';
import { openApiDocument } from './document.js';
import type { JsonSchema } from './parameters.js';

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: JsonSchema & { items?: JsonSchema };
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
const doc = openApiDocument() as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};
const DOC_ID = 'https://izde.invalid/openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: DOC_ID, components: doc.components });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ indexIfEmpty: ['data/articles', 'server/fixtures'] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const SEED = '000_e8a1e4d83fa26186';

describe('the document', () => {
  it('is served at /api/openapi.json', async () => {
    const res = await server.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  const schemas = [
    ...Object.entries(doc.components.schemas).map(([id, s]) => [`components/${id}`, s] as const),
    ...Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.values(ops).flatMap((op) => (op.parameters ?? []).map((p) => [`${path} ${p.name}`, p.schema] as const)),
    ),
  ];
  it.each(schemas)('%s is a valid JSON Schema 2020-12', (_name, schema) => {
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it.each([
    ['/api/search', searchParamsSchema],
    ['/api/suggest', suggestParamsSchema],
    ['/api/articles/{id}', articleParamsSchema],
  ] as const)('%s documents exactly the parameters its parser reads', (path, schema) => {
    const documented = (doc.paths[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(documented).toEqual(Object.keys(schema.shape));
  });
});

/** Requests derived from each documented query parameter's schema: what it accepts, and just past it. */
function probes(): [string, string, number][] {
  const rows: [string, string, number][] = [];
  const url = (path: string, name: string, values: (string | number)[]) =>
    `${path.replace('{id}', SEED)}?${values.map((v) => `${name}=${encodeURIComponent(String(v))}`).join('&')}`;
  for (const path of ['/api/search', '/api/suggest', '/api/articles/{id}']) {
    for (const p of doc.paths[path]?.get?.parameters ?? []) {
      if (p.in !== 'query') continue;
      const repeatable = p.schema.type === 'array';
      const s = (repeatable ? p.schema.items : p.schema) ?? {};
      const ok = (v: (string | number)[]) =>
        rows.push([`${p.name} accepts ${v.join(', ')}`, url(path, p.name, v), 200]);
      const bad = (v: (string | number)[]) =>
        rows.push([`${p.name} refuses ${v.join(', ')}`, url(path, p.name, v), 400]);
      const values: (string | number)[] = [];
      if (s.type === 'integer') {
        const min = Number(s.minimum);
        const max = Number(s.maximum);
        values.push(min, max);
        bad([min - 1]);
        bad([max + 1]);
        bad(['1.5']);
        bad(['x']);
      } else if (Array.isArray(s.enum)) {
        values.push(...(s.enum as string[]));
        bad(['nonsense']);
      } else if (s.pattern === '^(?:\\d{4}|none)$') {
        values.push('2024', 'none');
        bad(['24']);
      } else if (s.type === 'string') {
        if (typeof s.maxLength === 'number') {
          values.push('ы'.repeat(s.maxLength));
          bad(['ы'.repeat(s.maxLength + 1)]);
        }
        if (s.minLength === 1) bad(['']);
        values.push('ШОС');
      }
      for (const v of values) ok([v]);
      const first = values[0];
      if (first !== undefined) (repeatable ? ok : bad)([first, first]);
    }
  }
  return rows;
}

describe('the documented parameters are the parser’s', () => {
  it.each(probes())('%s (%s) → %i', async (_what, path, status) => {
    const res = await server.get(path);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 400) expect(res.body.error.code).toBe('BAD_PARAMETER');
  });

  it('the documented defaults are what the search answers with', async () => {
    const params = doc.paths['/api/search']?.get?.parameters ?? [];
    const fallback = (name: string) => params.find((p) => p.name === name)?.schema.default;
    const res = await server.get('/api/search');
    expect(res.body).toMatchObject({ page: fallback('page'), limit: fallback('limit'), query: fallback('q') });
  });
});

/** The schema a route documents for an answer of this status. */
function documented(path: string, method: string, status: number): ReturnType<typeof ajv.compile> {
  const ref = doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema.$ref;
  if (!ref) throw new Error(`${method} ${path} documents no JSON answer for ${status}`);
  const validate = ajv.getSchema(`${DOC_ID}${ref}`);
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate;
}

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

describe('real answers match the documented schemas', () => {
  it.each([
    ['/api/search', '/api/search?q=%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD'],
    ['/api/search', '/api/search?q=%D0%A8%D0%9E%D0%A1&org=SCO&year=2024&year=none&sort=date_desc&script=latn'],
    ['/api/search', '/api/search?q=rfpf%5Bcnfy'],
    ['/api/search', '/api/search?q=%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD%20xyzzyq'],
    ['/api/search', '/api/search?year_from=2020&year_to=2025&page=2&limit=3'],
    ['/api/suggest', '/api/suggest?q=%D2%9A%D0%B0%D0%B7'],
    ['/api/articles/{id}', `/api/articles/${SEED}?script=latn`],
    ['/api/health', '/api/health'],
    ['/meili/indexes/{uid}/search', '/meili/indexes/articles/search?q=%D0%A8%D0%9E%D0%A1&facets=org,year'],
  ])('GET %s (%s)', async (path, url) => {
    const res = await server.get(url);
    expect(res.status).toBe(200);
    const validate = documented(path, 'get', 200);
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it('an answer with a field missing, mistyped or undocumented is refused (the check can fail)', async () => {
    const validate = documented('/api/search', 'get', 200);
    const { body } = await server.get('/api/search?q=%D0%A8%D0%9E%D0%A1');
    expect(validate(body)).toBe(true);
    const { noYear: _, ...missing } = body;
    expect(validate(missing)).toBe(false);
    expect(validate({ ...body, total: '3' })).toBe(false);
    expect(validate({ ...body, extra: 1 })).toBe(false);
    expect(validate({ ...body, hits: [{ ...body.hits[0], score: 1 }] })).toBe(false);
  });

  it('the search answers carry what the document says about them', async () => {
    const alternatives = await server.get(
      '/api/search?q=%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD%20xyzzyq',
    );
    expect(alternatives.body.alternatives).toBeDefined();
    const corrected = await server.get('/api/search?q=rfpf%5Bcnfy');
    expect(corrected.body.correction).toMatchObject({ reason: 'keyboard-layout' });
  });

  it.each([
    ['/api/search', '/api/search?limit=101', 400],
    ['/api/articles/{id}', '/api/articles/no-such-article', 404],
  ])('GET %s error (%s)', async (path, url, status) => {
    const res = await server.get(url);
    expect(res.status).toBe(status);
    const validate = documented(path, 'get', status);
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['/meili/indexes/{uid}/search', '/meili/indexes/articles/search', { q: 'ШОС', hitsPerPage: 2, page: 1 }, 200],
    ['/meili/indexes/{uid}/search', '/meili/indexes/articles/search', { q: 'ШОС', limit: 500 }, 400],
    ['/meili/indexes/{uid}/search', '/meili/indexes/nope/search', { q: 'ШОС' }, 404],
    ['/meili/indexes/{uid}/facet-search', '/meili/indexes/articles/facet-search', { facetName: 'org' }, 200],
    [
      '/meili/multi-search',
      '/meili/multi-search',
      {
        queries: [
          { indexUid: 'articles', q: 'ШОС' },
          { indexUid: 'articles', q: 'Қазақстан', facets: ['lang'] },
        ],
      },
      200,
    ],
    [
      '/meili/multi-search',
      '/meili/multi-search',
      {
        federation: { limit: 5, facetsByIndex: { articles: ['org'] } },
        queries: [
          { indexUid: 'articles', q: 'ШОС' },
          { indexUid: 'articles', q: 'саммит' },
        ],
      },
      200,
    ],
  ])('POST %s (%j → %i)', async (path, url, body, status) => {
    const res = await post(url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const validate = documented(path, 'post', status);
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
  });
});
