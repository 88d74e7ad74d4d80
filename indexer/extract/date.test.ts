import { describe, expect, it } from 'vitest';
import { dateLine, findDates, isoOf, parseDateString } from './date.js';
import { monthOf } from './months.js';

describe('monthOf', () => {
  it.each([
    ['сәуір', 4],
    ['сәуірде', 4],
    ['Сәуірдің', 4],
    ['Қазан', 10],
    ['қазанда', 10],
    ['қазанында', 10],
    ['qazan', 10],
    ['naýryz', 3],
    ['nauryz', 3],
    ['наурызда', 3],
    ['Qańtar', 1],
    ['qañtar', 1],
    ['qańtarynan', 1],
    ['Jeltoqsan', 12],
    ['қыркүйегі', 9],
    ['қыркүйекте', 9],
    ['qyrkúıekte', 9],
    ['säuır', 4],
    ['sáýir', 4],
    ['şılde', 7],
    ['shilde', 7],
    ['шілдеде', 7],
    ['желтоқсаннан', 12],
    ['ақпанның', 2],
    ['кантар', 1],
    ['сəуір', 4], // Latin schwa ə
    ['ноября', 11],
    ['Февраля', 2],
    ['ФЕВРАЛЯ', 2],
    ['мая', 5],
    ['май', 5],
    ['марте', 3],
    ['августа', 8],
    ['декабрём', 12],
    ['January', 1],
    ['october', 10],
  ])('%s → %i', (w, m) => expect(monthOf(w)).toBe(m));
  it.each(['Казахстан', 'Мартин', 'қазақ', 'Казань', 'маусымдық-ы', 'майор', 'июньский', 'Qazaqstan', 'мамыржай'])(
    '%s is not a month',
    (w) => expect(monthOf(w)).toBeNull(),
  );
  it('abbreviations only when asked', () => {
    expect(monthOf('янв')).toBeNull();
    expect(monthOf('янв', { abbr: true })).toBe(1);
    expect(monthOf('Sept', { abbr: true })).toBe(9);
  });
});

describe('findDates', () => {
  it.each([
    ['16:47, 11 сәуір 2025', '2025-04-11T16:47:00'],
    ['Саясат • 15 Қазан, 2020', '2020-10-15'],
    ['• 23.05.2024', '2024-05-23'],
    ['Суббота, 28 Февраля 2026', '2026-02-28'],
    ['Пекин, 28 ноября – 1 декабря 2023 года – Под председательством', '2023-11-28'],
    ['28–30 ноября 2023 г.', '2023-11-28'],
    ['2025 жылғы 11 сәуірде Алматыда', '2025-04-11'],
    ['Ашхабадта 2019 жылы 10 қазанда өтеді.', '2019-10-10'],
    ['2025-жылғы 11-сәуірде', '2025-04-11'],
    ['2025 jyldyń 28 qańtarynan bastap', '2025-01-28'],
    ['17:36, 30 Qańtar 2026 | GMT +5', '2026-01-30T17:36:00+05:00'],
    ['2024-05-23', '2024-05-23'],
    ['2024-05-23T10:15:00+0500', '2024-05-23T10:15:00+05:00'],
    ['2024-05-23T10:15:00Z', '2024-05-23T10:15:00Z'],
    ['04.11.2020 16:42', '2020-11-04T16:42:00'],
    ['30 декабря 2020, 15:13', '2020-12-30T15:13:00'],
    ['October 15, 2020', '2020-10-15'],
    ['12.5.2023', '2023-05-12'],
    ['1-го мая 2024 года', '2024-05-01'],
    ['ДЕКАБРЯ: 5 ДЕКАБРЯ 2022', '2022-12-05'],
  ])('%s → %s', (text, iso) => {
    const d = findDates(text)[0];
    expect(d && isoOf(d)).toBe(iso);
  });
  it.each([
    ['1941-1945 жж.'],
    ['в четверг, 10 января, передает'],
    ['31.02.2024'],
    ['Казань 2024'],
    ['143 рет көрсетілді'],
    ['версия 1.2.2024b'],
    ['телефон 8 727 2024'],
  ])('no date in %s', (text) => expect(findDates(text)).toEqual([]));
  it('marks a weekday-led date and a range', () => {
    expect(findDates('Суббота, 28 Февраля 2026')[0]).toMatchObject({ weekday: true, range: false });
    expect(findDates('28 ноября – 1 декабря 2023')[0]).toMatchObject({ weekday: false, range: true });
  });
  it('offsets slice the mention', () => {
    const t = 'Кездесу 2025 жылғы 11 сәуірде өтті';
    const d = findDates(t)[0]!;
    expect(t.slice(d.start, d.end)).toBe('2025 жылғы 11 сәуірде');
  });
  it('finds every date of a text in order', () => {
    const t = 'Сначала 12.03.2024, затем 5 мая 2024 года и 2024-06-01.';
    expect(findDates(t).map(isoOf)).toEqual(['2024-03-12', '2024-05-05', '2024-06-01']);
  });
});

describe('dateLine', () => {
  it.each([
    ['16:47, 11 сәуір 2025', []],
    ['Саясат • 15 Қазан, 2020', ['Саясат']],
    ['Опубликовано: 12 марта 2024, 10:15', []],
    ['Жарияланды: 12.03.2024', []],
  ])('%s is a date line', (line, rest) => expect(dateLine(line)?.rest).toEqual(rest));
  it.each([
    'Кездесу 2025 жылғы 11 сәуірде Алматы қаласында өтті және екі ел өкілдері келісімге қол қойды.',
    'Мероприятие прошло 12 марта 2024 года.',
    'Жуырда 12.03.2024 күні өтті',
  ])('%s is prose', (line) => expect(dateLine(line)).toBeNull());
});

describe('parseDateString', () => {
  it.each([
    ['2018-09-20', '2018-09-20'],
    ['2026-01-30T17:36:00+05:00', '2026-01-30T17:36:00+05:00'],
    ['17:36, 30 Qańtar 2026', '2026-01-30T17:36:00'],
  ])('%s', (s, iso) => expect(isoOf(parseDateString(s)!)).toBe(iso));
  it('rejects non-dates', () => expect(parseDateString('yesterday')).toBeNull());
});
