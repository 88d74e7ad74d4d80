/**
 * The value search of a long facet (organization, source): what the reader types is compared with every name of a
 * value — for an organization its code, its labels and full names in kk/ru/en and every other name the gazetteer
 * has (kk-Latn too), so «ШОС», «шыу», «Shanghai» and «ShYU» all find SCO in any interface language. Keys are
 * lowercased, stripped of diacritics and Kazakh letters folded (қ→к, ұ→у …), so it forgives the keyboard.
 */
import { KAZAKH_FOLD } from '../../common/kazakh-fold.js';
import type { OrgLabels } from './format.js';

/** Kazakh letters folded as the index folds them, and the letters names are spelled both ways with. */
const FOLD: Readonly<Record<string, string>> = {
  ...KAZAKH_FOLD,
  ё: 'е',
  й: 'и',
  ı: 'i',
};

/** A comparison key: lowercase, no diacritics, Kazakh letters folded, runs of non-letters as one space. */
export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[қғңөұүіәһёйı]/gu, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}

/** Every text a facet value answers to. */
export function valueNames(facet: string, value: string, shownLabel: string, labels: OrgLabels): string[] {
  const names = [value, shownLabel];
  if (facet === 'org') {
    const l = labels[value];
    if (l) names.push(...Object.values(l.short), ...Object.values(l.full), ...(l.names ?? []));
  }
  return names;
}

/** Whether a value answers to the typed text: every typed word is part of one of its names. */
export function valueMatches(names: readonly string[], typed: string): boolean {
  const words = searchKey(typed).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  return names.some((name) => {
    const key = searchKey(name);
    return words.every((w) => key.includes(w));
  });
}
