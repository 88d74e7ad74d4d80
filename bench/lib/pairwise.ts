/**
 * Pairwise conflation quality of a stemmer, the measure the analyzers issue defines: over distinct lowercase
 * forms, each with its gold lemma (the most frequent one when a form has several),
 *   recall    = same-lemma pairs that share a key / all same-lemma pairs,
 *   precision = same-key pairs that share a lemma / all same-key pairs.
 */
export interface FormLemma {
  form: string;
  lemma: string;
}

export interface PairwiseScore {
  forms: number;
  recall: number;
  precision: number;
  f1: number;
}

/** Distinct lowercase forms with their most frequent lowercase gold lemma (ties: first seen). */
export function distinctForms(words: readonly FormLemma[]): FormLemma[] {
  const counts = new Map<string, Map<string, number>>();
  for (const { form, lemma } of words) {
    const f = form.toLowerCase();
    const l = lemma.toLowerCase();
    let byLemma = counts.get(f);
    if (!byLemma) {
      byLemma = new Map();
      counts.set(f, byLemma);
    }
    byLemma.set(l, (byLemma.get(l) ?? 0) + 1);
  }
  const out: FormLemma[] = [];
  for (const [form, byLemma] of counts) {
    let best = '';
    let bestCount = -1;
    for (const [lemma, n] of byLemma) if (n > bestCount) [best, bestCount] = [lemma, n];
    out.push({ form, lemma: best });
  }
  return out;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function groupPairs(keys: Iterable<string>): number {
  const sizes = new Map<string, number>();
  for (const k of keys) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  let total = 0;
  for (const n of sizes.values()) total += pairs(n);
  return total;
}

/** Scores `key` (a stemmer) on distinct forms. */
export function pairwise(forms: readonly FormLemma[], key: (form: string) => string): PairwiseScore {
  const keyed = forms.map(({ form, lemma }) => ({ lemma, key: key(form) }));
  const lemmaPairs = groupPairs(keyed.map((x) => x.lemma));
  const keyPairs = groupPairs(keyed.map((x) => x.key));
  // "\u0000" cannot occur in a lemma or a key, so the joined string identifies the (lemma, key) pair.
  const bothPairs = groupPairs(keyed.map((x) => `${x.lemma}\u0000${x.key}`));
  const recall = lemmaPairs === 0 ? 1 : bothPairs / lemmaPairs;
  const precision = keyPairs === 0 ? 1 : bothPairs / keyPairs;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { forms: forms.length, recall, precision, f1 };
}
