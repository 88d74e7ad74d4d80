/**
 * The HTTP client of the page. Failures become an ApiFailure whose `kind` says what the reader should see:
 * the engine or the network is down (retry by itself), rate-limited (retry later), a bad request, or not found.
 */
import type { ArticleResponse, SearchResponse, SuggestResponse } from './api-types.js';

export type FailureKind = 'unavailable' | 'rate-limited' | 'bad-request' | 'not-found' | 'other';

export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

export function failureKind(status: number): FailureKind {
  if (status === 429) return 'rate-limited';
  if (status === 404) return 'not-found';
  if (status === 400) return 'bad-request';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'other';
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiFailure('unavailable', 0, 'network error');
  }
  if (res.ok) return (await res.json()) as T;
  let message = res.statusText;
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // not JSON (a proxy's error page): keep the status text
  }
  throw new ApiFailure(failureKind(res.status), res.status, message);
}

export const searchApi = (query: string, signal?: AbortSignal) =>
  getJson<SearchResponse>(`/api/search?${query}`, signal);

export const suggestApi = (q: string, signal?: AbortSignal) =>
  getJson<SuggestResponse>(`/api/suggest?${new URLSearchParams({ q, limit: '8' })}`, signal);

/** The whole article; `script` shows a Kazakh one in that script (see the search's `script`). */
export const articleApi = (id: string, signal?: AbortSignal, script?: string | null) =>
  getJson<ArticleResponse>(`/api/articles/${encodeURIComponent(id)}${script ? `?script=${script}` : ''}`, signal);
