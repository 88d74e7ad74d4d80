/**
 * Work the analyzers do once, on their first use, done before the server listens: the gazetteer's name patterns are
 * compiled (about a second on a 2-core machine) and the Russian, Kazakh and Kazakh Latin pipelines run once, so the
 * first reader's keystrokes after a start are answered as fast as the later ones (without it the first search took
 * 1.8 s on the news corpus). A few short texts, no I/O; the word caches keep only their words. Then a few searches
 * through the engine (warmUpSearch).
 */
import { searchParamsSchema, suggestParamsSchema } from './params.js';
import { analyzeArticleForHighlight, analyzeArticleForKeys, highlightInitials } from './search/match.js';
import { planQuery } from './search/plan.js';
import type { SearchService } from './search/service.js';

const SAMPLES: readonly { title: string; body: string }[] = [
  {
    title: 'Президент Казахстана встретился с министрами',
    body: 'В Астане прошло заседание правительства. Обсуждались выборы, санкции и поставки нефти в Европейский союз.',
  },
  {
    title: 'Қазақстан Президенті министрлермен кездесті',
    body: 'Астанада Үкімет отырысы өтті. Өзбекстанмен ынтымақтастық пен ШЫҰ саммиті талқыланды.',
  },
  {
    title: 'Qazaqstan Prezıdenti mınıstrlermen kezdesti',
    body: 'Astanada Úkimet otyrysy ótti. Ózbekstanmen yntymaqtastyq jáne BUU jumysy talqylandy.',
  },
];

const QUERIES = ['Қазақстан', 'выборы в США', 'Qazaqstan', 'ШОС', 'казакстан', 'Тоқ', 'выборы', 'министрлер'];

/** Runs the analyzers once on every path a search takes; returns the milliseconds it took. */
export function warmUpAnalyzers(): number {
  const started = performance.now();
  for (const { title, body } of SAMPLES) analyzeArticleForHighlight(title, body);
  for (const q of QUERIES) {
    const initials = highlightInitials(planQuery(q).keys);
    if (initials) for (const { title, body } of SAMPLES) analyzeArticleForKeys(title, body, initials);
  }
  return performance.now() - started;
}

/**
 * Words a reader's first searches are likely to resemble (a Kazakh word whole and half typed, Kazakh Latin, Russian),
 * none of them in the typing benchmark's list, so the benchmark's first query is not answered from a cache.
 */
const SEARCH_WARM_UP: readonly string[] = ['білім', 'мекте', 'bilim', 'погода'];

/**
 * The first searches after a start cost the engine and the search path 100–150 ms more than later ones (on 100k
 * articles: cold index pages, the planner's and the suggester's first engine requests). A few searches before the
 * server listens pay that instead of the first reader. Never fails the start: an engine that is down or an index
 * that is empty answers quickly or is given up after `timeoutMs`.
 */
export async function warmUpSearch(
  search: Pick<SearchService, 'search' | 'suggest'>,
  timeoutMs = 3_000,
): Promise<{ ms: number; completed: boolean }> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const work = (async () => {
    for (const q of SEARCH_WARM_UP) {
      if (signal.aborted) return false;
      await Promise.all([
        search.search(searchParamsSchema.parse({ q }), { fresh: true, signal }),
        search.suggest(suggestParamsSchema.parse({ q })),
      ]);
    }
    return true;
  })().catch(() => false);
  const timedOut = new Promise<boolean>((resolve) =>
    signal.addEventListener('abort', () => resolve(false), { once: true }),
  );
  const completed = await Promise.race([work, timedOut]);
  return { ms: performance.now() - started, completed };
}
