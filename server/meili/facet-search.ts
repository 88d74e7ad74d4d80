/**
 * Facet search (the `searchable` box of a refinement list): the facet's values among the documents the query and
 * filter find, kept when the typed text starts one of their words — compared the way izde compares words (case,
 * Kazakh Latin or Cyrillic, folded letters), an organization also by its names in the gazetteer («шос», «ШЫҰ»,
 * «Shanghai» find SCO), a year by its digits.
 */
import { entryOf, fold, normalize } from '../../analyzers/index.js';
import type { Facet } from '../../engine/index.js';

/** Meilisearch answers at most this many facet values. */
export const MAX_FACET_HITS = 100;

export interface FacetHit {
  value: string;
  count: number;
}

const wordsOf = (s: string) => s.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/** The keys a word is compared by: as written (normalized, folded) and read as Kazakh Latin. */
function keys(word: string): string[] {
  const plain = fold(normalize(word));
  const latin = fold(normalize(word, { latin: '2018' }));
  return plain === latin ? [plain] : [plain, latin];
}

/** The texts a value answers to: itself, and an organization's labels and names. */
function namesOf(facet: Facet, value: string): string[] {
  if (facet !== 'org') return [value];
  const entry = entryOf(value);
  if (!entry) return [value];
  return [value, ...Object.values(entry.label), ...Object.values(entry.names).flat()];
}

/** Whether every typed word starts a word of one of the value's names. */
export function facetValueMatches(facet: Facet, value: string, query: string): boolean {
  const typed = wordsOf(query).map(keys);
  if (typed.length === 0) return true;
  if (facet === 'year') return value.startsWith(query.trim());
  if (value.toLowerCase().startsWith(query.trim().toLowerCase())) return true;
  return namesOf(facet, value).some((name) => {
    const nameKeys = wordsOf(name).flatMap(keys);
    return typed.every((variants) => variants.some((k) => nameKeys.some((n) => n.startsWith(k))));
  });
}

/** The matching values, most frequent first, as Meilisearch answers them. */
export function facetHits(
  facet: Facet,
  distribution: Record<string, number>,
  query: string | null | undefined,
): FacetHit[] {
  return Object.entries(distribution)
    .filter(([value]) => facetValueMatches(facet, value, query ?? ''))
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, MAX_FACET_HITS);
}
