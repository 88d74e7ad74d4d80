import { describe, expect, it } from 'vitest';
import { findSource, normalizeSource, registrableDomain } from './source.js';

const body = (...texts: string[]) => texts.map((text) => ({ text, kind: 'body' }));

describe('source', () => {
  it.each([
    ['qz.inform.kz', 'inform.kz'],
    ['www.zakon.kz', 'zakon.kz'],
    ['mfa.gov.kz', 'mfa.gov.kz'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
  ])('registrableDomain(%s) = %s', (h, d) => expect(registrableDomain(h)).toBe(d));
  it.each([
    ['Zakon.kz', 'zakon.kz'],
    ['https://www.egemen.kz/article/1', 'egemen.kz'],
    ['ТАСС', 'tass.ru'],
    ['МИД РК', 'mfa.gov.kz'],
    ['Kazinform', 'inform.kz'],
    ['kommersant', 'kommersant.ru'],
    ['Some Local Paper', 'some local paper'],
    ['  ', null],
  ])('normalizeSource(%s) = %s', (v, s) => expect(normalizeSource(v)).toBe(s));

  it.each([
    [body('Кездесу өтті, деп хабарлайды Zakon.kz.'), 'zakon.kz'],
    [body('Министр отырысқа қатысты, деп хабарлайды Egemen.kz'), 'egemen.kz'],
    [body('Министр заявил об этом, сообщает ТАСС.'), null], // where the story came from, not the publisher
    [body('Министр заявил об этом, передает корреспондент Zakon.kz.'), 'zakon.kz'],
    [body('Об этом сообщает BBC News.'), null],
    [body('Tıisti zańǵa prezıdent qol qoıdy, dep habarlaıdy Kazinform agenttiginiń menshikti tilshisi.'), 'inform.kz'],
    [
      body('ASTANA. KAZINFORM – Jerasty dúmpýi tirkeldi, dep habarlaıdy Qazaqstan Ulttyq derekter ortalyǵy.'),
      'inform.kz',
    ],
    [body('Текст пресс-релиза о встрече министров.', 'Пресс-служба МИД РК.'), 'mfa.gov.kz'],
    [[...body('Кездесу өтті.'), { text: 'Источник: zakon.kz', kind: 'source' }], 'zakon.kz'],
    [[...body('Кездесу өтті.'), { text: '© 2011-2024 Vlast.kz. Все права защищены.', kind: 'footer' }], 'vlast.kz'],
    [body('Министр отметил важность встречи.'), null],
    [body('Министр обсудил это с коллегами, сообщает он сам.'), null],
    [[...body('Кездесу өтті.'), { text: 'Источник: 53-летняя мать пятерых детей', kind: 'source' }], null],
  ])('findSource %#', (lines, s) => expect(findSource({ lines })).toBe(s));
  it('an explicit source line beats the URL, the URL beats an attribution', () => {
    const lines = [...body('Кездесу өтті, деп хабарлайды Zakon.kz.'), { text: 'Дереккөз: Egemen.kz', kind: 'source' }];
    expect(findSource({ lines, url: 'https://tengrinews.kz/x' })).toBe('egemen.kz');
    expect(findSource({ lines: body('Кездесу өтті, деп хабарлайды Zakon.kz.'), url: 'https://tengrinews.kz/x' })).toBe(
      'tengrinews.kz',
    );
  });
});
