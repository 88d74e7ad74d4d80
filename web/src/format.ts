/** Display helpers: dates, language names, organization names, links. Pure, so they are unit-tested. */
import { LOCALES, MESSAGES, type UiLang } from './i18n.js';

/** An organization's names per interface language: `short` is shown (ШЫҰ/ШОС/SCO), `full` is for tooltips. */
export interface OrgLabel {
  short: Partial<Record<UiLang, string>>;
  full: Partial<Record<UiLang, string>>;
  /** Its other names in every language of the gazetteer (searched, never shown). */
  names?: string[];
}
/** Organization names by code (built from analyzers/data/gazetteer.json by web/org-labels.ts). */
export type OrgLabels = Record<string, OrgLabel>;

/** The organization's name in the interface language; the code when the gazetteer has no label. */
export function orgName(code: string, lang: UiLang, labels: OrgLabels): string {
  return labels[code]?.short[lang]?.trim() || code;
}

/** The organization's full name, for a tooltip: the full name, else the short one, else the code. */
export function orgFullName(code: string, lang: UiLang, labels: OrgLabels): string {
  return labels[code]?.full[lang]?.trim() || orgName(code, lang, labels);
}

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

/**
 * The locale dates are written in: the reader's own browser locale when it is of the interface language (en-US
 * writes «July 4, 2024», en-GB «4 July 2024»), else the interface language's default.
 */
export function readerLocale(lang: UiLang, browser: readonly string[] = []): string {
  for (const tag of browser) {
    if (tag.toLowerCase().split('-')[0] !== lang) continue;
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? LOCALES[lang];
    } catch {
      // not a valid tag: try the next
    }
  }
  return LOCALES[lang];
}

/**
 * A date for readers: «11 April 2025». Only the calendar date of the ISO string is used, formatted in UTC, so a
 * time zone offset can never move the day. Falls back to the year, then to null.
 */
export function formatDate(
  iso: string | null,
  year: number | null,
  lang: UiLang,
  locale: string = LOCALES[lang],
): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (m) {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    // Browsers' ICU often lacks Kazakh month names ("2024 M05 23"): Kazakh dates are spelled out here.
    if (lang === 'kk' && !Number.isNaN(date.getTime()))
      return `${date.getUTCDate()} ${KK_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ж.`;
    if (!Number.isNaN(date.getTime())) {
      return new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(date);
    }
  }
  if (iso && /^\d{4}$/.test(iso)) return iso;
  return year === null ? null : String(year);
}

/** The calendar date part of an ISO string, for <time datetime>. */
export function isoDay(iso: string | null): string | null {
  const m = iso ? /^\d{4}-\d{2}-\d{2}/.exec(iso) : null;
  return m ? m[0] : null;
}

/** The name of an article language tag (kk, kk-Latn, ru, …) in the interface language, Kazakh with its script. */
export function langName(tag: string, lang: UiLang): string {
  const lower = tag.toLowerCase();
  const base = lower.split('-')[0];
  const t = MESSAGES[lang];
  // Kazakh is written in two scripts: the facet must not show «Қазақша» twice.
  if (lower === 'kk-latn') return t.langKkLatn;
  if (lower === 'kk' || lower === 'kk-cyrl') return t.langKkCyrl;
  if (base === 'kk') return t.langKk;
  if (base === 'ru') return t.langRu;
  try {
    const name = new Intl.DisplayNames([LOCALES[lang]], { type: 'language' }).of(tag);
    if (name && name !== tag) return name;
  } catch {
    // not a valid BCP 47 tag: show a generic name
  }
  return t.langOther;
}

/** Only http(s) links are followed: a `javascript:` or `data:` url from an input record must never become a link. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The host of a link, shown next to "open the original". */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Paragraphs of an article body: blank lines separate them; single newlines inside one are kept as spaces. */
export function paragraphs(body: string): string[] {
  const blocks = body.split(/\n\s*\n/u).map((b) => b.replace(/\s*\n\s*/gu, ' ').trim());
  const out = blocks.filter(Boolean);
  // A body without blank lines but with line breaks: one paragraph per line reads better than one wall of text.
  if (out.length === 1 && body.includes('\n'))
    return body
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  return out;
}

/** Page numbers to offer: first, last, and a window around the current page, with null for a gap («…»). */
export function pageList(current: number, totalPages: number, around = 1): (number | null)[] {
  if (totalPages <= 1) return [];
  const pages = new Set<number>([1, totalPages]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= totalPages) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push(null);
    out.push(p);
  });
  return out;
}
