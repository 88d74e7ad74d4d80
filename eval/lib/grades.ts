import type { JudgedArticle } from './judged-text.js';
import {
  type CompiledRule,
  compileRule,
  type QuerySet,
  type QuerySpec,
  relevantIds,
  sentenceSpans,
} from './judgments.js';

/**
 * Graded relevance, for the figures of order (nDCG@10). A relevant article gets a grade by where its text mentions
 * the query's concept — the places the query's own rule matches, so the grades follow the same judgments as
 * relevance itself, never izde's answers:
 *
 * - 3: in the title or the lead (the first two sentences of the body): the article is about it;
 * - 2: in two or more sentences of the body: it is a subject of the article;
 * - 1: in one sentence of the body: a passing mention (also every article relevant only by `include`, whose
 *   rule does not match its text).
 */
export type Grade = 1 | 2 | 3;

export const GRADE_NAMES: Record<Grade, string> = { 3: 'title or lead', 2: 'in the body', 1: 'passing mention' };

/** Sentences of the body that make up the lead. */
export const LEAD_SENTENCES = 2;

/** Offset in `text` where the lead ends: the end of the body's LEAD_SENTENCES-th sentence. */
export function leadEnd(article: Pick<JudgedArticle, 'text' | 'titleLength'>): number {
  const bodyStart = Math.min(article.text.length, article.titleLength + 1);
  const sentences = sentenceSpans(article.text.slice(bodyStart)).slice(0, LEAD_SENTENCES);
  const last = sentences[sentences.length - 1];
  return last ? bodyStart + last.start + last.text.length : bodyStart;
}

/** The grade of an article the query's judgment made relevant, from where `rule` matches its text. */
export function gradeOf(
  rule: CompiledRule | null,
  article: Pick<JudgedArticle, 'text' | 'lang' | 'titleLength'>,
): Grade {
  const spans = rule?.test(article) ? rule.matches(article) : [];
  if (spans.length === 0) return 1;
  const lead = leadEnd(article);
  if (spans.some((s) => s.index < lead)) return 3;
  const sentences = sentenceSpans(article.text);
  const mentioned = new Set<number>();
  for (const s of spans) {
    const i = sentences.findIndex((x) => s.index >= x.start && s.index < x.start + x.text.length);
    mentioned.add(i);
  }
  return mentioned.size >= 2 ? 2 : 1;
}

/** Every relevant article of a query with its grade (the keys are exactly `relevantIds`). */
export function gradedRelevance(
  query: QuerySpec,
  set: Pick<QuerySet, 'concepts' | 'handJudged'>,
  articles: readonly JudgedArticle[],
): Map<string, Grade> {
  const relevant = relevantIds(query, set, articles);
  const rule = query.rule ? compileRule(query.rule, set.concepts) : null;
  const out = new Map<string, Grade>();
  for (const a of articles) if (relevant.has(a.id)) out.set(a.id, gradeOf(rule, a));
  return out;
}
