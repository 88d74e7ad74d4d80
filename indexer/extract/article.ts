// The last step shared by text, HTML and record extraction: language and named entities of the clean text,
// and the Article shape the indexer stores.
import { analyze } from '../../analyzers/analyze.js';
import { findEntities, organizationsOf } from '../../analyzers/entities.js';
import { detectLang } from '../../analyzers/lang/detect.js';
import type { LangTag } from '../../analyzers/types.js';
import type { Article } from '../types.js';
import type { PageFields } from './page.js';

export interface ExtractHint {
  /** The article id (file name without extension, or the record's id). */
  id: string;
  path?: string;
  url?: string | null;
}

/** BCP 47 of a detected language; `other` (neither Kazakh nor Russian) is `und`, BCP 47's "undetermined". */
export function bcp47(tag: LangTag): string {
  return tag === 'other' ? 'und' : tag;
}

/** A language tag from outside (a record, <html lang>) when it is a usable BCP 47 tag; normalized. */
export function validLang(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(t)) return null;
  const [primary, ...rest] = t.split('-');
  let p = primary!.toLowerCase();
  if (p === 'kz' || p === 'kaz') p = 'kk'; // "kz" is the country, often used for the language
  if (p === 'rus') p = 'ru';
  const sub = rest.map((s) =>
    s.length === 4 ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s.length === 2 ? s.toUpperCase() : s,
  );
  return [p, ...sub].join('-');
}

export interface Entities {
  orgs: string[];
  persons: string[];
  places: string[];
}

/** Organizations (context-aware), persons and places of an article's title and body. */
export function entitiesOf(title: string, body: string): Entities {
  const text = `${title}\n\n${body}`;
  const tokens = analyze(text);
  const persons = new Set<string>();
  const places = new Set<string>();
  for (const m of findEntities(tokens, { text })) {
    if (m.ambiguous) continue;
    if (m.kind === 'person') persons.add(m.code);
    else if (m.kind === 'place') places.add(m.code);
  }
  return { orgs: organizationsOf(tokens, { text }), persons: [...persons].sort(), places: [...places].sort() };
}

export function finishArticle(
  page: PageFields,
  hint: ExtractHint & { lang?: string | null; langHint?: string | null },
): Article {
  const lang = validLang(hint.lang) ?? bcp47(detectLang(`${page.title}\n\n${page.body}`));
  const { orgs, persons, places } = entitiesOf(page.title, page.body);
  return {
    id: hint.id,
    title: page.title,
    body: page.body,
    date: page.date,
    year: page.year,
    dateSource: page.dateSource,
    lang,
    source: page.source,
    url: hint.url ?? null,
    orgs,
    persons,
    places,
  };
}
