// The publication year of an article that states no date, inferred from the years its text mentions and
// their temporal context (done, announced, looked back on). Ranges («1941-1945», «2022–2023 жылдары») are
// periods, not points in time, and do not count.
import { findDates } from './date.js';
import { monthOf } from './months.js';

export interface YearGuess {
  year: number;
  /** Sum of the votes for that year. */
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
/**
 * Forms that place an event at a year's edge or start a period from it («2030 жылдың соңына дейін», «в конце
 * 2019 года», «после 2019 года», «2026 жылдан бастап», «с 2026 года»): they can be past or future alike and
 * bound nothing.
 */
const NEUTRAL_AFTER =
  /^\s*-?\s*(?:(?:жыл|jyl)\p{L}*\s+(?:соң|бас|орта|аяғ|sońy|sony|basy|orta|aıaǵ)\p{L}*|(?:жыл|jyl)\p{L}*\s+(?:бастап|bastap)(?![\p{L}\p{N}]))/iu;
const NEUTRAL_BEFORE =
  /(?<![\p{L}\p{N}])(?:(?:в|к|до)\s+(?:конц|начал|середин|первой\s+половин|второй\s+половин)\p{L}*|после|с|со|from|after|since|by\s+the\s+end\s+of)\s+(?:\p{L}+\s+)?$/iu;
/** на 2024 год, к 2030 году, до 2025 года, по июль 2024 года (the end of a period): a preposition, maybe a month. */
const FUTURE_BEFORE = /(?<![\p{L}\p{N}])(?:на|к|до|по|by|until)\s+(?:(\p{L}+)\s+)?$/iu;
const futureBefore = (before: string): boolean => {
  const m = FUTURE_BEFORE.exec(before);
  return m !== null && (m[1] === undefined || monthOf(m[1], { abbr: true }) !== null);
};
/**
 * Words that put a sentence in the future (plans, announcements): Kazakh future/intent forms (өтеді,
 * -мақшы/-бақшы/-пақшы), Russian future verbs and plan words, English will/upcoming.
 */
export const FUTURE_WORDS =
  /(?:өтеді|өткізіледі|жоспарла\p{L}*|алдағы|келесі|күтілуде|межелен\p{L}*|\p{L}+(?:мақ|мек|бақ|бек|пақ|пек)шы\p{L}*|будет|будут|станет|станут|состоится|состоятся|пройд[её]т|выйдет|вступит|начн[её]тся|откроется|завершится|продлится|планиру\p{L}*|запланирован\p{L}*|предстоящ\p{L}*|намечен\p{L}*|ожидается|должн\p{L}*|намерен\p{L}*|собира(?:ется|ются)|(?<![\p{L}\p{N}])will(?![\p{L}\p{N}])|upcoming|scheduled|ótedi|ótkiziledi|josparla\p{L}*|aldaǵy|kelesi|\p{L}+(?:maq|mek|baq|bek|paq|pek)shy\p{L}*)/iu;
/** A Kazakh intent form ending a sentence («бюджетін ұлғайтпақ», «ulǵaıtpaq»): the predicate is a plan. */
const KK_INTENT_END = /\p{L}{3,}(?:мақ|мек|бақ|бек|пақ|пек|maq|mek|baq|bek|paq|pek)[^\p{L}\p{N}]*$/u;
const isFuture = (sentence: string): boolean => FUTURE_WORDS.test(sentence) || KK_INTENT_END.test(sentence.trim());

/** «в нынешнем 2019 году», «биылғы 2024 жылы», «в текущем 2023 году»: the year of writing, named. */
const CURRENT_BEFORE = /(?<![\p{L}\p{N}])(?:нынешн|текущ|этом|биылғы|биыл|ағымдағы|bıylǵy|bıyl|aǵymdaǵy)\p{L}*\s*$/iu;
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

type MentionKind = 'past' | 'future' | 'retro' | 'current' | 'neutral';

interface YearMention {
  year: number;
  kind: MentionKind;
}

/** Every year the text mentions (full dates, month + year, year + year word), with its temporal context. */
export function yearMentions(text: string): YearMention[] {
  const out: YearMention[] = [];
  const dates = findDates(text);
  for (const d of dates) {
    out.push({ year: d.year, kind: isFuture(sentenceAround(text, d.start)) ? 'future' : 'past' });
  }
  const insideDate = (i: number) => dates.some((d) => i >= d.start && i < d.end);
  for (const m of text.matchAll(RE_YEAR)) {
    const g = m.groups ?? {};
    if (g.y2 !== undefined) continue; // a range: a period, not a point in time
    if (insideDate(m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const monthBefore = MONTH_BEFORE.exec(before);
    if (g.w === undefined && !(monthBefore && monthOf(monthBefore[1] ?? '', { abbr: true }))) continue;
    const after = text.slice(m.index + 4, m.index + 30);
    const s = sentenceAround(text, m.index);
    const futureLocal = FUTURE_LOCAL.some((r) => r.test(after)) || futureBefore(before);
    const kind: MentionKind = CURRENT_BEFORE.test(before)
      ? 'current'
      : NEUTRAL_AFTER.test(after) || NEUTRAL_BEFORE.test(before)
        ? 'neutral'
        : futureLocal || isFuture(s)
          ? 'future'
          : RETRO_BEFORE.test(before) || RETRO_WORDS.test(s)
            ? 'retro'
            : 'past';
    out.push({ year: Number(g.y1), kind });
  }
  return out;
}

export interface YearBounds {
  /** Publication is not earlier: the newest year of something done, the year after a year looked back on. */
  lower: number | null;
  /** Publication is not later: the oldest year of something announced. */
  upper: number | null;
}

export function yearBounds(mentions: readonly YearMention[]): YearBounds {
  const low = mentions.flatMap((m) =>
    m.kind === 'past' || m.kind === 'current' ? [m.year] : m.kind === 'retro' ? [m.year + 1] : [],
  );
  const high = mentions.flatMap((m) => (m.kind === 'future' || m.kind === 'current' ? [m.year] : []));
  return { lower: low.length ? Math.max(...low) : null, upper: high.length ? Math.min(...high) : null };
}

/**
 * Infers the publication year, or null. A year the text reports as done only bounds the publication from
 * below (news retells old events: «приговорили в 2010 году» in a 2018 article); a year looked back on as a
 * whole («қорытындысы», «итоги», «за 2018 год») bounds it by the year after; a year the text announces bounds it
 * from above. A year is inferred only when the text names it as current («в нынешнем 2019 году») or brackets
 * it: lower bound = upper bound. A bracket of two years (done in 2025, planned for 2026) is left open: January
 * reports on the past year and December plans for the next one make it a coin toss.
 */
export function inferYear(text: string): YearGuess | null {
  const mentions = yearMentions(text);
  const current = [...new Set(mentions.filter((m) => m.kind === 'current').map((m) => m.year))];
  const { lower, upper } = yearBounds(mentions);
  const [y] = current;
  if (current.length === 1 && y !== undefined) {
    return (lower === null || lower <= y) && (upper === null || y <= upper) ? { year: y, score: Infinity } : null;
  }
  if (lower === null || upper === null || upper < lower) return null;
  return upper === lower ? { year: lower, score: Infinity } : null;
}
