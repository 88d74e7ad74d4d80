import { describe, expect, it } from 'vitest';
import { cleanTitle, cutAtWord, firstSentence, headlineLike, titleFromText } from './title.js';

describe('title', () => {
  it.each([
    ['Токаев провел переговоры | Zakon.kz', 'Токаев провел переговоры'],
    ['Tengrinews.kz - Токаев провел переговоры', 'Токаев провел переговоры'],
    ['Трамп разошелся во мнении с Мишель Обамой: Политика: Мир: Lenta.ru', 'Трамп разошелся во мнении с Мишель Обамой'],
    ['«Қазақстан - бар ғұмырым!» Астанада конвент басталды', '«Қазақстан - бар ғұмырым!» Астанада конвент басталды'],
    ['Труд – вне зоны риска', 'Труд – вне зоны риска'],
    ['ШОС — ТАСС', 'ШОС'],
    // The publication time scrapers glue before a headline, with a numeric date or alone.
    ['15:10 Новым главой МИД назначен Джереми Хант', 'Новым главой МИД назначен Джереми Хант'],
    ['19.03.2018 10:03 : Киев предлагает ввести санкции', 'Киев предлагает ввести санкции'],
    ['08.11.2018 04:07 : «Азия Биби» освобождена', '«Азия Биби» освобождена'],
    ['7:00 утра — лучшее время для пробежки', '7:00 утра — лучшее время для пробежки'],
    ['2:1 в пользу «Астаны»', '2:1 в пользу «Астаны»'],
  ])('cleanTitle(%s)', (raw, clean) => expect(cleanTitle(raw)).toBe(clean));
  it.each([
    ['Аида Балаева ШЫҰ Бас хатшысы Чжан Минмен кездесті', true],
    ['Кто поедет на саммит?', true],
    ['Министр встретился с послом.', false],
    ['Ведомство басшысы мына мәселелерді атап өтті:', false],
    ['ШОС', false],
  ])('headlineLike(%s) = %s', (line, yes) => expect(headlineLike(line)).toBe(yes));
  it('firstSentence stops at a period before a capital, not at an initial', () => {
    expect(firstSentence('Кеңес өтті. Министрлер келісті.')).toBe('Кеңес өтті.');
    expect(firstSentence('Отырыс барысында Б. Атамқұлов сөз сөйледі. Ол айтты.')).toBe(
      'Отырыс барысында Б. Атамқұлов сөз сөйледі.',
    );
    expect(firstSentence('Саммит прошел в 2023 г. В нем участвовали пять стран.')).toBe(
      'Саммит прошел в 2023 г. В нем участвовали пять стран.',
    );
  });
  it('cutAtWord never cuts a word and marks the cut', () => {
    const t = cutAtWord('слово '.repeat(40), 120);
    expect(t.length).toBeLessThanOrEqual(121);
    expect(t).toMatch(/слово…$/u);
  });
  it('titleFromText uses the first sentence without its period', () => {
    expect(titleFromText('Кеңес өтті. Министрлер келісті.')).toBe('Кеңес өтті');
  });
  it.each([
    ['МОСКВА, 15 янв — РИА Новости. Вакцинация стартует 18 января. Об этом заявили в правительстве.'],
    ['ASTANA. KAZINFORM – Вакцинация стартует 18 января. Об этом заявили в правительстве.'],
  ])('titleFromText skips a wire dateline, its agency too: %s', (text) =>
    expect(titleFromText(text)).toBe('Вакцинация стартует 18 января'),
  );
});
