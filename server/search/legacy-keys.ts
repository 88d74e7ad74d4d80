import type { FederatedMultiSearchParams, Meilisearch, SearchResponse } from 'meilisearch';
import { decodeQuery } from '../../engine/index.js';

/**
 * A federated search, sent to an index that may still hold articles analyzed before the key code (engine/key-code.ts):
 * then each query goes twice, its keys in the code and as written before, so search goes on — whole — until
 * `npm run reindex` has analyzed every article again. An article holds one form or the other, so it matches one of
 * the two at most; hits name the query they were asked as (`_federation.queriesPosition`).
 */
export async function federatedMultiSearch<T extends Record<string, unknown>>(
  client: Meilisearch,
  params: FederatedMultiSearchParams,
  legacyKeys: boolean,
): Promise<SearchResponse<T>> {
  if (!legacyKeys) return client.multiSearch<FederatedMultiSearchParams, T>(params);
  const asked: number[] = [];
  const queries = params.queries.flatMap((query, i) => {
    const copies = query.q ? [query, { ...query, q: decodeQuery(query.q) }] : [query];
    for (const _ of copies) asked.push(i);
    return copies;
  });
  const res = await client.multiSearch<FederatedMultiSearchParams, T>({ ...params, queries });
  for (const hit of res.hits) {
    const federation = (hit as { _federation?: { queriesPosition?: number } })._federation;
    if (federation?.queriesPosition !== undefined) federation.queriesPosition = asked[federation.queriesPosition];
  }
  return res;
}
