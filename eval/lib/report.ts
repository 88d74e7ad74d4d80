import { fixed, printTable } from '../../bench/lib/table.js';
import { CATEGORIES, type QuerySpec } from './judgments.js';
import { meanScores, type QueryOutcome, type Scores } from './metrics.js';
import { TYPED_FRACTIONS } from './ranking.js';

/** Figures of order of one ranked answer: P@10 and nDCG@10 (eval/lib/ranking.ts). */
export interface RankScores {
  p10: number;
  ndcg10: number;
}

/** P@10 of the answer to an unfinished word (the first `fraction` of a one-word query), judged by the whole word. */
export interface TypedResult {
  fraction: number;
  prefix: string;
  izde: number;
  plain: number;
  /** izde's results among the first ten that are not relevant to the whole word. */
  izdeWrong: string[];
}

/** One query's result for both systems, as the report and the JSON file hold it. */
export interface QueryResult {
  query: QuerySpec;
  relevant: number;
  /** Relevant articles per grade (3: title or lead, 2: body, 1: passing mention). */
  grades: Record<1 | 2 | 3, number>;
  /** `ms`: wall time of all of izde's pages for this query. */
  izde: QueryOutcome &
    RankScores & {
      hits: number;
      ms: number;
      correction?: string;
      partial?: boolean;
      /** Wrong results among the first ten. */
      topWrong: string[];
    };
  plain: QueryOutcome & RankScores & { hits: number; ms: number };
  /** As-you-type figures, for one-word queries only. */
  typed: TypedResult[];
}

/**
 * The goals the search is tuned towards (issue 10 on top of brief F): what "good enough" means, printed beside the
 * figures.
 */
export const GOALS = {
  recall: 0.97,
  precision: 0.95,
  categoryRecall: 0.9,
  p10: 0.98,
  typedP10: { fraction: 0.7, value: 0.95 },
} as const;

/** Rows of the summary that are not categories. */
const SUMMARY_ROWS = new Set(['tuned-on', 'held-out', 'overall']);

export interface SummaryRow {
  category: string;
  n: number;
  izde: Scores & RankScores;
  plain: Scores & RankScores;
  /** One-word queries of the row and their mean as-you-type P@10 per typed fraction (same order as TYPED_FRACTIONS). */
  typedN: number;
  typedIzde: number[];
  typedPlain: number[];
}

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;

export function summarize(results: readonly QueryResult[]): SummaryRow[] {
  const row = (category: string, rs: readonly QueryResult[]): SummaryRow => {
    const izde = meanScores(rs.map((r) => r.izde));
    const typed = rs.filter((r) => r.typed.length > 0);
    const typedMean = (pick: (t: TypedResult) => number) =>
      TYPED_FRACTIONS.map((f) => mean(typed.flatMap((r) => r.typed.filter((t) => t.fraction === f).map(pick))));
    return {
      category,
      n: izde.n,
      izde: { ...izde, p10: mean(rs.map((r) => r.izde.p10)), ndcg10: mean(rs.map((r) => r.izde.ndcg10)) },
      plain: {
        ...meanScores(rs.map((r) => r.plain)),
        p10: mean(rs.map((r) => r.plain.p10)),
        ndcg10: mean(rs.map((r) => r.plain.ndcg10)),
      },
      typedN: typed.length,
      typedIzde: typedMean((t) => t.izde),
      typedPlain: typedMean((t) => t.plain),
    };
  };
  const rows = CATEGORIES.map((c) =>
    row(
      c,
      results.filter((r) => r.query.category === c),
    ),
  ).filter((r) => r.n > 0);
  const heldOut = results.filter((r) => r.query.heldOut);
  if (heldOut.length > 0 && heldOut.length < results.length) {
    rows.push(
      row(
        'tuned-on',
        results.filter((r) => !r.query.heldOut),
      ),
    );
    rows.push(row('held-out', heldOut));
  }
  rows.push(row('overall', results));
  return rows;
}

