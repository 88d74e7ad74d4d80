// The headline of a page. News headlines are one line of moderate length that does not end with a period
// (Kazakh and Russian headline style), and they come before the article's prose. A page whose first line is
// already prose (a full sentence ending in a period) has no headline: its first sentence, cut at a word
// boundary, stands in for one (seed 001 is such a page: every line is a paragraph of the press release).
import { normalizeSource } from './source.js';

export const TITLE_MAX = 120;

/** Whether a line reads as a headline rather than prose, a label or a list item. */
export function headlineLike(line: string): boolean {
  const t = line.trim();
  if (t.length < 8 || t.length > 250) return false;
  if (!/\p{L}/u.test(t)) return false;
  if (t.split(/\s+/u).length < 2) return false;
  if (/[.:;,]$/u.test(t) && !/\.\.\.$|…$/u.test(t)) return false;
  return true;
}

/** Abbreviations after which a period does not end a sentence: initials (Б. Атамқұлов) and common short forms. */
const NO_SENTENCE_END =
  /(?:^|[\s(«"])(?:\p{Lu}|г|гг|ж|жж|ст|им|т|др|пр|тыс|млн|млрд|проф|акад|р|наб|пл|ул|обл|Mr|Dr|St)\.$/u;

/** The first sentence of a paragraph (a period followed by space and a capital, or the paragraph's end). */
export function firstSentence(text: string): string {
  for (const m of text.matchAll(/[.!?…](?=\s+[\p{Lu}«"„“(–—-])/gu)) {
    const upto = text.slice(0, m.index + 1);
    if (m[0] === '.' && NO_SENTENCE_END.test(upto)) continue;
    return upto.trim();
  }
  return text.trim();
}

/** Cuts a text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function cutAtWord(text: string, max = TITLE_MAX): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (t.length <= max) return t;
  const slice = t.slice(0, max);
  const space = slice.lastIndexOf(' ');
  const cut = (space > max / 2 ? slice.slice(0, space) : slice).replace(/[\s,;:–—-]+$/u, '');
  return `${cut}…`;
}

/**
 * A wire dateline opening a paragraph: «Москва. 4 ноября. INTERFAX.RU - », «КИЕВ. 9 июля. УНН. »,
 * «ASTANA. KAZINFORM – », «ВАШИНГТОН, 15 дек – РИА Новости. » (the agency after the dash: capitalized words and a
 * period). Not part of a sentence that stands in for a headline.
 */
const DATELINE_PREFIX =
  /^[\p{Lu}][\p{L}-]+(?:\s[\p{L}-]+)?[.,]\s*(?:\d{1,2}\s+\p{L}+[.,]?\s*)?(?:(?:[\p{Lu}][\p{Lu}\p{N}.-]{1,20}|\/[\p{L}]+\/)\s*[-–—.]\s+|[-–—]\s+(?:\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2}\.\s+)?)/u;

export function stripDateline(text: string): string {
  const m = DATELINE_PREFIX.exec(text);
  // Only when what follows is a sentence (a capital), so «Б. Атамқұлов» or «Ст. Петербург» stay.
  return m && /^[\p{Lu}«"„“]/u.test(text.slice(m[0].length)) ? text.slice(m[0].length) : text;
}

/** A title from the first sentence of the body, for pages without a headline. */
export function titleFromText(text: string): string {
  const first = text.split('\n').find((l) => /\p{L}/u.test(l)) ?? '';
  return cutAtWord(firstSentence(stripDateline(first)).replace(/[.]$/u, ''));
}

const SEPARATORS = /\s+(?:\||::|\/\/|—|–|-|·|•)\s+/u;

/**
 * A publication time that scrapers glue before a headline: a clock time, after a numeric date or alone, and the
 * separator after it («15:10 Новым главой МИД …», «19.03.2018 10:03 : Киев предлагает …»). Cut only before a capital
 * or an opening quote, so a headline that is about a time («7:00 утра …») stays.
 */
const TIME_STAMP = /^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+)?\d{1,2}:\d{2}(?:\s*[:|–—-])?\s+(?=[\p{Lu}«"„“])/u;

/** A headline without the publication time glued before it (TIME_STAMP). */
export const withoutTimeStamp = (text: string): string => text.replace(TIME_STAMP, '');

/**
 * Removes a site name around a headline («… | Zakon.kz», «Tengrinews.kz - …», «…: Политика: Мир: Lenta.ru»):
 * a segment is dropped only when it names a domain or a known outlet, so a dash inside a headline stays; and the
 * publication time glued before it (withoutTimeStamp).
 */
export function cleanTitle(raw: string): string {
  let t = withoutTimeStamp(raw.replace(/\s+/gu, ' ').trim());
  const isSite = (seg: string) => {
    const s = seg.trim();
    if (!s || s.length > 40) return false;
    if (/^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:[a-z]{2,12}|қаз|рф)$/iu.test(s)) return true;
    const n = normalizeSource(s);
    return n?.includes('.') && n !== s.toLowerCase() && s.split(/\s+/u).length <= 3;
  };
  for (;;) {
    const seps = [...t.matchAll(new RegExp(SEPARATORS.source, 'gu'))];
    const last = seps[seps.length - 1];
    const first = seps[0];
    if (!last || !first) break;
    if (isSite(t.slice(last.index + last[0].length))) t = t.slice(0, last.index);
    else if (isSite(t.slice(0, first.index))) t = t.slice(first.index + first[0].length);
    else break;
  }
  // «Заголовок: Политика: Мир: Lenta.ru» — trailing rubric segments before a site name.
  const colon = t.split(/:\s+/u);
  if (colon.length >= 2 && isSite(colon.at(-1) ?? '')) {
    let k = colon.length - 1;
    while (k > 1 && (colon[k - 1] ?? '').split(/\s+/u).length <= 2) k--;
    t = colon.slice(0, k).join(': ');
  }
  return t.trim();
}
