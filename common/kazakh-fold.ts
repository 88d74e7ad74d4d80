/**
 * The Kazakh-only letters and the Russian letters people type instead on a Russian keyboard. The index's fold tier
 * (analyzers/kk/fold.ts) and the page's facet value search (web/src/facet-search.ts) both fold with this table.
 */
export const KAZAKH_FOLD: Readonly<Record<string, string>> = {
  қ: 'к',
  ғ: 'г',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  і: 'и',
  ә: 'а',
  һ: 'х',
};
