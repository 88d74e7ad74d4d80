import { gazetteer } from '../../analyzers/entities.js';
import { ENTITY_PREFIX } from '../../analyzers/entity-token.js';
import { fold } from '../../analyzers/kk/fold.js';
import { cyrillicToLatin, detectLatinAlphabet, type LatinAlphabet } from '../../analyzers/kk/latin.js';
import { NAME_PREFIX } from '../../analyzers/name-skeleton.js';
import { normalize, wordScript } from '../../analyzers/normalize.js';
import type { Gateway } from '../../engine/gateway.js';
import type { ArticleDocument } from '../../engine/schema.js';

export interface Suggestion {
  text: string;
  kind: 'term' | 'title' | 'org' | 'place' | 'person';
  /** The article, for title suggestions. */
  id?: string;
  /** The entity code, for organizations, places and persons (e.g. SCO). */
  code?: string;
}

export interface SuggestResponse {
  query: string;
  suggestions: Suggestion[];
}

export interface SuggesterOptions {
  gateway: Gateway;
  log?: (message: string) => void;
  /** How often to check whether the index changed and the dictionary must be rebuilt. */
  refreshMs?: number;
  /** Words seen fewer times than this are not suggested. */
  minCount?: number;
}

interface TermEntry {
  /** Folded normalized form: what a typed prefix is compared with. */
  key: string;
  norm: string;
  /** Folded stem: forms of one word are offered once. */
  group: string;
  count: number;
}

interface TitleEntry {
  id: string;
  title: string;
  words: string[];
  ts: number;
}

interface NameEntry {
  key: string;
  text: string;
  kind: Suggestion['kind'];
  code: string;
  latin: boolean;
}

/** The key of a typed word: normalized, Kazakh Latin read as Cyrillic, then folded. */
function typedKey(word: string, latinAlphabet: LatinAlphabet): string {
  // Latin is transliterated inside normalize, before lowercasing can turn 2018's capital I into і.
  return fold(wordScript(word) === 'latin' ? normalize(word, { latin: latinAlphabet }) : normalize(word));
}

