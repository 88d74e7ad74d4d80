// Page furniture in text pages: what news sites put around an article (related-news lists, subscribe lines,
// counters, credits, bylines, footers, share/tag/comment widgets). The rules describe how such sites are built,
// line by line; each is bounded (short lines only, anchored patterns) so that a real paragraph that merely
// mentions Telegram, a photo or a copyright is kept.
import { dateLine } from './date.js';

export type LineKind =
  | 'body'
  | 'related' // a related/other-news heading and the list after it
  | 'subscribe' // subscribe/follow-us lines
  | 'counter' // view counters, reading time, bare numbers
  | 'photo' // photo/image credits
  | 'byline' // author/admin lines
  | 'footer' // copyright, CMS and site-maker lines
  | 'date' // a line that is a date (with a rubric, a weekday, a time): metadata, read by date.ts first
  | 'source' // «Источник: …», «Дереккөз: …»
  | 'share' // share buttons, social network names
  | 'tags' // tag lists, hashtags
  | 'comments' // comment widgets, error-report hints
  | 'ad' // advertisement labels
  | 'notice' // cookie banners, outdated-browser warnings, account messages, the region picker
  | 'nav' // breadcrumbs
  | 'widget'; // CMS block ids such as «MalimBlocks»

export interface ClassifiedLine {
  text: string;
  kind: LineKind;
}

