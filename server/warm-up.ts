/**
 * Work the analyzers do once, on their first use, done before the server listens: the gazetteer's name patterns are
 * compiled (about a second on a 2-core machine) and the Russian, Kazakh and Kazakh Latin pipelines run once, so the
 * first reader's keystrokes after a start are answered as fast as the later ones (without it the first search took
 * 1.8 s on the news corpus). A few short texts, no I/O; the word caches keep only their words.
 */
import { analyzeArticleForHighlight, analyzeArticleForKeys, highlightInitials } from './search/match.js';
import { planQuery } from './search/plan.js';

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
