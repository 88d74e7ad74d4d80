/** All hits of one query through izde's public API, every page (the evaluation counts every hit, not page one). */
export interface IzdeAnswer {
  ids: string[];
  titles: Map<string, string>;
  total: number;
  correction?: string;
  partial?: boolean;
}

interface SearchPage {
  total: number;
  hits: { id: string; title: string }[];
  correction?: { query: string };
  partial?: boolean;
}

const PAGE_SIZE = 100; // the contract's maximum `limit`

export async function izdeSearchAll(baseUrl: string, q: string, maxHits: number): Promise<IzdeAnswer> {
  const ids: string[] = [];
  const titles = new Map<string, string>();
  let first: SearchPage | undefined;
  // Pages until a short one; maxHits (the corpus size) bounds the loop should `total` ever disagree with the pages.
  for (let page = 1; (page - 1) * PAGE_SIZE < maxHits + PAGE_SIZE; page++) {
    const params = new URLSearchParams({ q, limit: String(PAGE_SIZE), page: String(page) });
    const res = await fetch(`${baseUrl}/api/search?${params}`);
    const text = await res.text();
    if (!res.ok) throw new Error(`GET /api/search?${params} answered ${res.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as SearchPage;
    first ??= body;
    for (const hit of body.hits) {
      if (!titles.has(hit.id)) ids.push(hit.id);
      titles.set(hit.id, hit.title);
    }
    if (body.hits.length < PAGE_SIZE || ids.length >= body.total) break;
  }
  return {
    ids,
    titles,
    total: first?.total ?? 0,
    ...(first?.correction ? { correction: first.correction.query } : {}),
    ...(first?.partial ? { partial: true } : {}),
  };
}

/** The first `limit` results of a query, in izde's order (what the first screen shows). */
export async function izdeTopIds(
  baseUrl: string,
  q: string,
  limit: number,
): Promise<{ ids: string[]; titles: Map<string, string> }> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  const res = await fetch(`${baseUrl}/api/search?${params}`);
  const text = await res.text();
  if (!res.ok) throw new Error(`GET /api/search?${params} answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as SearchPage;
  return { ids: body.hits.map((h) => h.id), titles: new Map(body.hits.map((h) => [h.id, h.title] as const)) };
}
