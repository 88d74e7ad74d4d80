/** Set-based relevance scores of one query, and their means: the figures of the relevance evaluation. */
export interface Scores {
  recall: number;
  precision: number;
  f1: number;
}

export interface QueryOutcome extends Scores {
  /** Relevant ids that were hit, relevant ids that were not, hits that are not relevant. */
  found: string[];
  missed: string[];
  wrong: string[];
}

/**
 * recall = |hits ∩ relevant| / |relevant|, precision = |hits ∩ relevant| / |hits|. Edge cases: nothing relevant
 * scores 1/1 only with zero hits (0/0 with any hit); no hits while something is relevant scores recall 0 and
 * precision 1 (nothing wrong was shown). F1 is their harmonic mean (0 when both are 0).
 */
export function scoreQuery(hits: Iterable<string>, relevant: ReadonlySet<string>): QueryOutcome {
  const hitSet = new Set(hits);
  const found = [...hitSet].filter((id) => relevant.has(id));
  const wrong = [...hitSet].filter((id) => !relevant.has(id));
  const missed = [...relevant].filter((id) => !hitSet.has(id));
  let recall: number;
  let precision: number;
  if (relevant.size === 0) {
    recall = precision = hitSet.size === 0 ? 1 : 0;
  } else {
    recall = found.length / relevant.size;
    precision = hitSet.size === 0 ? 1 : found.length / hitSet.size;
  }
  return { recall, precision, f1: f1(recall, precision), found, missed, wrong };
}

export function f1(recall: number, precision: number): number {
  return recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
}

/** Macro averages: every query weighs the same. */
export function meanScores(scores: readonly Scores[]): Scores & { n: number } {
  const n = scores.length;
  const mean = (pick: (s: Scores) => number) =>
    n === 0 ? Number.NaN : scores.reduce((sum, s) => sum + pick(s), 0) / n;
  return { n, recall: mean((s) => s.recall), precision: mean((s) => s.precision), f1: mean((s) => s.f1) };
}
