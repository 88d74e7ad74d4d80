// The publication year of an article that states no date, inferred from the years its text mentions. Each
// mention votes by its context: a plain or past mention for its own year; a full date more strongly; a year
// that is the target of something planned («2019 жылға арналған», «на 2024 год», «өтеді», «состоится») mostly
// for the year before it; a retrospective («қорытындысы», «итоги», «за 2018 год») mostly for the year after.
// Ranges («1941-1945», «2022–2023 жылдары») and years far older than the newest one (history) do not vote.
import { findDates } from './date.js';
import { monthOf } from './months.js';

export interface YearGuess {
  year: number;
  /** Sum of the votes for that year (≥ 0.5 to be reported at all). */
  score: number;
}

const YEAR_WORD = String.raw`(?:(?:жыл|jyl|год|году|года|year)\p{L}*|ж\.|жж\.|г\.|гг\.|г(?![\p{L}]))`;
/** A year with a year word, or a range of two («1941-1945 жж.»); the year word may follow a hyphen (2025-жылы). */
const RE_YEAR = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,:\/-])(?<y1>(?:19|20)\d\d)(?:\s*[-–—]\s*(?<y2>(?:19|20)\d\d))?(?:\s*-?\s*(?<w>${YEAR_WORD}))?`,
  'gu',
);
/** A month name before a year («Qańtar 2026», «в октябре 2025»), which makes a bare year a year. */
const MONTH_BEFORE = /(\p{L}+)\.?\s*$/u;

/** Local forms that make a year the target of something still to come. */
const FUTURE_LOCAL = [
  /^\s*-?\s*жыл(?:ға|дарға)(?![\p{L}\p{N}])/u, // 2019 жылға (арналған / дейін / қарай)
  /^\s*-?\s*jyl(?:ǵa|ğa|ga)(?![\p{L}\p{N}])/u,
];
const FUTURE_BEFORE = /(?<![\p{L}\p{N}])(?:на|к|до|by|until)\s*$/iu; // на 2024 год, к 2030 году, до 2025 года
/** Words that put a sentence in the future (plans, announcements). */
export const FUTURE_WORDS =
  /(?:өтеді|өткізіледі|жоспарлан\p{L}*|жоспарлауда|алдағы|келесі|күтілуде|межелен\p{L}*|будет|будут|состоится|пройд[её]т|планиру\p{L}*|запланирован\p{L}*|предстоящ\p{L}*|намечен\p{L}*|ожидается|(?<![\p{L}\p{N}])will(?![\p{L}\p{N}])|upcoming|scheduled|ótedi|ótkiziledi|josparlan\p{L}*|aldaǵy|kelesi)/iu;
/** Words that look back on a whole year (results, reports). */
const RETRO_WORDS = /(?:қорытынды\p{L}*|итог\p{L}*|qorytyndy\p{L}*|results)/iu;
const RETRO_BEFORE = /(?<![\p{L}\p{N}])за\s*$/iu; // за 2018 год

const SENTENCE_END = /[.!?…](?=\s|$)|\n/gu;

function sentenceAround(text: string, at: number): string {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index < at) start = m.index + 1;
    else {
      end = m.index;
      break;
    }
  }
  return text.slice(start, end);
}

/** Infers the year; null when the text mentions no usable year. */
export function inferYear(text: string): YearGuess | null {
  const votes = new Map<number, number>();
  const vote = (y: number, w: number) => votes.set(y, (votes.get(y) ?? 0) + w);
  const mentions: Array<{ year: number; at: number; kind: 'date' | 'plain' }> = [];
  const dates = findDates(text);
  for (const d of dates) mentions.push({ year: d.year, at: d.start, kind: 'date' });
  const insideDate = (i: number) => dates.some((d) => i >= d.start && i < d.end);
  const pending: Array<{ year: number; at: number; after: string; before: string }> = [];
  for (const m of text.matchAll(RE_YEAR)) {
    const g = m.groups!;
    if (g.y2 !== undefined) continue; // a range: a period, not a point in time
    if (insideDate(m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const monthBefore = MONTH_BEFORE.exec(before);
    if (g.w === undefined && !(monthBefore && monthOf(monthBefore[1]!, { abbr: true }))) continue;
    pending.push({ year: +g.y1!, at: m.index, after: text.slice(m.index + 4, m.index + 30), before });
  }
  const all = [...mentions.map((m) => m.year), ...pending.map((p) => p.year)];
  if (all.length === 0) return null;
  const newest = Math.max(...all);
  const recent = (y: number) => y >= newest - 10; // older years are history (anniversaries, wars, founding)
  for (const m of mentions) {
    if (!recent(m.year)) continue;
    const s = sentenceAround(text, m.at);
    if (FUTURE_WORDS.test(s)) vote(m.year, 1);
    else vote(m.year, 1.5);
  }
  for (const p of pending) {
    if (!recent(p.year)) continue;
    const s = sentenceAround(text, p.at);
    const futureLocal = FUTURE_LOCAL.some((r) => r.test(p.after)) || FUTURE_BEFORE.test(p.before);
    if (futureLocal || FUTURE_WORDS.test(s)) {
      vote(p.year - 1, 0.6);
      vote(p.year, 0.4);
    } else if (RETRO_BEFORE.test(p.before) || RETRO_WORDS.test(s)) {
      vote(p.year + 1, 0.7);
      vote(p.year, 0.3);
    } else vote(p.year, 1);
  }
  let best: YearGuess | null = null;
  for (const [year, score] of votes) {
    if (!best || score > best.score || (score === best.score && year > best.year)) best = { year, score };
  }
  return best && best.score >= 0.5 ? best : null;
}
