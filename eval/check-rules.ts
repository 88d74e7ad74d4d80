/**
 * Reads the relevance judgments back, without any search engine: for each query, how many articles its rule selects
 * (per source), and the selected articles with the matching passages, so a person can check every judgment.
 *
 *   npx tsx eval/check-rules.ts [--category C] [--query ID|TEXT] [--show N] [--all] [--misses RULE] PATH...
 *
 * `--show N` prints N sampled articles per query (default 0: counts only); `--all` prints every one.
 * `--near REGEX` prints articles that match REGEX but are NOT selected (to find what a rule misses).
 */
import { parseArgs } from 'node:util';
import { newsInputs } from '../bench/lib/news-corpus.js';
import { type JudgedArticle, loadJudgedArticles } from './lib/judged-text.js';
import {
  compilePattern,
  compileRule,
  DEFAULT_QUERY_SET,
  loadQuerySet,
  relevantIds,
  selectQueries,
  testFromStart,
} from './lib/judgments.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    category: { type: 'string', multiple: true, default: [] },
    query: { type: 'string', multiple: true, default: [] },
    show: { type: 'string', default: '0' },
    all: { type: 'boolean', default: false },
    near: { type: 'string' },
    queries: { type: 'string' },
    context: { type: 'string', default: '70' },
  },
});

if (positionals.length === 0) {
  console.error(
    'usage: npx tsx eval/check-rules.ts [--category C] [--query ID] [--show N|--all] [--near REGEX] PATH...',
  );
  process.exit(2);
}

const set = loadQuerySet(values.queries ?? DEFAULT_QUERY_SET);
const articles = await loadJudgedArticles(newsInputs(positionals), {
  furniture: set.recordFurniture.patterns.map((p) => compilePattern(p, false)),
});
const byId = new Map(articles.map((a) => [a.id, a]));
const context = Number(values.context);
const hand = new Set(set.handJudged.ids);

const group = (id: string) => (id.split('/')[0] ?? id).replace(/^(newstest2021|wmttest202\d)$/u, 'wmt');
const oneLine = (s: string) => s.replace(/\s+/gu, ' ');

function passage(a: JudgedArticle, spans: { index: number; length: number }[]): string {
  const first = spans[0];
  if (!first) return '';
  const from = Math.max(0, first.index - context);
  const to = Math.min(a.text.length, first.index + first.length + context);
  const mark = `${a.text.slice(from, first.index)}[[${a.text.slice(first.index, first.index + first.length)}]]${a.text.slice(first.index + first.length, to)}`;
  return `${oneLine(mark)}${spans.length > 1 ? `  (+${spans.length - 1} more)` : ''}`;
}

/** Deterministic sample: every k-th article, so reruns show the same ones. */
function sample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  const step = items.length / n;
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[Math.floor(i * step)];
    if (item !== undefined) out.push(item);
  }
  return out;
}

for (const q of selectQueries(set.queries, { categories: values.category, queries: values.query })) {
  const relevant = relevantIds(q, set, articles);
  const rule = q.rule ? compileRule(q.rule, set.concepts) : null;
  const counts = new Map<string, number>();
  for (const id of relevant) counts.set(group(id), (counts.get(group(id)) ?? 0) + 1);
  const perSource = [...counts].map(([g, n]) => `${g} ${n}`).join(', ');
  console.log(
    `\n## ${q.id} [${q.category}] «${q.q}»${q.meaning ? ` = «${q.meaning}»` : ''}: ${relevant.size} relevant (${perSource || 'none'})`,
  );
  const handRule = articles.filter((a) => hand.has(a.id) && rule?.test(a)).map((a) => a.id);
  const handIncluded = [...relevant].filter((id) => hand.has(id));
  if (handRule.length || handIncluded.length)
    console.log(`   seeds: rule matches [${handRule.join(' ')}], judged relevant [${handIncluded.join(' ')}]`);
  const show = values.all ? relevant.size : Number(values.show);
  for (const id of sample([...relevant], show)) {
    const a = byId.get(id);
    if (!a) continue;
    console.log(`  + ${id} | ${oneLine(a.title).slice(0, 90)}`);
    if (rule) console.log(`      ${passage(a, rule.matches(a))}`);
  }
  if (values.near) {
    const near = compilePattern(values.near, false);
    const missed = articles.filter((a) => !relevant.has(a.id) && testFromStart(near, a.text));
    near.lastIndex = 0;
    console.log(`   --near: ${missed.length} not selected`);
    for (const a of values.all ? missed : sample(missed, Math.max(show, 10))) {
      console.log(`  - ${a.id} | ${oneLine(a.title).slice(0, 90)}`);
      near.lastIndex = 0;
      console.log(
        `      ${passage(
          a,
          [...a.text.matchAll(near)].map((m) => ({ index: m.index, length: m[0].length })),
        )}`,
      );
    }
  }
}
