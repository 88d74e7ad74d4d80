/**
 * One analysis per text: the tokens with their index keys, the text's language and its entity mentions, from one
 * pass of the pipeline. Extraction, document building and highlighting take an article's analysis from
 * analyzeArticle(); the query planner takes a query's from analyzeQuery() (query.ts), which builds on analyzeText().
 */
import { type AnalyzeLang, analyzeKeyedWords, analyzeWithEvidence } from './analyze.js';
import { type EntityMention, findEntities, organizationsOf } from './entities.js';
import type { KeyInitials } from './key-initials.js';
import { langOfEvidence } from './lang/detect.js';
import type { IndexedToken, LangTag } from './types.js';

export interface TextAnalysis {
  text: string;
  /** Every token (stopwords too, with `keys: null`), offsets into `text`. */
  tokens: IndexedToken[];
  /** The language of the whole text (as detectLang would say). */
  lang: LangTag;
  /** Gazetteer mentions (organizations, places, persons), offsets into `text`. */
  mentions: EntityMention[];
}

export interface AnalyzeTextOptions {
  /** 'auto' (default): language per paragraph; 'kk'/'ru': the whole text in that language. */
  lang?: AnalyzeLang;
  /** Accept abbreviations and names in any letter case (queries typed in lowercase). */
  anyCase?: boolean;
  /** Give stopwords their keys anyway (analyze.ts). */
  keepStopwords?: boolean;
}

/** Analyzes one text once: tokens and keys, language, entity mentions. */
export function analyzeText(text: string, options: AnalyzeTextOptions = {}): TextAnalysis {
  const { tokens, evidence, words } = analyzeWithEvidence(text, {
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.keepStopwords ? { keepStopwords: true } : {}),
  });
  const mentions = findEntities(tokens, { text, anyCase: options.anyCase ?? false });
  return { text, tokens, lang: langOfEvidence(evidence, words), mentions };
}

/** An article's analysis: its title and body (each with offsets of its own), language and entities. */
export interface ArticleAnalysis {
  /** The article's language, decided on title and body together. */
  lang: LangTag;
  title: TextAnalysis;
  body: TextAnalysis;
  /** Organization codes (sorted, unique): unambiguous mentions, and ambiguous ones the text's context supports. */
  orgs: string[];
  /** Place and person codes of unambiguous mentions (sorted, unique). */
  places: string[];
  persons: string[];
}

/** Between title and body in the analyzed text: a paragraph break, as a page has it. */
const SEPARATOR = '\n\n';

function shifted(tokens: readonly IndexedToken[], from: number, to: number, by: number): IndexedToken[] {
  const out: IndexedToken[] = [];
  for (const t of tokens) if (t.start >= from && t.end <= to) out.push({ ...t, start: t.start - by, end: t.end - by });
  return out;
}

function shiftedMentions(mentions: readonly EntityMention[], from: number, to: number, by: number, firstToken: number) {
  const out: EntityMention[] = [];
  for (const m of mentions) {
    if (m.start < from || m.end > to) continue; // a name cannot run from the title into the body
    out.push({
      ...m,
      start: m.start - by,
      end: m.end - by,
      firstToken: m.firstToken - firstToken,
      lastToken: m.lastToken - firstToken,
    });
  }
  return out;
}

/**
 * The words of an article that may match keys of these initials, as analyzeArticle() keys them (analyzeKeyedWords):
 * the title's and the body's, each with offsets of its own. What highlighting one query needs.
 */
export function analyzeArticleWords(
  title: string,
  body: string,
  initials: KeyInitials,
): { title: IndexedToken[]; body: IndexedToken[] } {
  const text = `${title}${SEPARATOR}${body}`;
  const tokens = analyzeKeyedWords(text, initials);
  const bodyStart = title.length + SEPARATOR.length;
  return { title: shifted(tokens, 0, title.length, 0), body: shifted(tokens, bodyStart, text.length, bodyStart) };
}

/**
 * Analyzes an article once, title and body as one text (so the title's language is decided with the body's
 * evidence), then splits the result. Mentions kept are those the article stands behind: unambiguous ones, and
 * ambiguous organization mentions whose code the article's context confirms.
 */
export function analyzeArticle(title: string, body: string): ArticleAnalysis {
  const text = `${title}${SEPARATOR}${body}`;
  const { tokens, evidence, words } = analyzeWithEvidence(text);
  const all = findEntities(tokens, { text });
  const orgs = organizationsOf(tokens, { text, mentions: all });
  const places = new Set<string>();
  const persons = new Set<string>();
  for (const m of all) {
    if (m.ambiguous) continue;
    if (m.kind === 'place') places.add(m.code);
    else if (m.kind === 'person') persons.add(m.code);
  }
  const confirmed = all.filter((m) => !m.ambiguous || (m.kind === 'org' && orgs.includes(m.code)));
  const bodyStart = title.length + SEPARATOR.length;
  const titleTokens = shifted(tokens, 0, title.length, 0);
  const bodyTokens = shifted(tokens, bodyStart, text.length, bodyStart);
  const firstBodyToken = titleTokens.length;
  const lang = langOfEvidence(evidence, words);
  return {
    lang,
    title: { text: title, tokens: titleTokens, lang, mentions: shiftedMentions(confirmed, 0, title.length, 0, 0) },
    body: {
      text: body,
      tokens: bodyTokens,
      lang,
      mentions: shiftedMentions(confirmed, bodyStart, text.length, bodyStart, firstBodyToken),
    },
    orgs,
    places: [...places].sort(),
    persons: [...persons].sort(),
  };
}
