// One page of text → headline, clean body, date, source. The order matters: furniture is classified first
// (so no date or name is read from a related-news list), then the header zone (the lines before the prose
// that carry title, date, byline, counters) is found, then title, duplicates, body, date and source.

import type { DateSource } from '../types.js';
import { type DateMention, dateLine, findDates, isoOf, parseDateString } from './date.js';
import { type ClassifiedLine, classifyLines, isSiteTalk, pageLines } from './furniture.js';
import { articleWordShare, contentWordKeys } from './lead-words.js';
import { findSource } from './source.js';
import { cleanTitle, headlineLike, titleFromText } from './title.js';
import { inferYear, yearBounds, yearMentions } from './year.js';

export interface PageFields {
  title: string;
  body: string;
  date: string | null;
  year: number | null;
  dateSource: DateSource | null;
  source: string | null;
  /** How the title was found: a headline line, the first sentence, or given from outside. */
  titleFrom: 'headline' | 'sentence' | 'given';
  /** Lines with their furniture classification (for tests and diagnostics). */
  lines: ClassifiedLine[];
}

export interface PageHints {
  /** A title known from structured data (HTML meta, JSON-LD, a record): used instead of guessing. */
  title?: string | null;
  /** A date known from structured data (ISO or any supported form): wins over dates in the text. */
  date?: string | null;
  url?: string | null;
  /** The publishing site's facet value from structured data (JSON-LD publisher, og:site_name). */
  site?: string | null;
  /** A source already known (a record's own field): used as is. */
  source?: string | null;
}

