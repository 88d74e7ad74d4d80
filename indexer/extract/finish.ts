// The last step shared by text, HTML and record extraction: language and named entities of the clean text,
// and the Article shape the indexer stores. The analysis thread (indexer/make-document.ts) runs only this step.

import type { LangTag } from '../../analyzers/index.js';
import { analyzeArticle } from '../../analyzers/index.js';
import type { ExtractedArticle } from '../types.js';
import type { PreparedArticle } from './prepared.js';

/** BCP 47 of a detected language; `other` (neither Kazakh nor Russian) is `und`, BCP 47's "undetermined". */
export function bcp47(tag: LangTag): string {
  return tag === 'other' ? 'und' : tag;
}

/**
 * The clean article of a prepared one, with the one analysis of its title and body: language and entities come
 * from it here, and the document builder reuses it for the term fields.
 */
export function finishArticle({ page, id, url, lang }: PreparedArticle): ExtractedArticle {
  const analysis = analyzeArticle(page.title, page.body);
  const { orgs, persons, places } = analysis;
  return {
    id,
    title: page.title,
    body: page.body,
    date: page.date,
    year: page.year,
    dateSource: page.dateSource,
    lang: lang ?? bcp47(analysis.lang),
    source: page.source,
    url,
    orgs,
    persons,
    places,
    analysis,
  };
}
