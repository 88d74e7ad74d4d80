import { describe, expect, it } from 'vitest';
import { extractFromRecord } from './article.js';
import { MAX_BODY_CHARS } from './prepared.js';

const TEXT =
  'Министрлер Астанада кездесті\n17:36, 30 Қаңтар 2026 | GMT +5\nАСТАНА. КАЗИНФОРМ – Қазақстан мен Қытай сыртқы істер министрлері ШЫҰ аясындағы ынтымақтастықты талқылады, деп хабарлайды Kazinform агенттігі.\nТараптар алдағы саммитке дайындық мәселелерін қарады.';

describe('extractFromRecord', () => {
  it("the record's own fields win", () => {
    const a = extractFromRecord(
      {
        id: 'r1',
        title: 'Өз тақырыбы',
        date: '2026-01-29',
        source: 'https://www.zakon.kz',
        lang: 'kk',
        url: 'https://zakon.kz/a/1',
        text: TEXT,
      },
      { id: 'r1' },
    );
    expect(a).toMatchObject({
      id: 'r1',
      title: 'Өз тақырыбы',
      date: '2026-01-29',
      year: 2026,
      dateSource: 'explicit',
      source: 'zakon.kz',
      lang: 'kk',
      url: 'https://zakon.kz/a/1',
    });
  });
  it('missing fields are extracted from raw page text', () => {
    const a = extractFromRecord({ text: TEXT }, { id: 'r2' });
    expect(a).toMatchObject({
      id: 'r2',
      title: 'Министрлер Астанада кездесті',
      date: '2026-01-30T17:36:00+05:00',
      year: 2026,
      source: 'inform.kz',
      lang: 'kk',
      url: null,
      orgs: ['SCO'],
    });
    expect(a.body.startsWith('АСТАНА. КАЗИНФОРМ')).toBe(true);
    expect(a.body).not.toContain('17:36');
  });
  it.each([
    'Наш сайт использует файлы Cookie, чтобы предоставлять вам персонализированную информацию.',
    'Вы используете устаревшую версию браузера. Для оптимальной работы обновите его.',
    'Подпишитесь на наш канал в Telegram',
  ])('a given title that is the site talking is none: the headline comes from the text (%s)', (title) => {
    const a = extractFromRecord({ title, text: TEXT }, { id: 'r5' });
    expect(a.title).toBe('Министрлер Астанада кездесті');
    expect(a.body).not.toContain('Министрлер Астанада кездесті');
  });
  it('a given title that is a paragraph gives its first sentence as the title; the text gets what it lacks', () => {
    const lead =
      'Қазақстан мен Қытай министрлері ынтымақтастықты талқылады. Тараптар алдағы саммитке дайындық мәселелерін және сауда келісімдерін қарады.';
    const text = 'Кездесу Астанада өтті, деп хабарлайды агенттік.';
    const a = extractFromRecord({ title: lead, text }, { id: 'r6' });
    expect(a.title).toBe('Қазақстан мен Қытай министрлері ынтымақтастықты талқылады');
    expect(a.body).toBe(`${lead}\n\n${text}`);
    // The lead copied into `title` as well: kept once, where the text has it.
    const b = extractFromRecord({ title: lead, text: `${lead}\n\n${text}` }, { id: 'r7' });
    expect(b.title).toBe('Қазақстан мен Қытай министрлері ынтымақтастықты талқылады');
    expect(b.body).toBe(`${lead}\n\n${text}`);
    // A headline glued to the lead, after a clock time: the headline is what the text lacks.
    const c = extractFromRecord(
      { title: `15:10 Министрлер кездесті ${lead}`, text: `${lead}\n\n${text}` },
      { id: 'r8' },
    );
    expect(c.title.startsWith('Министрлер кездесті Қазақстан мен Қытай')).toBe(true);
    expect(c.body.startsWith('15:10 Министрлер кездесті\n\n')).toBe(true);
  });
  it('a given title that repeats the first line is not kept twice', () => {
    const a = extractFromRecord({ title: 'Министрлер Астанада кездесті', text: TEXT }, { id: 'r3' });
    expect(a.body).not.toContain('Министрлер Астанада кездесті');
  });
  it.each([
    [{ date: 'not a date' }, '2026-01-30T17:36:00+05:00'],
    [{ lang: 'xx_bad!' }, null],
    [{ url: 'javascript:alert(1)' }, null],
  ])('invalid fields are ignored: %j', (bad, date) => {
    const a = extractFromRecord({ ...bad, text: TEXT }, { id: 'r4' });
    if ('date' in bad) expect(a.date).toBe(date);
    if ('lang' in bad) expect(a.lang).toBe('kk');
    if ('url' in bad) expect(a.url).toBeNull();
  });
  it('a bare year is a known year without a day', () => {
    const a = extractFromRecord(
      { date: '2019', text: 'Кеңес отырысы өтті. Министрлер бірқатар құжатқа қол қойды.' },
      { id: 'r5' },
    );
    expect(a).toMatchObject({ date: null, year: 2019, dateSource: 'explicit' });
  });
  it('language tags are normalized', () => {
    expect(extractFromRecord({ lang: 'KK_latn', text: TEXT }, { id: 'r6' }).lang).toBe('kk-Latn');
    expect(extractFromRecord({ lang: 'kz', text: TEXT }, { id: 'r7' }).lang).toBe('kk');
  });
  it('a record without text is rejected with a typed error', () => {
    expect(() => extractFromRecord({ text: 42 as unknown as string }, { id: 'r8' })).toThrowError(
      expect.objectContaining({ code: 'BAD_RECORD' }),
    );
    expect(() => extractFromRecord({ text: '  ' }, { id: 'r9' })).toThrowError(
      expect.objectContaining({ code: 'NO_TEXT' }),
    );
  });
  it('a text far longer than any article is rejected with a typed error, before its analysis', () => {
    const body = 'Сөз. '.repeat(MAX_BODY_CHARS / 5 + 1);
    expect(() => extractFromRecord({ text: `Үйінді\n${body}` }, { id: 'r10' })).toThrowError(
      expect.objectContaining({ code: 'TOO_LONG', message: expect.stringContaining('1,000,000') }),
    );
    expect(extractFromRecord({ text: body.slice(0, MAX_BODY_CHARS - 100) }, { id: 'r11' }).id).toBe('r11');
  });
});
