import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeKey, encodeKey, Gateway, passageField, TIER_FIELDS, waitForTask } from '../../engine/index.js';
import { typoMatch } from './match.js';

/**
 * The highlighter's typo rule (match.ts) against the real engine with izde's index settings: for every query key and
 * every indexed fold key, the engine matches by one typo exactly when typoMatch says so. Keys are written the way the
 * index holds them: a language mark «ъ», then the folded stem, in the key code (engine/key-code.ts).
 */
const LONG = 'ъхабарлаганымыздай'; // 18 characters: long enough for one typo under the settings
const INDEXED = [
  'ъкабарлаганымыздай', // the word's own first letter changed (the mark stays first)
  'ьхабарлаганымыздай', // the mark changed: a first-character typo counts two
  'ъхабралаганымыздай', // two letters swapped
  'ъхабарлаганымыздайы', // one letter more
  'ъхабарлаганымызда', // one letter less
  'ъкабарлаганымыздаы', // two letters changed
  'ъхабарлаганымызды', // 17 characters, one letter from the next query
  'ъйабарлаганымызды', // 17 letters with «й», one letter from the next query
  'ъхабарлаганымыздаи', // «й» written «и»: one letter changed
  'ъкарсылык', // қарсылық (resistance), one folded letter from қаржылық (financial)
  'ъкурастыр', // құрастыр- (to compile), one folded letter from қарастыр- (to consider)
];
const QUERIES = [LONG, 'ъхабарлаганымызда', 'ъйабарлаганымызда', 'ъкаржылык', 'ъкарастыр'];
const FOLD_BODY = passageField(0, 'fold');

let dir: string;
let gateway: Gateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'izde-typo-'));
  gateway = await Gateway.open({
    config: { url: undefined, masterKey: undefined, dataDir: join(dir, 'meili'), indexName: 'articles' },
    log: () => {},
  });
  await gateway.ensureIndex();
  // Every term field present (empty), the key in the fold tier's body field.
  const empty = Object.fromEntries(Object.values(TIER_FIELDS).flatMap((f) => f.map((name) => [name, ''])));
  const docs = INDEXED.map((k, i) => ({
    ...empty,
    key: `k${i}`,
    id: `k${i}`,
    title: '',
    body: '',
    [FOLD_BODY]: encodeKey(k),
  }));
  await waitForTask(gateway.admin, await gateway.admin.index('articles').addDocuments(docs), 'add test documents');
});

afterAll(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('typo tolerance on the fold tier: the highlighter mirrors the engine', () => {
  it.each(QUERIES)('«%s»', async (q) => {
    const res = await gateway.admin.index('articles').search(`${encodeKey(q)} `, {
      attributesToSearchOn: [...TIER_FIELDS.fold],
      limit: 100,
      attributesToRetrieve: [FOLD_BODY],
    });
    const engine = res.hits.map((h) => decodeKey(String(h[FOLD_BODY]))).sort();
    const mirror = INDEXED.filter((k) => k === q || typoMatch(q, k)).sort();
    expect(mirror).toEqual(engine);
  });

  it('joins no two different Kazakh words of eight letters (the keys are too short for a typo)', () => {
    expect(typoMatch('ъкаржылык', 'ъкарсылык')).toBe(false);
    expect(typoMatch('ъкарастыр', 'ъкурастыр')).toBe(false);
  });
});
