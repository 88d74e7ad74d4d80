import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractFromText } from './article.js';
import { decodeFile } from './decode.js';

interface Expected {
  title: string;
  date: string | null;
  year: number | null;
  dateSource: string | null;
  lang: string;
  source: string | null;
  orgs: string[];
  absent: string[];
}
const root = new URL('../../', import.meta.url);
const expected = (
  JSON.parse(readFileSync(new URL('eval/seeds-expected.json', root), 'utf8')) as { seeds: Record<string, Expected> }
).seeds;
const seeds = Object.keys(expected);

function seed(id: string) {
  const bytes = readFileSync(new URL(`data/articles/${id}.txt`, root));
  return extractFromText(decodeFile(bytes, `${id}.txt`), { id });
}

describe('seed pages', () => {
  it.each(seeds)('%s: metadata', (id) => {
    const e = expected[id]!;
    const a = seed(id);
    expect({
      title: a.title,
      date: a.date,
      year: a.year,
      dateSource: a.dateSource,
      lang: a.lang,
      source: a.source,
      orgs: a.orgs,
    }).toEqual({
      title: e.title,
      date: e.date,
      year: e.year,
      dateSource: e.dateSource,
      lang: e.lang,
      source: e.source,
      orgs: e.orgs,
    });
    expect(a.id).toBe(id);
  });
  it.each(seeds)('%s: clean body equals the fixture', (id) => {
    const body = readFileSync(new URL(`fixtures/seeds/${id}.body.txt`, import.meta.url), 'utf8').trimEnd();
    expect(seed(id).body).toBe(body);
  });
  it.each(seeds.flatMap((id) => expected[id]!.absent.map((w) => [id, w] as const)))('%s: body has no «%s»', (id, w) => {
    expect(seed(id).body).not.toContain(w);
  });
  it('bodies are paragraphs separated by blank lines, the headline not repeated', () => {
    for (const id of seeds) {
      const a = seed(id);
      expect(a.body).not.toMatch(/\n{3,}|^\s|\s$/u);
      expect(a.body.split('\n\n').some((p) => p === a.title)).toBe(false);
    }
  });
});

