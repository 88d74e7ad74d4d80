import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from './article.js';

const page = readFileSync(new URL('fixtures/news-page.html', import.meta.url), 'utf8');

describe('extractFromHtml', () => {
  const a = extractFromHtml(page, { id: 'news-page' });
  it('takes the JSON-LD NewsArticle headline and datePublished over <title> and og tags', () => {
    expect(a.title).toBe('Токаев и Мирзиёев обсудили торговлю и водные ресурсы');
    expect(a.date).toBe('2024-06-14T10:15:00+05:00');
    expect(a.year).toBe(2024);
    expect(a.dateSource).toBe('explicit');
  });
  it('takes url from og:url and the source from it', () => {
    expect(a.url).toBe('https://www.primer-news.kz/politics/2024/06/14/tokaev-mirziyoyev');
    expect(a.source).toBe('primer-news.kz');
  });
  it('keeps the article paragraphs and its bulleted list', () => {
    expect(a.body.split('\n\n')).toEqual([
      'Астана, 14 июня – Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с Президентом Узбекистана Шавкатом Мирзиёевым, сообщает пресс-служба Акорды.',
      'Стороны обсудили вопросы торгово-экономического сотрудничества и рационального использования водных ресурсов Центральной Азии.',
      '• товарооборот за пять месяцев вырос на 12%;',
      '• готовится соглашение о совместном управлении водохранилищами.',
      'Лидеры также обменялись мнениями о подготовке к саммиту ШОС в Астане в июле 2024 года.',
    ]);
  });
  it.each([
    'Главная',
    'Пятница',
    'Facebook',
    '1 204',
    'Ердоган',
    'ЕАЭС',
    'НАТО',
    'Подписывайтесь',
    'Все права',
    'dataLayer',
    'color:red',
  ])('drops page furniture: no «%s» in the body', (w) => expect(a.body).not.toContain(w));
  it('language and entities come from the clean text only', () => {
    expect(a.lang).toBe('ru');
    expect(a.orgs).toEqual(['SCO']); // ЕАЭС and НАТО are only in the related list and the sidebar
    expect(a.persons).toEqual(['MIRZIYOYEV', 'TOKAYEV']);
  });
  it('without structured data: <title> cleaned of the site name, the date under the h1', () => {
    const html = `<html><head><title>Министры встретились в Ташкенте — Zakon.kz</title></head><body>
      <div class="menu">Новости Политика</div>
      <article><h1>Министры встретились в Ташкенте</h1><div class="date">12:00, 5 мая 2023</div>
      <p>Министры иностранных дел Казахстана и Узбекистана обсудили повестку предстоящего саммита в Ташкенте и подписали план консультаций.</p>
      <p>Стороны договорились о следующей встрече осенью, сообщает пресс-служба ведомства.</p></article></body></html>`;
    const b = extractFromHtml(html, { id: 'b' });
    expect(b.title).toBe('Министры встретились в Ташкенте');
    expect(b.date).toBe('2023-05-05T12:00:00');
    expect(b.body.startsWith('Министры иностранных дел')).toBe(true);
    expect(b.body).not.toContain('Политика');
  });
  it('broken JSON-LD is ignored, the other metadata still apply', () => {
    const html = `<html><head><script type="application/ld+json">{ broken</script>
      <meta property="og:title" content="Кеңес өтті"><meta property="article:published_time" content="2022-01-05T08:00:00Z"></head>
      <body><p>Тәуелсіз Мемлекеттер Достастығы елдерінің сыртқы істер министрлері кеңесінің кезекті отырысы Мәскеуде өтті.</p></body></html>`;
    const c = extractFromHtml(html, { id: 'c' });
    expect(c).toMatchObject({ title: 'Кеңес өтті', date: '2022-01-05T08:00:00Z', lang: 'kk', orgs: ['CIS'] });
  });
  it('a page with no text is rejected', () => {
    expect(() => extractFromHtml('<html><body><script>1</script></body></html>', { id: 'd' })).toThrowError(
      expect.objectContaining({ code: 'NO_TEXT' }),
    );
  });
});
