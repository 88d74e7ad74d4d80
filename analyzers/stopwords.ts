/**
 * Stopwords: function words left out of the index keys (term/fold are null for them), so that e.g. Meilisearch
 * can no longer match «НАТО» as «на то». Kazakh: our own list (data/stopwords-kk.txt). Russian: the `stopword`
 * package's list, cleaned (normalized, Latin look-alikes mapped, multi-word and duplicate entries dropped), plus
 * data/stopwords-ru-extra.txt. 'other' (Latin words in Cyrillic text, foreign text): the package's English list.
 */
import { readFileSync } from 'node:fs';
import { eng, rus } from 'stopword';
import { forceScript, normalize } from './normalize.js';

/** Reads a one-word-per-line list; '#' starts a comment. */
export function readWordList(file: string): string[] {
  const text = readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/u, '').trim())
    .filter((l) => l.length > 0);
}

/**
 * Cleans a third-party list: look-alike letters mapped to the list's script (a Russian list's Latin «c» → «с»;
 * an entry with a letter of the other script is dropped), every entry normalized, entries that are not one
 * token (spaces, hyphens, punctuation) dropped, duplicates dropped.
 */
export function cleanStopwordList(words: readonly string[], script: 'cyrillic' | 'latin'): string[] {
  const out = new Set<string>();
  for (const raw of words) {
    const forced = forceScript(raw.trim(), script);
    if (forced === null) continue;
    const w = normalize(forced);
    if (!/^[\p{L}\p{M}]+$/u.test(w)) continue;
    out.add(w);
  }
  return [...out];
}

export const KK_STOPWORDS: ReadonlySet<string> = new Set(readWordList('stopwords-kk.txt'));
export const RU_STOPWORDS: ReadonlySet<string> = new Set(
  cleanStopwordList([...(rus as readonly string[]), ...readWordList('stopwords-ru-extra.txt')], 'cyrillic'),
);
export const OTHER_STOPWORDS: ReadonlySet<string> = new Set(cleanStopwordList(eng as readonly string[], 'latin'));