describe('awkward pages', () => {
  const para =
    'Министрлер кездесу барысында екіжақты ынтымақтастықтың өзекті мәселелерін талқылап, сауда-экономикалық байланыстарды нығайту жөнінде келісті.';
  it('two competing dates: the one under the headline beats a related-news date and a page-header "today"', () => {
    const page = [
      'Сейсенбі, 3 Наурыз 2026',
      'Министрлер Ташкентте кездесті',
      '12:30, 14 ақпан 2024',
      para,
      para.replace('Министрлер', 'Тараптар'),
      'Соңғы жаңалықтар',
      'Басқа бір жаңалықтың тақырыбы',
      '02.03.2026',
    ].join('\n\n');
    const a = extractFromText(page, { id: 'x' });
    expect(a.date).toBe('2024-02-14T12:30:00');
    expect(a.title).toBe('Министрлер Ташкентте кездесті');
    expect(a.body).not.toContain('Басқа бір');
  });
  it('a page-header weekday date alone is used when nothing contradicts it', () => {
    const a = extractFromText(['Суббота, 28 Февраля 2026', 'Министры встретились в Астане', `${para}`].join('\n'), {
      id: 'x',
    });
    expect(a.date).toBe('2026-02-28');
  });
  it('a page-header date later than what the article still announces yields the inferred year', () => {
    const text = [
      'Суббота, 28 Февраля 2026',
      'Встреча министров в Астане',
      'Министры отметили рост сотрудничества: в 2019 году товарооборот вырос на 10%. Следующий саммит пройдет в 2019 году в Ташкенте.',
    ].join('\n');
    const a = extractFromText(text, { id: 'x' });
    expect(a).toMatchObject({ date: null, year: 2019, dateSource: 'inferred' });
  });
  it('… or nothing, when the text does not pin the year down', () => {
    const text = [
      'Суббота, 28 Февраля 2026',
      'Встреча министров в Астане',
      'Министры отметили рост сотрудничества: в 2018 году товарооборот вырос на 10%. Следующий саммит пройдет в 2019 году в Ташкенте.',
    ].join('\n');
    expect(extractFromText(text, { id: 'x' })).toMatchObject({ date: null, year: null, dateSource: null });
  });
  it('a page-header date after what the article reports as done is kept', () => {
    const text = [
      'Суббота, 28 Февраля 2026',
      'Встреча министров в Астане',
      'Министры отметили, что в 2019 году товарооборот вырос на 10%.',
    ].join('\n');
    expect(extractFromText(text, { id: 'x' }).date).toBe('2026-02-28');
  });
  it('no date at all: all null', () => {
    const a = extractFromText(`Кездесу өтті\n\n${para}`, { id: 'x' });
    expect(a).toMatchObject({ date: null, year: null, dateSource: null });
  });
  it.each([
    ['ҚАЗАН 15, 2020', '2020-10-15'],
    ['15 ҚАЗАН 2020', '2020-10-15'],
    ['15 қазанында, 2020', '2020-10-15'],
    ['2021 жылғы 3 қыркүйегінде', '2021-09-03'],
    ['3 SENTIABR 2021', null],
    ['7 naýryz 2022', '2022-03-07'],
    ['7 nauryz 2022', '2022-03-07'],
    ['7 МАРТА 2022 Г.', '2022-03-07'],
    ['07.03.2022', '2022-03-07'],
    ['2022-03-07', '2022-03-07'],
  ])('month in an odd case or script under the headline: %s', (line, date) => {
    const a = extractFromText(`Министрлер кездесті\n${line}\n${para}`, { id: 'x' });
    expect(a.date?.slice(0, 10) ?? null).toBe(date);
  });
  it('a headline-less page gets its first sentence, cut at a word boundary', () => {
    const a = extractFromText(`${para} ${para}`, { id: 'x' });
    expect(a.title.length).toBeLessThanOrEqual(121);
    expect(a.title.endsWith('…')).toBe(true);
    expect(para.startsWith(a.title.slice(0, -1))).toBe(true);
  });
  it('a short first sentence is the whole title, without its period', () => {
    const a = extractFromText(
      'Кеңес отырысы өтті. Онда министрлер бірқатар құжатқа қол қойды және келесі кездесудің күнін белгіледі.',
      {
        id: 'x',
      },
    );
    expect(a.title).toBe('Кеңес отырысы өтті');
  });
  it.each([
    [
      'windows-1251',
      'Министры встретились в Москве\n\nВ ходе встречи министры обсудили сотрудничество в рамках ШОС и СНГ.',
    ],
    [
      'utf-16le',
      'Министрлер Мәскеуде кездесті\n\nКездесу барысында министрлер ШЫҰ және ТМД аясындағы ынтымақтастықты талқылады.',
    ],
  ])('a %s file decodes and extracts', (enc, text) => {
    const a = extractFromText(decodeFile(iconv.encode(text, enc), 'x.txt'), { id: 'x' });
    expect(a.title).toBe(text.split('\n')[0]);
    expect(a.orgs).toEqual(['CIS', 'SCO']);
  });
  it('scraper leftovers: a rubric word, a glued error-report hint, a relative timestamp', () => {
    const a = extractFromText(
      [
        'Аналитика',
        'Если Вы заметили ошибку, пожалуйста, выделите её мышкой и нажмите Ctrl+Enter Мэй прокомментировала отставку главы МИД. Сегодня, 17:22',
        'Премьер-министр Великобритании Тереза Мэй прокомментировала отставку министра иностранных дел, заявив, что благодарна ему за работу.',
      ].join('\n'),
      { id: 'x' },
    );
    expect(a.title).toBe('Мэй прокомментировала отставку главы МИД');
    expect(a.body).toBe(
      'Премьер-министр Великобритании Тереза Мэй прокомментировала отставку министра иностранных дел, заявив, что благодарна ему за работу.',
    );
  });
  it.each([
    [
      'Москва. 4 ноября. INTERFAX.RU - Муж христианки обратился к премьер-министру. Он попросил убежища.',
      'Муж христианки обратился к премьер-министру',
    ],
    ['КИЕВ. 9 июля. УНН. Борис Джонсон подал в отставку. Об этом сообщили в офисе.', 'Борис Джонсон подал в отставку'],
    [
      'ASTANA. KAZINFORM – Tájikstan shekarada baqylaýdy kúsheıtti. Bul týraly mınıstr aıtty.',
      'Tájikstan shekarada baqylaýdy kúsheıtti',
    ],
    [
      'Отырыс барысында Б. Атамқұлов сөз сөйледі. Ол ынтымақтастық туралы айтты.',
      'Отырыс барысында Б. Атамқұлов сөз сөйледі',
    ],
  ])('a headline-less page opening with a dateline: %s', (text, title) => {
    expect(extractFromText(text, { id: 'x' }).title).toBe(title);
  });
  it('a page of nothing but furniture is rejected', () => {
    expect(() => extractFromText('Подписывайтесь на наш Telegram-канал!\n© 2024 site.kz', { id: 'x' })).toThrow(
      /furniture/,
    );
  });
  it('a page without letters is rejected', () => {
    expect(() => extractFromText('12.05.2024 — 155', { id: 'x' })).toThrowError(
      expect.objectContaining({ code: 'NO_TEXT' }),
    );
  });
});

describe('seed 004 without its dateline', () => {
  it('is not dated by its page header (2026), whose year is after the summit the text announces for 2024', () => {
    const raw = readFileSync(new URL('data/articles/004_44d1df548d4bf7b7.txt', root), 'utf8').replace(
      /Пекин, 28 ноября – 1 декабря 2023 года\s*–\s*/u,
      '',
    );
    expect(raw).not.toContain('Пекин');
    // The text brackets 2023–2024 (chairmanship since July 2023, summit in 2024): too wide to name one year.
    expect(extractFromText(raw, { id: '004' })).toMatchObject({ date: null, year: null, dateSource: null });
  });
});