const pct = (f: number) => `${Math.round(f * 100)}%`;
const cell = (x: number) => (Number.isNaN(x) ? '–' : fixed(x));

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
  printTable(
    'Order: the first screen (P@10 = relevant among the first 10 / the slots relevant articles could fill; nDCG@10 with grades title or lead 3 > body 2 > passing mention 1)',
    ['category', 'queries', 'izde P@10', 'izde nDCG@10', 'plain P@10', 'plain nDCG@10'],
    rows.map((r) => [
      r.category,
      String(r.n),
      fixed(r.izde.p10),
      fixed(r.izde.ndcg10),
      fixed(r.plain.p10),
      fixed(r.plain.ndcg10),
    ]),
  );
  printTable(
    `As you type: P@10 of the answer to the first ${TYPED_FRACTIONS.map(pct).join(' / ')} of each one-word query, judged by the whole word`,
    [
      'category',
      'words',
      ...TYPED_FRACTIONS.map((f) => `izde ${pct(f)}`),
      ...TYPED_FRACTIONS.map((f) => `plain ${pct(f)}`),
    ],
    rows
      .filter((r) => r.typedN > 0)
      .map((r) => [r.category, String(r.typedN), ...r.typedIzde.map(cell), ...r.typedPlain.map(cell)]),
  );
}

/** The goals, checked on izde's figures: one line each, so a run says at a glance what is still missing. */
export function goalLines(rows: readonly SummaryRow[], results: readonly QueryResult[]): string[] {
  const overall = rows.find((r) => r.category === 'overall');
  if (!overall) return [];
  const mark = (ok: boolean) => (ok ? 'met    ' : 'NOT met');
  const weak = rows
    .filter((r) => !SUMMARY_ROWS.has(r.category) && r.izde.recall < GOALS.categoryRecall)
    .map((r) => `${r.category} ${fixed(r.izde.recall)}`);
  const furniture = results
    .filter((r) => r.query.category === 'furniture')
    .reduce((n, r) => n + r.izde.wrong.length, 0);
  const typedAt = overall.typedIzde[TYPED_FRACTIONS.indexOf(GOALS.typedP10.fraction)] ?? Number.NaN;
  return [
    `${mark(overall.izde.p10 >= GOALS.p10)}  P@10 ≥ ${GOALS.p10}: ${fixed(overall.izde.p10)}`,
    `${mark(typedAt >= GOALS.typedP10.value)}  as-you-type P@10 at ${pct(GOALS.typedP10.fraction)} ≥ ${GOALS.typedP10.value}: ${cell(typedAt)}`,
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

/** Queries whose first screen is not all relevant, or whose unfinished word shows wrong results. */
export function printOrderFailures(
  results: readonly QueryResult[],
  describe: (id: string) => { title: string; lang: string | null },
  listMax: number,
): void {
  const failing = results.filter((r) => r.izde.p10 < 1 || r.typed.some((t) => t.izde < 1));
  console.log(
    `\nizde first-screen failures: ${failing.length} of ${results.length} queries (P@10 < 1 while typed or typed in full)`,
  );
  for (const r of failing) {
    const typed = r.typed.map((t) => `«${t.prefix}» ${fixed(t.izde, 2)}`).join(', ');
    console.log(
      `\n✗ ${r.query.id} [${r.query.category}] «${r.query.q}»: P@10 ${fixed(r.izde.p10, 2)} nDCG@10 ${fixed(r.izde.ndcg10, 2)}` +
        ` (grades 3/2/1: ${r.grades[3]}/${r.grades[2]}/${r.grades[1]})${typed ? `; typed ${typed}` : ''}`,
    );
    for (const id of r.izde.topWrong.slice(0, listMax)) {
      const d = describe(id);
      console.log(`   top 10, wrong: ${id} [${d.lang ?? '?'}]  «${short(d.title, 70)}»`);
    }
    for (const t of r.typed) {
      for (const id of t.izdeWrong.slice(0, Math.min(3, listMax))) {
        const d = describe(id);
        console.log(`   «${t.prefix}», wrong: ${id} [${d.lang ?? '?'}]  «${short(d.title, 60)}»`);
      }
    }
  }
}
