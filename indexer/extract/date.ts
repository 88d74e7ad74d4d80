// Dates in news text: textual (Kazakh, Russian, English month names in any case and script), numeric
// (23.05.2024, 2024-05-23), with times, datelines and ranges (the start of a range is the date). Which of the
// dates found is the article's own is decided by the caller (text.ts), which knows where each line sits.
import { isWeekday, monthOf } from './months.js';

export interface DateMention {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  /** UTC offset like "+05:00" when the text states one (GMT +5). */
  tz: string | null;
  /** UTF-16 offsets into the searched text (the whole mention, times and weekday included). */
  start: number;
  end: number;
  /** The mention is led by a weekday name («Суббота, 28 Февраля 2026»): typical of a page-header "today". */
  weekday: boolean;
  /** The mention opens a range («28 ноября – 1 декабря 2023»). */
  range: boolean;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 of a mention: the day, plus the time (and offset) when the text gives them. */
export function isoOf(m: DateMention): string {
  const day = `${m.year}-${pad(m.month)}-${pad(m.day)}`;
  if (m.hour === null || m.minute === null) return day;
  return `${day}T${pad(m.hour)}:${pad(m.minute)}:00${m.tz ?? ''}`;
}

// Ordinal marks after a day number: Kazakh «11-ші», Russian «1-го», «28-е».
const ORD = '(?:-?(?:ші|шы|інші|ыншы|ci|shi|го|е|ого))?';
const SEP = String.raw`(?:\s+|-|\s*\.\s*)`;
const DASH = String.raw`\s*[-–—]\s*`;
/** A year is not glued to other letters or digits, except «2023г.»/«2023ж.». */
const YEAR_END = String.raw`(?!\d)(?![^\P{L}гж]|[гж]\p{L})`;
const YEAR = String.raw`(?<y>\d{4})${YEAR_END}`;
const MONTH = String.raw`\p{L}+`;

/** «[Weekday,] 28[–30] ноября[ – 1 декабря][,] 2023» */
const RE_DMY = new RegExp(
  String.raw`(?:(?<wd>\p{L}+),?\s+)?(?<d1>\d{1,2})${ORD}(?:${DASH}(?<d1b>\d{1,2}))?${SEP}(?<m1>${MONTH})\.?` +
    String.raw`(?:${DASH}(?<d2>\d{1,2})${ORD}${SEP}(?<m2>${MONTH})\.?)?,?\s*${YEAR}`,
  'gdu',
);
/** «2025 жылғы 11 сәуірде», «2019 жылы 10 қазанда», «2025 jyldyń 28 qańtarynan» */
const RE_YDM = new RegExp(
  String.raw`(?<!\d)${YEAR}\s*-?\s*(?:(?:жыл|jyl|жил|год)\p{L}*|ж\.|г\.)\s*(?<d1>\d{1,2})${ORD}(?:\s+|-)(?<m1>${MONTH})`,
  'gdu',
);
/** «October 15, 2020», «Қазан 15, 2020» */
const RE_MDY = new RegExp(String.raw`(?<m1>${MONTH})\.?\s+(?<d1>\d{1,2}),\s*${YEAR}`, 'gdu');
/** «23.05.2024», «23/05/2024» (day first, as in Kazakhstan and Russia) */
const RE_NUM = new RegExp(
  String.raw`(?<![\d.\/])(?<d1>\d{1,2})(?<s>[./])(?<mo>\d{1,2})\k<s>(?<y>\d{4})${YEAR_END}(?![.\/]\d)`,
  'dgu',
);
/** «2024-05-23», «2024-05-23T10:15:00+05:00» */
const RE_ISO =
  /(?<![\d./-])(?<y>\d{4})-(?<mo>\d{2})-(?<d1>\d{2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?<tz>Z|[+-]\d{2}:?\d{2})?)?(?![\d])/dgu;

const TIME_BEFORE = /(?<h>\d{1,2}):(?<mi>\d{2})(?::\d{2})?\s*,?\s*(?:[|·•]\s*)?$/u;
/** A time after the date, also after the year's abbreviation or word: «2025 ж., 14:30», «2025 года в 14:30». */
const TIME_AFTER =
  /^\s*(?:(?:ж|г)\.|жыл\p{L}*|года?)?\s*(?:,|\||·|•|в|at|-|–)?\s*(?:в\s+)?(?<h>\d{1,2}):(?<mi>\d{2})(?::\d{2})?/u;
const TZ_AFTER = /^\s*\|?\s*(?:GMT|UTC)\s*(?<sign>[+-])\s*(?<hh>\d{1,2})(?::?(?<mm>\d{2}))?/iu;

function attachTime(text: string, m: DateMention): DateMention {
  if (m.hour !== null) return m;
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  const after = text.slice(m.end, m.end + 20);
  const b = TIME_BEFORE.exec(before);
  const a = TIME_AFTER.exec(after);
  let out = m;
  if (a?.groups && validTime(Number(a.groups.h), Number(a.groups.mi))) {
    out = { ...m, hour: Number(a.groups.h), minute: Number(a.groups.mi), end: m.end + a[0].length };
  } else if (b?.groups && validTime(Number(b.groups.h), Number(b.groups.mi))) {
    out = { ...m, hour: Number(b.groups.h), minute: Number(b.groups.mi), start: m.start - b[0].length };
  }
  const tz = TZ_AFTER.exec(text.slice(out.end, out.end + 16));
  if (tz?.groups && out.hour !== null) {
    out = {
      ...out,
      tz: `${tz.groups.sign}${pad(Number(tz.groups.hh))}:${tz.groups.mm ?? '00'}`,
      end: out.end + tz[0].length,
    };
  }
  return out;
}

const validTime = (h: number, mi: number): boolean => h >= 0 && h < 24 && mi >= 0 && mi < 60;

function indicesOf(m: RegExpExecArray, group: string): [number, number] | undefined {
  return m.indices?.groups?.[group];
}

/** Every full date (day, month, year) in a text, in order, overlaps resolved in favour of the longer one. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  const push = (y: number, mo: number, d: number, start: number, end: number, extra: Partial<DateMention> = {}) => {
    if (!validDay(y, mo, d)) return;
    found.push({
      year: y,
      month: mo,
      day: d,
      hour: null,
      minute: null,
      tz: null,
      start,
      end,
      weekday: false,
      range: false,
      ...extra,
    });
  };
  for (const m of text.matchAll(RE_DMY)) {
    const g = m.groups ?? {};
    const m1 = monthOf(g.m1 ?? '', { abbr: true });
    if (!m1) continue;
    if (g.m2 !== undefined && !monthOf(g.m2, { abbr: true })) continue;
    const wd = g.wd !== undefined && isWeekday(g.wd);
    const start = wd ? m.index : (indicesOf(m, 'd1')?.[0] ?? m.index);
    push(Number(g.y), m1, Number(g.d1), start, m.index + m[0].length, {
      weekday: wd,
      range: g.d1b !== undefined || g.d2 !== undefined,
    });
  }
  for (const m of text.matchAll(RE_YDM)) {
    const g = m.groups ?? {};
    const m1 = monthOf(g.m1 ?? '');
    if (m1) push(Number(g.y), m1, Number(g.d1), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(RE_MDY)) {
    const g = m.groups ?? {};
    const m1 = monthOf(g.m1 ?? '', { abbr: true });
    if (m1) push(Number(g.y), m1, Number(g.d1), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(RE_NUM)) {
    const g = m.groups ?? {};
    push(Number(g.y), Number(g.mo), Number(g.d1), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(RE_ISO)) {
    const g = m.groups ?? {};
    const extra: Partial<DateMention> = {};
    if (g.h !== undefined && validTime(+g.h, Number(g.mi))) {
      extra.hour = +g.h;
      extra.minute = Number(g.mi);
      if (g.tz) extra.tz = g.tz === 'Z' ? 'Z' : g.tz.length === 5 ? `${g.tz.slice(0, 3)}:${g.tz.slice(3)}` : g.tz;
    }
    push(Number(g.y), Number(g.mo), Number(g.d1), m.index, m.index + m[0].length, extra);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMention[] = [];
  for (const m of found) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue; // overlapping a longer/earlier mention
    kept.push(attachTime(text, m));
  }
  return kept;
}

/** Parses a string that is meant to be one date (record fields, meta tags, JSON-LD): ISO or any form above. */
export function parseDateString(s: string): DateMention | null {
  const t = s.trim();
  if (!t) return null;
  const all = findDates(t);
  return all[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Date lines: a line that is (almost) only a date is page metadata, not prose.

/** Words that may stand beside a date on a metadata line. */
const DATE_LINE_FILLER =
  /^(?:опубликовано|обновлено|дата|публикации|добавлено|изменено|создано|жарияланды|жаңартылды|жарияланған|уақыты|күні|published|updated|posted|on|в|at|gmt|utc|мск|г|года|гг|ж|жж|жыл|жылы|жылғы)$/iu;

export interface DateLine {
  mention: DateMention;
  /** Words left on the line besides the date (e.g. a rubric «Саясат»). */
  rest: string[];
}

/**
 * Page metadata that shares a date line («12 қараша 2025, 14:30 | 1 245 рет қаралды», «Қоғам · 12 қараша 2025 ·
 * 2 мин оқу», «12 ноября 2025 | Просмотров: 3 412»): view counters and reading times, in Kazakh (Cyrillic and
 * Latin), Russian and English. They are not words of a sentence, so they do not make the line prose.
 */
const LINE_METADATA = [
  /(?:👁|👀)\s*\d[\d\s]*/gu,
  /(?<![\p{L}\p{N}])(?:просмотр(?:ов|ы)?|views?|қаралым(?:ы|дар)?|қаралды|оқылды|көрсетілім|көрсетілді|көрілді|qaraldy|oqyldy|прочтени\p{L}*)\s*:?\s*\d[\d\s]*/giu,
  /(?<![\p{L}\p{N}])\d[\d\s]*(?:рет\s+(?:көрсетілді|оқылды|қаралды)|ret\s+(?:kórsetildi|oqyldy|qaraldy)|просмотр\p{L}*|views?|прочтени\p{L}*)(?![\p{L}\p{N}])/giu,
  /(?<![\p{L}\p{N}])\d+\s*(?:мин|минут\p{L}*|min)\.?\s*(?:оқу(?:\s+үшін)?|чтения|на чтение|read|oq[ýu](?:\s+[úu]sh[ıi]n)?)(?![\p{L}\p{N}])/giu,
  /(?<![\p{L}\p{N}])(?:время чтения|оқу уақыты|reading time)\s*:?\s*\d+\s*(?:мин\p{L}*|min)?\.?/giu,
];

/** The line without the view counters and reading times it carries beside a date. */
export function withoutLineMetadata(line: string): string {
  let out = line;
  for (const re of LINE_METADATA) out = out.replace(re, ' ');
  return out;
}

/**
 * When a line is a date with at most a few other words (a rubric, "Опубликовано", a separator, a view counter or a
 * reading time), returns it. A line with a sentence around a date is prose and returns null.
 */
export function dateLine(line: string, maxRestWords = 3): DateLine | null {
  const t = line.trim();
  // At most 80 characters besides the counters and reading times.
  if (t.length > 160 || withoutLineMetadata(t).replace(/\s+/gu, ' ').trim().length > 80) return null;
  const ms = findDates(t);
  const first = ms[0];
  if (!first) return null;
  let rest = t;
  for (const m of [...ms].reverse()) rest = `${rest.slice(0, m.start)} ${rest.slice(m.end)}`;
  rest = withoutLineMetadata(rest);
  const words = (rest.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !DATE_LINE_FILLER.test(w) && !/^\d{1,3}$/.test(w));
  // Words left beside a date on a metadata line are a rubric or a label («Саясат», «Политика»): capitalized.
  if (words.length > maxRestWords || words.some((w) => !/^[\p{Lu}\p{N}]/u.test(w))) return null;
  if (/[.!?]$/.test(t) && words.length > 0) return null;
  return { mention: first, rest: words };
}
