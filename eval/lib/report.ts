import { fixed, printTable } from '../../bench/lib/table.js';
import { CATEGORIES, type QuerySpec } from './judgments.js';
import { meanScores, type QueryOutcome, type Scores } from './metrics.js';

/** One query's result for both systems, as the report and the JSON file hold it. */
export interface QueryResult {
  query: QuerySpec;
  relevant: number;
  /** `ms`: wall time of all of izde's pages for this query. */
  izde: QueryOutcome & { hits: number; ms: number; correction?: string; partial?: boolean };
  plain: QueryOutcome & { hits: number; ms: number };
}

/** The goals the search is tuned towards (brief F): what "good enough" means, printed beside the figures. */
export const GOALS = { recall: 0.95, precision: 0.9, categoryRecall: 0.9 } as const;

export interface SummaryRow {
  category: string;
  n: number;
  izde: Scores;
  plain: Scores;
}

export function summarize(results: readonly QueryResult[]): SummaryRow[] {
  const row = (category: string, rs: readonly QueryResult[]): SummaryRow => {
    const izde = meanScores(rs.map((r) => r.izde));
    return { category, n: izde.n, izde, plain: meanScores(rs.map((r) => r.plain)) };
  };
  const rows = CATEGORIES.map((c) =>
    row(
      c,
      results.filter((r) => r.query.category === c),
    ),
  ).filter((r) => r.n > 0);
  rows.push(row('overall', results));
  return rows;
}

export function printSummary(rows: readonly SummaryRow[]): void {
  printTable(
    'Relevance: mean per query, all hits counted (izde vs plain Meilisearch with default settings)',
    ['category', 'queries', 'izde R', 'izde P', 'izde F1', 'plain R', 'plain P', 'plain F1'],
    rows.map((r) => [
      r.category,
      String(r.n),
      fixed(r.izde.recall),
      fixed(r.izde.precision),
      fixed(r.izde.f1),
      fixed(r.plain.recall),
      fixed(r.plain.precision),
      fixed(r.plain.f1),
    ]),
  );
}

/** The goals, checked on izde's figures: one line each, so a run says at a glance what is still missing. */
export function goalLines(rows: readonly SummaryRow[], results: readonly QueryResult[]): string[] {
  const overall = rows.find((r) => r.category === 'overall');
  if (!overall) return [];
  const mark = (ok: boolean) => (ok ? 'met    ' : 'NOT met');
  const weak = rows
    .filter((r) => r.category !== 'overall' && r.izde.recall < GOALS.categoryRecall)
    .map((r) => `${r.category} ${fixed(r.izde.recall)}`);
  const furniture = results
    .filter((r) => r.query.category === 'furniture')
    .reduce((n, r) => n + r.izde.wrong.length, 0);
  return [
    `${mark(overall.izde.recall >= GOALS.recall)}  recall ≥ ${GOALS.recall}: ${fixed(overall.izde.recall)}`,
    `${mark(overall.izde.precision >= GOALS.precision)}  precision ≥ ${GOALS.precision}: ${fixed(overall.izde.precision)}`,
    `${mark(weak.length === 0)}  every category recall ≥ ${GOALS.categoryRecall}${weak.length ? `: below in ${weak.join(', ')}` : ''}`,
    `${mark(furniture === 0)}  no wrong hit on a furniture query (words found only in page furniture): ${furniture} wrong hit${furniture === 1 ? '' : 's'}`,
  ];
}

const short = (s: string, n: number) => {
  const flat = s.replace(/\s+/gu, ' ').trim();
  return [...flat].length > n ? `${[...flat].slice(0, n - 1).join('')}…` : flat;
};

/** The failures of izde (recall < 1 or precision < 1): what was missed and what was wrong, with titles. */
export function printFailures(
  results: readonly QueryResult[],
  describe: (id: string) => { title: string; lang: string | null },
  listMax: number,
): void {
  const failures = results.filter((r) => r.izde.recall < 1 || r.izde.precision < 1);
  console.log(`\nizde failures: ${failures.length} of ${results.length} queries (recall < 1 or precision < 1)`);
  const list = (label: string, ids: readonly string[]) => {
    if (ids.length === 0) return;
    // Counts by language first: «wrong 300 (ru 300)» tells at a glance where a whole class of errors comes from.
    const byLang = new Map<string, number>();
    for (const id of ids) {
      const lang = describe(id).lang ?? '?';
      byLang.set(lang, (byLang.get(lang) ?? 0) + 1);
    }
    const langs = [...byLang]
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(', ');
    console.log(`   ${label} ${ids.length} (${langs}):`);
    for (const id of ids.slice(0, listMax)) {
      const d = describe(id);
      console.log(`     ${id} [${d.lang ?? '?'}]  «${short(d.title, 70)}»`);
    }
    if (ids.length > listMax) console.log(`     … and ${ids.length - listMax} more`);
  };
  for (const r of failures) {
    const { query: q, izde, plain } = r;
    const meant = q.meaning ? ` (= «${q.meaning}»)` : '';
    const extra = [izde.correction ? `corrected to «${izde.correction}»` : '', izde.partial ? 'partial match' : '']
      .filter(Boolean)
      .join(', ');
    console.log(
      `\n✗ ${q.id} [${q.category}] «${q.q}»${meant}: R ${fixed(izde.recall, 2)} (${izde.found.length}/${r.relevant}) ` +
        `P ${fixed(izde.precision, 2)} (${izde.found.length}/${izde.hits})${extra ? ` — ${extra}` : ''}` +
        `   | plain R ${fixed(plain.recall, 2)} P ${fixed(plain.precision, 2)}`,
    );
    list('missed', izde.missed);
    list('wrong', izde.wrong);
  }
}
