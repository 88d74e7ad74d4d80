/**
 * Figures of order: how good the first screen of a ranked answer is. P@10 counts relevant articles among the first
 * ten; nDCG@10 also weighs how relevant they are (grades, eval/lib/grades.ts) and where they stand.
 */

/** The first screen: ten results. */
export const SCREEN = 10;

/** Ids in rank order, each kept once (its first rank). */
const distinct = (ranked: readonly string[]): string[] => [...new Set(ranked)];

/**
 * Share of the first `k` results that are relevant: relevant among the top k / min(k, max(results, relevant)).
 * The denominator is the number of slots the screen could have filled with relevant articles: a query with three
 * relevant articles that shows exactly those three scores 1 (nothing more was there to show), a screen of three
 * relevant results when ten relevant exist scores 0.3 (seven slots left empty), and every wrong result on the
 * screen costs its slot. Nothing relevant and no result: 1; no result while something is relevant: 0.
 */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k = SCREEN): number {
  const top = distinct(ranked).slice(0, k);
  const slots = Math.min(k, Math.max(distinct(ranked).length, relevant.size));
  if (slots === 0) return 1;
  return top.filter((id) => relevant.has(id)).length / slots;
}

const gain = (grade: number): number => 2 ** grade - 1;
const discount = (rank: number): number => Math.log2(rank + 2); // rank from 0

/**
 * Normalized discounted cumulative gain over the first `k` results, with gain 2^grade − 1 for a relevant article of
 * that grade (0 for one that is not relevant) and the usual log2(rank + 1) discount; normalized by the best order of
 * all relevant articles. Nothing relevant: 1 with no result, 0 with any.
 */
export function ndcgAt(ranked: readonly string[], grades: ReadonlyMap<string, number>, k = SCREEN): number {
  const top = distinct(ranked).slice(0, k);
  const ideal = [...grades.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + gain(g) / discount(i), 0);
  if (ideal === 0) return top.length === 0 ? 1 : 0;
  const dcg = top.reduce((sum, id, i) => sum + gain(grades.get(id) ?? 0) / discount(i), 0);
  return dcg / ideal;
}

/** How much of a word has been typed when the as-you-type figures are taken. */
export const TYPED_FRACTIONS = [0.5, 0.7, 0.9] as const;
/** Shorter words are typed in one go (and an abbreviation cut in half means nothing). */
export const MIN_TYPED_WORD = 4;

/**
 * The unfinished forms of a one-word query: its first round(f × n) characters for each fraction f, at least two
 * and at most n − 1 (a prefix, never the whole word). Empty for a query of several words or a word shorter than
 * MIN_TYPED_WORD characters.
 */
export function typedPrefixes(q: string): { fraction: number; prefix: string }[] {
  const word = q.trim();
  if (/\s/u.test(word)) return [];
  const chars = [...word];
  const n = chars.length;
  if (n < MIN_TYPED_WORD) return [];
  return TYPED_FRACTIONS.map((fraction) => {
    const len = Math.min(n - 1, Math.max(2, Math.round(fraction * n)));
    return { fraction, prefix: chars.slice(0, len).join('') };
  });
}