const words = (s: string) => s.split(/[^\p{L}\p{M}\p{N}'’]+/u).filter(Boolean);

/** First index in a sorted array whose key is ≥ prefix. */
function lowerBound<T extends { key: string }>(sorted: readonly T[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.key < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Completions for the search box, from an in-memory dictionary built from the index: frequent words (one form per
 * word), organizations, places and persons of the gazetteer, and article titles. Lookups are binary searches on
 * folded keys, so «каз», «Қаз» and «Qaz» all complete; answers come back in the script typed.
 */
export class Suggester {
  private terms: TermEntry[] = [];
  private titles: TitleEntry[] = [];
  private readonly names: NameEntry[];
  private builtFor = -1;
  private building: Promise<void> | undefined;
  private lastCheck = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly refreshMs: number;
  private readonly minCount: number;

  constructor(private readonly options: SuggesterOptions) {
    this.refreshMs = options.refreshMs ?? 30_000;
    this.minCount = options.minCount ?? 2;
    this.names = buildNames();
    this.timer = setInterval(() => void this.refresh().catch(() => {}), this.refreshMs);
    this.timer.unref();
    void this.refresh().catch(() => {});
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Rebuilds the dictionary when the number of documents changed since the last build. */
  async refresh(): Promise<void> {
    this.lastCheck = Date.now();
    const count = await this.options.gateway.documentCount();
    if (count === this.builtFor) return;
    this.building ??= this.build(count).finally(() => (this.building = undefined));
    await this.building;
  }

  private async build(count: number): Promise<void> {
    const started = Date.now();
    const index = this.options.gateway.admin.index<ArticleDocument>(this.options.gateway.indexName);
    const forms = new Map<string, { group: string; count: number }>();
    const titles: TitleEntry[] = [];
    const pageSize = 1000;
    for (let offset = 0; ; offset += pageSize) {
      const page = await index.getDocuments({
        fields: ['id', 'title', 'title_x', 'title_f', 'body_x', 'body_f', 'ts'],
        limit: pageSize,
        offset,
      });
      for (const doc of page.results) {
        const alphabet = detectLatinAlphabet(doc.title);
        titles.push({
          id: doc.id,
          title: doc.title,
          words: words(doc.title).map((w) => typedKey(w, alphabet)),
          ts: doc.ts ?? 0,
        });
        // The exact and fold fields are aligned word by word: the fold key groups the forms of one word.
        for (const [x, f] of [
          [doc.title_x, doc.title_f],
          [doc.body_x, doc.body_f],
        ] as const) {
          const xs = x.split(' ');
          const fs = f.split(' ');
          for (let i = 0; i < xs.length; i++) {
            const norm = xs[i]!;
            if (!norm || norm.startsWith(ENTITY_PREFIX) || norm.startsWith(NAME_PREFIX) || /^\p{N}+$/u.test(norm))
              continue; // entity and name tokens, numbers
            const entry = forms.get(norm);
            if (entry) entry.count++;
            else forms.set(norm, { group: fs[i] ?? norm, count: 1 });
          }
        }
      }
      if (page.results.length < pageSize) break;
    }
    this.terms = [...forms]
      .filter(([, v]) => v.count >= this.minCount)
      .map(([norm, v]) => ({ key: fold(norm), norm, group: v.group, count: v.count }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : b.count - a.count));
    this.titles = titles.sort((a, b) => b.ts - a.ts);
    this.builtFor = count;
    this.options.log?.(`Suggestions: ${this.terms.length} words, ${titles.length} titles (${Date.now() - started} ms)`);
  }

  async suggest(query: string, limit: number): Promise<SuggestResponse> {
    if (this.builtFor < 0 || Date.now() - this.lastCheck > this.refreshMs) await this.refresh().catch(() => {});
    const typed = words(query);
    const last = typed[typed.length - 1];
    if (!last) return { query, suggestions: [] };
    const latin = wordScript(last) === 'latin';
    const alphabet = detectLatinAlphabet(query);
    const prefix = typedKey(last, alphabet);
    const head = query.slice(0, query.lastIndexOf(last));
    const out: Suggestion[] = [];
    const seen = new Set<string>();
    const push = (s: Suggestion) => {
      const k = s.text.toLowerCase();
      if (out.length >= limit || seen.has(k)) return;
      seen.add(k);
      out.push(s);
    };

    // Organizations, places, persons: a name's word starts with the typed word.
    if (typed.length === 1) {
      for (const n of this.names) {
        if (n.latin === latin && n.key.startsWith(prefix)) push({ text: n.text, kind: n.kind, code: n.code });
        if (out.length >= Math.ceil(limit / 3)) break;
      }
    }
    // Frequent words: the best form of each word that starts with the prefix.
    const groups = new Map<string, TermEntry>();
    for (let i = lowerBound(this.terms, prefix); i < this.terms.length && this.terms[i]!.key.startsWith(prefix); i++) {
      const t = this.terms[i]!;
      const best = groups.get(t.group);
      if (!best || t.count > best.count) groups.set(t.group, t);
    }
    const ranked = [...groups.values()].sort((a, b) => b.count - a.count);
    for (const t of ranked.slice(0, limit)) {
      const word = latin ? cyrillicToLatin(t.norm, alphabet === '2021' ? '2021' : '2018') : t.norm;
      push({ text: `${head}${word}`, kind: 'term' });
    }
    // Titles holding every typed word (the last as a prefix).
    const keys = typed.map((w) => typedKey(w, alphabet));
    let titleCount = 0;
    for (const t of this.titles) {
      if (titleCount >= 3 || out.length >= limit) break;
      if (
        keys.every((k, i) =>
          t.words.some((w) => (i === keys.length - 1 ? w.startsWith(k) : w === k || w.startsWith(k))),
        )
      ) {
        push({ text: t.title, kind: 'title', id: t.id });
        titleCount++;
      }
    }
    return { query, suggestions: out };
  }
}

/** Every name of every gazetteer entry, keyed by the folded form a user could type. */
function buildNames(): NameEntry[] {
  const out: NameEntry[] = [];
  for (const e of gazetteer) {
    for (const [lang, names] of Object.entries(e.names)) {
      for (const name of names ?? []) {
        const latin = lang === 'en' || lang === 'kk-Latn';
        out.push({ key: typedKey(name, detectLatinAlphabet(name)), text: name, kind: e.kind, code: e.code, latin });
      }
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.text.length - b.text.length));
}