const key = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Meta kinds that sit in a page header around the headline. */
const HEADER_META = new Set(['date', 'byline', 'counter', 'photo', 'share', 'nav', 'ad', 'tags']);
const isProse = (t: string) => t.length >= 200 && /[.!?…»"]$/u.test(t);

/**
 * Where a date candidate was found, most trusted first. The priority orders the candidates; `pageChrome` is also
 * looked at on its own (such a date is dropped when the article announces something later).
 */
const DATE_PRIORITY = {
  /** Structured data: a record's field, HTML meta, JSON-LD. */
  given: 1000,
  /** The first paragraph's dateline («Пекин, 28 ноября –»). */
  dateline: 100,
  /** A date line in the page header, with a time. */
  headerWithTime: 95,
  /** A date line in the page header. */
  header: 90,
  /** A date line among the article's last lines («Опубликовано …» under the text). */
  publicationLine: 60,
  /** A weekday-led date above the headline: the site's "today" in its page header. */
  pageChrome: 40,
} as const;
type DateKind = keyof typeof DATE_PRIORITY;

interface DateCandidate {
  mention: DateMention;
  kind: DateKind;
}

/** The first paragraph opens with a dateline: «Пекин, 28 ноября – 1 декабря 2023 года – …», «12.03.2024 –». */
function datelineOf(para: string): DateMention | null {
  const first = findDates(para.slice(0, 120))[0];
  if (!first || first.start > 40) return null;
  const lead = para.slice(0, first.start);
  if (lead && !/^[\p{L}\s.-]{2,35},\s*$/u.test(lead)) return null;
  const after = para.slice(first.end, first.end + 12);
  if (!/^\s*(?:года?|г\.|жылы|жылғы|ж\.)?\s*(?:[–—-]|\.\s|\/)/u.test(after)) return null;
  return first;
}

/**
 * The headline among the headline-like lines before the prose: the first, unless it is made of words the article
 * does not use (at most a third of its content words) while a later one clearly is (a share higher by 0.4): then the
 * first is a site's slogan or name above the headline («Ақиқат – ең басты құндылық» over «Алматыда кітап жәрмеңкесі
 * басталды»). `article` is the text below the candidates.
 */
function chooseHeadline(
  candidates: readonly { i: number; text: string }[],
  article: string,
): { i: number; text: string } | undefined {
  const first = candidates[0];
  if (!first || candidates.length === 1 || !article) return first;
  const articleKeys = contentWordKeys(article); // once for all the candidates
  const share = (c: { text: string }) => articleWordShare(c.text, articleKeys);
  const firstShare = share(first);
  if (firstShare > 1 / 3) return first;
  let best = first;
  let bestShare = firstShare;
  for (const c of candidates.slice(1)) {
    const x = share(c);
    if (x > bestShare) [best, bestShare] = [c, x];
  }
  return bestShare - firstShare >= 0.4 ? best : first;
}

const BARE_TIME = /^(?<h>\d{1,2}):(?<mi>\d{2})$/u;

/** A date line's mention with the time a page put on the line just below or above it («12 қараша 2025» / «14:30»). */
function withTimeBeside(m: DateMention, before: string | undefined, after: string | undefined): DateMention {
  if (m.hour !== null) return m;
  for (const line of [after, before]) {
    const t = BARE_TIME.exec(line?.trim() ?? '')?.groups;
    if (t && Number(t.h) < 24 && Number(t.mi) < 60) return { ...m, hour: Number(t.h), minute: Number(t.mi) };
  }
  return m;
}

/** Headline-like body lines above the chosen headline in the header: chrome (a slogan, the site's name). */
function sloganLines(classified: readonly ClassifiedLine[], bodyIdx: readonly number[], titleIndex: number): number[] {
  return bodyIdx.filter((i) => i < titleIndex && headlineLike(classified[i]?.text ?? ''));
}

/** The header zone: up to the last metadata line among the first lines, before the first long prose paragraph. */
interface HeaderZone {
  /** Index of the first long prose paragraph (the line count when there is none). */
  firstProse: number;
  /** Index of the last metadata line of the header, or -1. */
  headerEnd: number;
}

function findHeaderZone(classified: readonly ClassifiedLine[]): HeaderZone {
  let firstProse = classified.findIndex((l) => l.kind === 'body' && isProse(l.text));
  if (firstProse < 0) firstProse = classified.length;
  let headerEnd = -1;
  for (let i = 0; i < Math.min(firstProse, 8); i++) if (HEADER_META.has(classified[i]?.kind ?? '')) headerEnd = i;
  return { firstProse, headerEnd };
}

interface TitleChoice {
  title: string;
  titleFrom: PageFields['titleFrom'];
  /** The line the title was read from, or -1. */
  titleIndex: number;
}

/**
 * The headline among the first body lines, before the prose: a one-word line above it is a rubric («Аналитика»);
 * a single short sentence right above a metadata line is a headline even with a period.
 */
function headlineOfPage(classified: readonly ClassifiedLine[], bodyIdx: readonly number[], zone: HeaderZone) {
  const candidates: { i: number; text: string }[] = [];
  for (const i of bodyIdx.slice(0, 3)) {
    if (i > Math.max(zone.headerEnd + 1, 3) || i >= zone.firstProse) break;
    const t = classified[i]?.text ?? '';
    const nextMeta = HEADER_META.has(classified[i + 1]?.kind ?? '');
    const sentenceHeadline = nextMeta && t.length <= 150 && /^[^.!?]+\.$/u.test(t);
    if (headlineLike(t) || sentenceHeadline) {
      candidates.push({ i, text: sentenceHeadline ? t.slice(0, -1) : t });
      continue;
    }
    if (t.split(/\s+/u).length > 1) break; // a real line that is not a headline: the page has none
  }
  const lastCandidate = candidates[candidates.length - 1]?.i ?? -1;
  const below = bodyIdx.filter((i) => i > lastCandidate).map((i) => classified[i]?.text ?? '');
  return chooseHeadline(candidates, below.join('\n').slice(0, 4000));
}

/** The page's own headline line (h1) of a given title, which may differ from it by a site suffix or a kicker. */
function givenTitleLine(
  title: string,
  classified: readonly ClassifiedLine[],
  bodyIdx: readonly number[],
  zone: HeaderZone,
): number {
  const firstBody = bodyIdx[0];
  const firstBodyText = firstBody === undefined ? undefined : classified[firstBody]?.text;
  if (firstBody === undefined || firstBodyText === undefined) return -1;
  if (firstBody > Math.max(zone.headerEnd + 1, 2) || !headlineLike(firstBodyText)) return -1;
  const tk = key(title);
  const fk = key(firstBodyText);
  return fk && (tk.includes(fk) || fk.includes(tk)) ? firstBody : -1;
}

/** The title: given (and then its line on the page, if any), else the page's headline; '' when there is none yet. */
function chooseTitle(
  classified: readonly ClassifiedLine[],
  bodyIdx: readonly number[],
  zone: HeaderZone,
  given: string | null | undefined,
): TitleChoice {
  // A record's title that is the site talking (scrapers take a cookie banner for the headline) is none.
  const title = given && !isSiteTalk(given) ? cleanTitle(given) : '';
  if (title) return { title, titleFrom: 'given', titleIndex: givenTitleLine(title, classified, bodyIdx, zone) };
  const chosen = headlineOfPage(classified, bodyIdx, zone);
  if (chosen) return { title: cleanTitle(chosen.text), titleFrom: 'headline', titleIndex: chosen.i };
  return { title: '', titleFrom: 'given', titleIndex: -1 };
}

/**
 * The body lines without site chrome and duplicates: rubrics and slogans around the headline, the headline repeated
 * in the body, and a paragraph seen twice (a teaser repeated by the article: the copy in its place is kept).
 */
function bodyWithoutDuplicates(
  classified: readonly ClassifiedLine[],
  bodyIdx: readonly number[],
  zone: HeaderZone,
  choice: TitleChoice,
): string[] {
  const { headerEnd, firstProse } = zone;
  const { titleIndex } = choice;
  const slogans = new Set(choice.titleFrom === 'headline' ? sloganLines(classified, bodyIdx, titleIndex) : []);
  const titleKey = key(choice.title);
  const drop = new Set<number>();
  const seen = new Map<string, number>();
  for (const i of bodyIdx) {
    const text = classified[i]?.text ?? '';
    const k = key(text);
    // Lines above the headline are site chrome: one-word rubrics («Аналитика», «Саясат»), or a slogan the headline
    // was chosen over (chooseHeadline), not article text.
    // A one-word line among the header's metadata below the headline is a rubric too.
    const oneWord = !/\s/u.test(text.trim());
    if ((i < titleIndex && (oneWord || slogans.has(i))) || (oneWord && i > titleIndex && i < headerEnd)) {
      drop.add(i);
      continue;
    }
    if (i === titleIndex || (titleKey && k === titleKey)) {
      drop.add(i);
      continue;
    }
    if (k.length < 30) continue; // short list items («• Ресей;») legitimately repeat
    const prev = seen.get(k);
    if (prev === undefined) seen.set(k, i);
    else if (prev <= headerEnd + 1 || prev < firstProse) {
      drop.add(prev); // the earlier copy is a header teaser: keep the one in its place in the article
      seen.set(k, i);
    } else drop.add(i);
  }
  return bodyIdx.filter((i) => !drop.has(i)).map((i) => classified[i]?.text ?? '');
}

/**
 * The date lines of the page as candidates. Outside the header, only a date line among the article's last lines is
 * a publication line («Опубликовано …» under the text); one in the middle belongs to a quote or an embedded post.
 */
function dateLineCandidates(
  classified: readonly ClassifiedLine[],
  zone: HeaderZone,
  titleIndex: number,
): DateCandidate[] {
  const anchor = Math.max(zone.headerEnd, titleIndex);
  const articleLines = classified
    .map((l, i) => (l.kind === 'body' || l.kind === 'date' ? i : -1))
    .filter((i) => i >= 0);
  const tail = new Set(articleLines.slice(-2));
  const out: DateCandidate[] = [];
  for (const [i, l] of classified.entries()) {
    if (l.kind !== 'date') continue;
    const line = dateLine(l.text);
    if (!line) continue;
    const mention = withTimeBeside(line.mention, classified[i - 1]?.text, classified[i + 1]?.text);
    const inHeader = i <= anchor + 2 || i < zone.firstProse;
    if (!inHeader && !tail.has(i)) continue;
    // A weekday-led date above the headline is the site's "today" in its page header, not the article's date.
    const chrome = mention.weekday && (titleIndex < 0 || i < titleIndex);
    const kind: DateKind = chrome
      ? 'pageChrome'
      : inHeader
        ? mention.hour !== null
          ? 'headerWithTime'
          : 'header'
        : 'publicationLine';
    out.push({ mention, kind });
  }
  return out;
}

type DateFields = Pick<PageFields, 'date' | 'year' | 'dateSource'>;

/** The article's date: the most trusted candidate, else a year inferred from the text (or nothing). */
function chooseDate(candidates: DateCandidate[], fullText: string): DateFields {
  candidates.sort((a, b) => DATE_PRIORITY[b.kind] - DATE_PRIORITY[a.kind]);
  let best = candidates[0];
  // Scanning the whole text for years is the costliest step of extraction: done only when a date needs it.
  if (best?.kind === 'pageChrome') {
    // A page-header date later than something the article still announces is not the article's date.
    const { upper } = yearBounds(yearMentions(fullText));
    if (upper !== null && best.mention.year > upper) best = undefined;
  }
  if (best) return { date: isoOf(best.mention), year: best.mention.year, dateSource: 'explicit' };
  const inferred = inferYear(fullText);
  return inferred
    ? { date: null, year: inferred.year, dateSource: 'inferred' }
    : { date: null, year: null, dateSource: null };
}

export function extractPage(text: string, hints: PageHints = {}): PageFields {
  const classified = classifyLines(pageLines(text));
  const zone = findHeaderZone(classified);
  const bodyIdx = classified.map((l, i) => (l.kind === 'body' ? i : -1)).filter((i) => i >= 0);
  const choice = chooseTitle(classified, bodyIdx, zone, hints.title);
  const bodyLines = bodyWithoutDuplicates(classified, bodyIdx, zone, choice);
  const body = bodyLines.join('\n\n');
  const { title, titleFrom } = choice.title
    ? choice
    : { title: titleFromText(bodyLines[0] ?? ''), titleFrom: 'sentence' as const };

  const given = hints.date ? parseDateString(hints.date) : null;
  const candidates: DateCandidate[] = [];
  if (given) candidates.push({ mention: given, kind: 'given' });
  // A dateline can only matter when no date was given (the given one outranks it).
  const dl = !given && bodyLines[0] !== undefined ? datelineOf(bodyLines[0]) : null;
  if (dl) candidates.push({ mention: dl, kind: 'dateline' });
  candidates.push(...dateLineCandidates(classified, zone, choice.titleIndex));
  const dates = chooseDate(candidates, `${title}\n${body}`);

  const source = hints.source ?? findSource({ lines: classified, url: hints.url ?? null, site: hints.site ?? null });
  return { title, body, ...dates, source, titleFrom, lines: classified };
}