const words = (s: string): number => s.split(/\s+/u).filter(Boolean).length;
/** The line ends a sentence (prose), as opposed to a headline or a list item. */
const endsSentence = (s: string): boolean => /[.!?…»"”]$/u.test(s.trim()) && /[.!?…]/u.test(s);

// --- related-news headings -------------------------------------------------------------------------------
const RELATED_HEADINGS = [
  // Kazakh (Cyrillic; «жаналықтар» is a frequent misspelling of «жаңалықтар»)
  'байланысты жаңалықтар',
  'байланысты жаналықтар',
  'тағы оқыңыз',
  'тағы да оқыңыз',
  'сондай-ақ оқыңыз',
  'оқи отырыңыз',
  'ұқсас жаңалықтар',
  'ұқсас жаналықтар',
  'ұқсас материалдар',
  'соңғы жаңалықтар',
  'басқа жаңалықтар',
  'басқа да жаңалықтар',
  'тақырыпқа қатысты',
  'тақырыпқа қатысты жаңалықтар',
  'қатысты жаңалықтар',
  'тақырып бойынша жаңалықтар',
  'көп оқылған',
  'көп оқылғандар',
  'ең көп оқылған',
  'ең көп оқылғандар',
  'жаңалықтар легі',
  'бұл да қызық',
  'оқуды ұсынамыз',
  'танымал',
  'танымал жаңалықтар',
  // Kazakh Latin
  'baılanysty jańalyqtar',
  'taǵy oqyńyz',
  'uqsas jańalyqtar',
  'sońǵy jańalyqtar',
  'bailanysty janalyqtar',
  // Russian
  'другие новости',
  'читайте также',
  'читайте еще',
  'читайте ещё',
  'похожие новости',
  'похожие материалы',
  'последние новости',
  'новости по теме',
  'материалы по теме',
  'еще по теме',
  'ещё по теме',
  'по теме',
  'смотрите также',
  'самое читаемое',
  'самое популярное',
  'популярное',
  'популярные новости',
  'рекомендуем',
  'рекомендуем прочитать',
  'вам может быть интересно',
  'вам также может понравиться',
  'лента новостей',
  'новости партнеров',
  'новости партнёров',
  'другие материалы',
  'еще новости',
  'ещё новости',
  'все новости',
  'главные новости',
  'актуальное',
  'выбор редакции',
  // English
  'related news',
  'related articles',
  'related',
  'read also',
  'read more',
  'see also',
  'more news',
  'latest news',
  'most read',
  'most popular',
  'you may also like',
];
const RELATED_SET = new Set(RELATED_HEADINGS);
const headingKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[:.!…»«"\s]+$/u, '')
    .replace(/^[«"\s•·*-]+/u, '')
    .replace(/\s+/gu, ' ');
/** The calls that introduce another article («Читайте также»), inside a paragraph too (GLUED_RELATED). */
const RELATED_MARKERS =
  'читайте также|читайте еще|читайте ещё|смотрите также|тағы оқыңыз|сондай-ақ оқыңыз|оқи отырыңыз|read also|see also|taǵy oqyńyz';
/** «Читайте также: Заголовок другой новости» on one line («По теме: …» too, which prose says inside a paragraph). */
const RELATED_INLINE = new RegExp(`^(?:${RELATED_MARKERS}|по теме)\\s*[:—–-]\\s*\\S`, 'iu');

export function isRelatedHeading(line: string): boolean {
  const t = line.trim();
  if (t.length > 60) return false;
  const k = headingKey(t);
  return RELATED_SET.has(k) || RELATED_SET.has(k.replace(/е/g, 'ё'));
}

// --- line rules --------------------------------------------------------------------------------------------
const SUBSCRIBE =
  /(?:подписывайтесь|подписывайся|подпишитесь|присоединяйтесь к нам|будьте в курсе|наш(?:ем|его|ему|им)?\s+(?:telegram|телеграм|инстаграм|instagram|youtube|ютуб|tiktok|тикток|whatsapp)[\p{L}-]*|(?:telegram|телеграм)-?канал\p{L}*|жазылыңыз|жазылып алыңыз|жазылу арқылы|біздің\s+(?:telegram|телеграм|instagram|инстаграм|youtube|tiktok|whatsapp)|бізді\s+.{1,40}?(?:оқыңыз|қадағалаңыз|бақылаңыз)|(?<![\p{L}\p{N}])follow us(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])subscribe(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])join us(?![\p{L}\p{N}])|jazylyńyz|jazylyñyz)/iu;
const FOOTER =
  /(?:создано на платформе|на платформе\s+\S+\s+cms|©\s*(?:19|20)\d\d|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s*©|все права (?:защищены|сохранены)|авторские права защищены|барлық құқықтар\p{L}* қорғалған|құқықтар\p{L}* қорғалған|дизайн и разработка|разработка сайта|создание сайта|сайт жасаған|сайтты жасаған|мы работаем для вас|при (?:полном или частичном )?(?:использовании|копировании|цитировании|перепечатке) материалов|материалдарды (?:пайдаланғанда|көшіргенде|қолданғанда)|гиперссылка (?:на [\p{L}.\s]+)?обязательна|активная ссылка|сілтеме (?:жасау )?міндетті|(?<![\p{L}\p{N}])powered by(?![\p{L}\p{N}])|all rights reserved|свидетельство о (?:постановке на учет|регистрации)|тіркеу туралы куәлік)/iu;
const PHOTO =
  /^(?:©\s*)?(?:фото|фотосурет|фотосы|сурет|суреттер|photo|photos|коллаж|кадр из видео|скриншот|видео|foto|suret)\s*[:©—–-]/iu;
/** «Фото из открытых источников», «Иллюстративное фото», «Сурет ашық дереккөзден»: short, no sentence end. */
const PHOTO_PHRASE =
  /^(?:иллюстративное фото|фото|сурет)(?:\s+(?:из|с|со|взято|автора|ашық|архив\p{L}*|pixabay|unsplash|freepik|shutterstock|depositphotos|getty)(?![\p{L}\p{N}])[^.!?]{0,60})?$/iu;
const BYLINE_LABEL =
  /^(?:автор|авторы|дайындаған|дайындағандар|подготовил[аи]?|текст|редактор|корреспондент|тілші|avtor|author|by)\s*[:—–-]\s*\S/iu;
const BYLINE_ROLE =
  /(?:^|\s)(?:админ|admin|administrator|редактор|editor|тілші|корреспондент|журналист|шолушы|обозреватель|автор)$/iu;
const SOURCE = /^(?:источник|дереккөз|derekkóz|derekköz|source|по материалам|ақпарат көзі)\s*[:—–-]?\s*\S/iu;
const SHARE =
  /^(?:поделиться|бөлісу|бөлісіңіз|share|твитнуть|распечатать|печать|print|копировать ссылку|скопировать ссылку)(?![\p{L}\p{N}])/iu;
const SOCIAL_ONLY =
  /^(?:(?:facebook|fb|twitter|x|vk|vkontakte|вконтакте|telegram|телеграм|whatsapp|viber|ok|одноклассники|instagram|инстаграм|youtube|tiktok|linkedin|email|e-mail|mail\.ru|мой мир)[\s,|·•/]*)+$/iu;
const TAGS = /^(?:теги|тегтер|тэги|метки|кілт сөздер|ключевые слова|tags|tegter)\s*:/iu;
const HASHTAGS = /^(?:#[\p{L}\p{N}_]+[\s,]*)+$/u;
const COMMENTS =
  /(?:нашли ошибку|выделите (?:её|ее|текст|фрагмент) и нажмите|ctrl\s*\+\s*enter|қате тапсаңыз|қатені белгілеп|^комментари(?:и|ев)\s*\(?\d*\)?$|^пікір(?:лер)?\s*\(?\d*\)?$|оставьте комментарий|оставить комментарий|пікір қалдыр|войдите, чтобы|чтобы оставить комментарий)/iu;
const AD = /^(?:реклама|жарнама|advertisement|на правах рекламы|erid:?\s*\S*)$/iu;
/**
 * What a site says to its visitor, not about the news: cookie banners, outdated-browser warnings, account messages,
 * the region picker. Scrapers take them for the headline as often as for a paragraph.
 */
const NOTICE = [
  /^(?:наш\s+|этот\s+)?(?:веб-?)?сайт\s+(?:использует|применяет|собирает)\s+(?:файлы\s+)?cookies?/iu,
  /^(?:мы\s+используем|используя\s+(?:наш\s+|этот\s+)?сайт,?\s+вы\s+соглашаетесь\s+с\s+использованием)\s+(?:файл(?:ы|ов)\s+)?cookies?/iu,
  /^(?:біздің\s+)?сайт\s+cookie/iu,
  /^(?:this|our)\s+(?:web)?site\s+uses\s+cookies|^we\s+use\s+cookies/iu,
  /^(?:вы\s+используете|у\s+вас)\s+устаревш\p{L}*\s+(?:верси\p{L}+\s+)?браузер/iu,
  /^you\s+are\s+using\s+an?\s+(?:outdated|old|unsupported)\s+(?:version\s+of\s+(?:your\s+)?)?browser/iu,
  /^(?:регистрация\s+(?:пройдена|прошла|завершена)\s+успешно|спасибо\s+за\s+регистрацию)/iu,
  /^(?:ваш|выберите)\s+(?:регион|город)\s*[?:]?$/iu,
];
const NAV = /^(?:главная|басты бет|home|новости|жаңалықтар)\s*(?:[/>»|›]\s*\S.*)$/iu;
const WIDGET = /^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$/u;

const COUNTER_LINE = [
  /^(?:👁|👀|просмотр(?:ов|ы)?|views?|қаралым(?:ы|дар)?|оқылды|көрсетілім)\s*:?\s*[\d\s]+$/iu,
  /^[\d\s]+\s*(?:рет көрсетілді|рет оқылды|рет қаралды|просмотр\p{L}*|views?|прочтени\p{L}*)$/iu,
  /^\d+\s*(?:мин|минут|min)\.?\s*(?:оқу үшін|оқу|чтения|на чтение|read|oqý úshin)$/iu,
  /^(?:время чтения|оқу уақыты|reading time)\s*:?\s*\d+/iu,
  /^[\d\s.,:|•·]+$/u, // bare numbers (counters, page numbers, stray time stamps)
];
/** First half of a counter that a page split over two lines («143 рет» / «көрсетілді»). */
const COUNTER_HEAD = /^\d[\d\s]*\s*(?:рет|мин|минут|min)\.?$/iu;
const COUNTER_TAIL = /^(?:көрсетілді|оқылды|қаралды|оқу үшін|оқу|просмотр\p{L}*|чтения|на чтение|read|views?)$/iu;

function lineKind(t: string): LineKind {
  const len = t.length;
  if (len <= 160 && dateLine(t)) return 'date'; // dateLine allows 80 characters besides counters
  if (COUNTER_LINE.some((r) => r.test(t))) return 'counter';
  if (RELATIVE_TIME.test(t)) return 'date';
  if (len <= 250 && SUBSCRIBE.test(t)) return 'subscribe';
  if (len <= 250 && FOOTER.test(t)) return 'footer';
  if (len <= 200 && PHOTO.test(t)) return 'photo';
  if (len <= 80 && PHOTO_PHRASE.test(t)) return 'photo';
  if (len <= 120 && /^©/u.test(t)) return 'photo';
  if (len <= 120 && SOURCE.test(t)) return 'source';
  if (len <= 80 && words(t) <= 6 && (BYLINE_LABEL.test(t) || (words(t) <= 4 && BYLINE_ROLE.test(t)))) return 'byline';
  if (len <= 60 && (SHARE.test(t) || SOCIAL_ONLY.test(t))) return 'share';
  if (len <= 300 && (TAGS.test(t) || HASHTAGS.test(t))) return 'tags';
  if (len <= 200 && COMMENTS.test(t)) return 'comments';
  if (len <= 60 && AD.test(t)) return 'ad';
  if (len <= 300 && NOTICE.some((r) => r.test(t))) return 'notice';
  if (len <= 200 && NAV.test(t)) return 'nav';
  if (len <= 40 && WIDGET.test(t)) return 'widget';
  return 'body';
}

/** Kinds of line a site says to every visitor: never an article's title, even where a record gives it as one. */
const SITE_TALK: ReadonlySet<LineKind> = new Set(['notice', 'subscribe', 'footer', 'comments']);

/** Whether a title is the site talking (a cookie banner, a subscribe call, a footer), not a headline. */
export const isSiteTalk = (title: string): boolean => SITE_TALK.has(lineKind(title.trim()));

/** A line that can be an item of a link list: a headline, a date, a counter or a short teaser. */
function listLike(t: string): boolean {
  if (t.length <= 200 && !endsSentence(t)) return true;
  return lineKind(t) !== 'body';
}

/** Letters of prose lines: used to tell an end-of-article block from a list in the middle of an article. */
const proseChars = (lines: readonly string[]): number =>
  lines.reduce((n, l) => (l.length >= 80 && endsSentence(l) && lineKind(l) === 'body' ? n + l.length : n), 0);

/**
 * Classifies every line (already trimmed, no empty lines). A related heading near the end of the article
 * takes everything after it (sites put their lists, widgets and footer there); in the middle of an article it
 * takes only the run of list-like lines that follows it.
 */
export function classifyLines(lines: readonly string[]): ClassifiedLine[] {
  const kinds: LineKind[] = lines.map(lineKind);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (COUNTER_HEAD.test(lines[i] ?? '') && COUNTER_TAIL.test(lines[i + 1] ?? '')) {
      kinds[i] = 'counter';
      kinds[i + 1] = 'counter';
    }
  }
  for (const [i, t] of lines.entries()) {
    if (kinds[i] === 'body' && t.length <= 200 && RELATED_INLINE.test(t)) {
      kinds[i] = 'related';
      continue;
    }
    if (!isRelatedHeading(t)) continue;
    // Headings one after another are widgets whose lists the scrape lost: the list, if any, follows the last one.
    let end = i + 1;
    while (end < lines.length && isRelatedHeading(lines[end] ?? '')) end++;
    const after = lines.slice(end);
    if (after.length === 0 || !after.slice(0, 2).every(listLike)) {
      // A heading followed by prose is a real subheading; empty widgets, and a heading that ends the page, are not.
      if (after.length === 0 || end > i + 1) for (let j = i; j < end; j++) kinds[j] = 'related';
      continue;
    }
    const before = lines.slice(0, i);
    if (proseChars(after) < proseChars(before)) {
      for (let j = i; j < lines.length; j++) kinds[j] = 'related';
      break;
    }
    kinds[i] = 'related';
    for (let j = i + 1; j < lines.length && j <= i + 12 && listLike(lines[j] ?? ''); j++) kinds[j] = 'related';
  }
  return lines.map((text, i) => ({ text, kind: kinds[i] ?? 'body' }));
}

/**
 * Furniture that scraped pages glue to the start of a line: error-report hints, breadcrumb labels, and the clock time
 * left of a dateline whose date the scrape dropped («, 13:59 REGNUM В аэропорту…»: no paragraph opens with a comma).
 * Removed so the text after it (often the headline) stands alone.
 */
const GLUED_PREFIX =
  /^(?:(?:если вы заметили ошибку|нашли ошибку|заметили ошибку)[^\n]{0,80}?ctrl\s*\+\s*enter\.?|(?:вы здесь|you are here|сіз осындасыз)\s*:|[,;:]\s*\d{1,2}:\d{2}(?=\s+\p{Lu}))\s*/iu;
/** A relative timestamp glued after a headline («… Великобритании. Сегодня, 17:22»): moved to its own line. */
const GLUED_RELATIVE_TIME = /\s+((?:сегодня|вчера|бүгін|кеше|today|yesterday),?\s*(?:в\s+|at\s+)?\d{1,2}:\d{2})$/iu;
/** A line that is only a relative timestamp: metadata without a day. */
export const RELATIVE_TIME = /^(?:сегодня|вчера|бүгін|кеше|today|yesterday),?\s*(?:в\s+|at\s+)?\d{1,2}:\d{2}$/iu;

/** How an error-report prompt opens: «Если вы заметили ошибку», «Заметите ошибку», «Нашли ошибку». */
const ERROR_PROMPT = '(?:если\\s+вы\\s+)?(?:заметили|заметите|нашли)\\s+ошибку';

/**
 * Calls to subscribe and cookie notices that scrapes glue into a paragraph («… во время телешоу. Новости от
 * Корреспондент.net в Telegram. Подписывайтесь на наш канал https://t.me/…»). Each pattern describes a whole
 * sentence of that kind, so a sentence that merely reports a subscription or a Telegram post is kept.
 */
const GLUED_SENTENCE = [
  /^(?:подписывайтесь|подпишитесь|подписывайся|подпишись)\s+на\s/iu,
  /\s(?:и|and)\s+(?:подписывайтесь|подпишитесь)\s+на\s/iu,
  /^подписаться(?:\s+на\s+(?:рассылку|новости|канал|наш)|\s*$)/iu,
  /^подписка\s+на\s+(?:\p{L}+\s+){0,3}рассылку/iu,
  /^(?:новости|все новости|читайте нас|следите за новостями)\s+(?:от\s+)?.{0,40}?\s(?:в|на)\s+(?:telegram|телеграм|телеграме|viber|whatsapp|facebook|фейсбуке|яндекс\.дзен|дзен)\b/iu,
  /^наш\s+сайт\s+использует\s+(?:файлы\s+)?cookie/iu,
  /^(?:біздің\s+)?(?:telegram|телеграм)[-\s]?(?:арнамызға|арнасына)\s+жазылыңыз/iu,
  /^(?:жазылыңыз|жазылып алыңыз)\b/iu,
  /^(?:subscribe|follow us)\s+(?:to|on)\s/iu,
  /^присоединяйтесь\s+к\s+(?:нам|нашему|нашей|(?:telegram|телеграм)[-\s]?\p{L}*)(?!\p{L})/iu,
  // The error-report prompt («Если вы заметили ошибку, выделите её и нажмите Ctrl+Enter», «Нашли ошибку?»).
  new RegExp(`^${ERROR_PROMPT}(?!\\p{L})`, 'iu'),
  /^(?:пожалуйста,\s+)?выделите\s+(?:её|ее|текст|фрагмент|необходимый)(?!\p{L}).{0,100}?\sнажмите(?!\p{L})/iu,
];
/** The longest sentence a glued call can be (longer is prose). */
const GLUED_SENTENCE_MAX = 220;

/** Sentences of a line; the separators stay with the sentence before them. */
const sentencesOf = (line: string): string[] => line.split(/(?<=[.!?…])\s+(?=\S)/u);

/** A paragraph without the subscribe calls and cookie notices glued into it (whole sentences only). */
export function withoutGluedFurniture(line: string): string {
  if (line.length < 12) return line;
  const kept = sentencesOf(line).filter(
    (s) => s.length > GLUED_SENTENCE_MAX || !GLUED_SENTENCE.some((r) => r.test(s.trim())),
  );
  return kept.join(' ');
}

/** The error-report prompt glued to a paragraph's end with no sentence end before it (its Ctrl+Enter often lost). */
const GLUED_ERROR_PROMPT = new RegExp(
  `\\s${ERROR_PROMPT}(?:\\s+в\\s+тексте)?[,?]?\\s+(?:пожалуйста,\\s+)?выделите\\s[^.!?]{0,80}$`,
  'iu',
);

/** A related-news call inside a paragraph, its marker and what follows it to the paragraph's end. */
const GLUED_RELATED = new RegExp(`\\s(?:${RELATED_MARKERS})\\s*:(?<teaser>[^\\n]*)$`, 'iu');
/** The most words a teaser glued after the marker has: another article's headline, not a paragraph of this one. */
const GLUED_TEASER_WORDS = 25;
/** A sentence end in what follows the marker: a headline has none, so that is prose, and it is kept. */
const SENTENCE_END = /[.!?…]/u;

/**
 * A paragraph without what flattened scrapes glue to its end: an error-report prompt (GLUED_ERROR_PROMPT), then a
 * «Читайте также: …» — the marker, and the other article's headline after it when that is all the paragraph has left
 * (a short run with no sentence end), so a teaser that prose follows is kept whole.
 */
export function withoutGluedTail(line: string): string {
  line = line.replace(GLUED_ERROR_PROMPT, '');
  const m = GLUED_RELATED.exec(line);
  const teaser = m?.groups?.teaser?.trim() ?? '';
  if (!m || SENTENCE_END.test(teaser) || teaser.split(/\s+/u).length > GLUED_TEASER_WORDS) return line;
  return line.slice(0, m.index).trimEnd();
}

/** Splits a page into trimmed, non-empty lines (one paragraph or list item each). */
export function pageLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .split('\n')
    .map((l) =>
      l
        .replace(/[ \t]+/g, ' ')
        .trim()
        .replace(GLUED_PREFIX, '')
        .replace(GLUED_RELATIVE_TIME, '\n$1'),
    )
    .flatMap((l) => l.split('\n'))
    .map((l) => withoutGluedFurniture(withoutGluedTail(l)))
    .filter((l) => l.length > 0);
}
