import { describe, expect, it } from 'vitest';
import {
  classifyLines,
  isRelatedHeading,
  type LineKind,
  pageLines,
  withoutGluedFurniture,
  withoutGluedTail,
} from './furniture.js';

const kindOf = (line: string): LineKind => classifyLines([line])[0]!.kind;

describe('line rules', () => {
  it.each<[string, LineKind]>([
    ['Подписывайтесь на наш Telegram-канал. Будьте в курсе всех событий!', 'subscribe'],
    ['Бізді Telegram-да оқыңыз!', 'subscribe'],
    ['Жаңалықтарды бірінші болып білгіңіз келсе, біздің Telegram арнамызға жазылыңыз', 'subscribe'],
    ['Подпишитесь на наш канал в WhatsApp', 'subscribe'],
    ['143 рет көрсетілді', 'counter'],
    ['Просмотров: 1 204', 'counter'],
    ['1 мин оқу үшін', 'counter'],
    ['Время чтения: 3 мин', 'counter'],
    ['155', 'counter'],
    ['© Сурет: ҚР СІМ баспасөз қызметі', 'photo'],
    ['Фото: Мәдениет және ақпарат министрлігі', 'photo'],
    ['Фото из открытых источников', 'photo'],
    ['Иллюстративное фото', 'photo'],
    ['Malim Админ', 'byline'],
    ['Автор: Айгүл Сейітова', 'byline'],
    ['Дайындаған: Нұрлан Ахметов', 'byline'],
    [
      'Создано на платформе Alison CMS © 2011-2026. Авторские права защищены законодательством Республики Казахстан.',
      'footer',
    ],
    ['Дизайн и разработка сайта от компании Licon.', 'footer'],
    ['Мы работаем для Вас!', 'footer'],
    ['© 2024 Zakon.kz. Все права защищены.', 'footer'],
    ['Материалдарды пайдаланғанда сілтеме міндетті', 'footer'],
    ['Источник: zakon.kz', 'source'],
    ['Дереккөз: Egemen.kz', 'source'],
    ['16:47, 11 сәуір 2025', 'date'],
    ['Саясат • 15 Қазан, 2020', 'date'],
    ['• 23.05.2024', 'date'],
    ['Поделиться', 'share'],
    ['Facebook Twitter Telegram WhatsApp', 'share'],
    ['Теги: ШОС, Казахстан, МИД', 'tags'],
    ['#ШЫҰ #Қазақстан', 'tags'],
    ['Нашли ошибку? Выделите её и нажмите Ctrl+Enter', 'comments'],
    ['Реклама', 'ad'],
    ['Наш сайт использует файлы cookie. Продолжая работу с сайтом, вы соглашаетесь с их использованием.', 'notice'],
    ['We use cookies to improve your experience.', 'notice'],
    ['Вы используете устаревшую версию браузера. Обновите его для корректной работы сайта.', 'notice'],
    ['Регистрация прошла успешно! Перейдите по ссылке из письма, чтобы подтвердить адрес.', 'notice'],
    ['Выберите город', 'notice'],
    ['Главная / Новости / Политика', 'nav'],
    ['MalimBlocks', 'widget'],
  ])('%s → %s', (line, kind) => expect(kindOf(line)).toBe(kind));

  // Real paragraphs that merely mention what the rules look for.
  it.each([
    'Павел Дуров, основатель Telegram, заявил, что мессенджер будет развивать новые функции для пользователей из Центральной Азии.',
    'Министр подписал соглашение о сотрудничестве, которое будет действовать до 2030 года.',
    'Фотограф Асқар Жұмабаев көрмеде 40-тан астам суретін ұсынды, олардың арасында сирек кездесетін архивтік кадрлар бар.',
    'Ведомство басшысы мына мәселелерді атап өтті:',
    '• Ресей;',
    'Біз бұл жобаны бес жыл бойы жүзеге асырып келеміз, деді ол.',
    'Компания авторские права на фильм приобрела в 2019 году, сообщил представитель студии в интервью агентству.',
    'Кездесу Шанхай Ынтымақтастық Ұйымының туристік және мәдени астанасы Алматы қаласында өтті.',
    'Орталық Азия мен Ресейдің көпжоспарлы өзара іс-қимылы талқыланды',
    'Пресс-служба МИД РК.',
    'Видео с места событий опубликовал местный житель.',
    'Фото с места событий опубликовал местный житель.',
    '2023 жылы Қасым-Жомарт Тоқаевтың бастамасымен «ШЫҰ-ның Киелі орындары» жобасы қолға алынды.',
    'Сайт Акорды опубликовал указ о назначении нового министра.',
    'Регистрация кандидатов в депутаты завершится 10 февраля.',
    'Ваш регион вошёл в число лидеров по темпам вакцинации, сообщил министр.',
  ])('keeps %s', (line) => expect(kindOf(line)).toBe('body'));

  it('joins a counter split over two lines', () => {
    expect(classifyLines(['143 рет', 'көрсетілді', '1 мин', 'оқу үшін']).map((l) => l.kind)).toEqual([
      'counter',
      'counter',
      'counter',
      'counter',
    ]);
  });
  it('a lone «көрсетілді» without its number is kept', () => {
    expect(classifyLines(['Бұл фильм алғаш рет 1995 жылы көрсетілді.'])[0]!.kind).toBe('body');
  });
});

describe('related-news blocks', () => {
  const prose = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `Бұл мақаланың ${i + 1}-ші абзацы, онда министр кездесудің нәтижелері туралы айтып, екі елдің ынтымақтастығы туралы толық мәлімет берді.`,
    );
  it.each([
    'Байланысты жаңалықтар',
    'Байланысты жаналықтар',
    'Другие новости',
    'Читайте также:',
    'Похожие новости',
    'Ұқсас жаңалықтар',
    'Тағы оқыңыз',
    'Related news',
  ])('%s is a related heading', (h) => expect(isRelatedHeading(h)).toBe(true));
  it('a heading at the end takes the list, its dates, teasers and the footer', () => {
    const lines = [
      ...prose(4),
      'Байланысты жаналықтар',
      'Астанада петиция талқыланды',
      '17.07.2024',
      'Екінші жаңалықтың тақырыбы',
      '16.07.2024',
      'Жуырда өтінішті қарау бойынша жұмыс тобының екінші отырысы өткен еді.',
      'Создано на платформе Alison CMS © 2011-2026.',
    ];
    const kinds = classifyLines(lines).map((l) => l.kind);
    expect(kinds.slice(0, 4)).toEqual(['body', 'body', 'body', 'body']);
    expect(kinds.slice(4).every((k) => k === 'related')).toBe(true);
  });
  it('in the middle of an article it takes only the list after it', () => {
    const lines = [
      ...prose(2),
      'Читайте также',
      'Токаев провел встречу с премьер-министром',
      'Глава МИД посетил Ташкент',
      ...prose(5),
    ];
    const kinds = classifyLines(lines).map((l) => l.kind);
    expect(kinds).toEqual(['body', 'body', 'related', 'related', 'related', 'body', 'body', 'body', 'body', 'body']);
  });
  it('a one-line «Читайте также: …» is removed, the paragraph after it kept', () => {
    const kinds = classifyLines(['Читайте также: Токаев провел встречу с премьер-министром', ...prose(1)]).map(
      (l) => l.kind,
    );
    expect(kinds).toEqual(['related', 'body']);
  });
  it('a heading-like word followed by prose is a real subheading', () => {
    const kinds = classifyLines([...prose(2), 'Популярное', ...prose(2)]).map((l) => l.kind);
    expect(kinds).toEqual(['body', 'body', 'body', 'body', 'body']);
  });
  it('empty widgets near the end are removed, the section after them kept', () => {
    // A scrape that lost the widgets' lists (a BSNLP page): the article goes on with its last section.
    const lines = [
      ...prose(4),
      'Новости по теме',
      'Новости по теме',
      'Последствия для Украины',
      ...prose(2),
      'Подпишитесь на 112.ua в вашем Telegram',
    ];
    const kinds = classifyLines(lines).map((l) => l.kind);
    expect(kinds.slice(4)).toEqual(['related', 'related', 'body', 'body', 'body', 'subscribe']);
  });
});

describe('pageLines', () => {
  it('trims, drops empty lines, normalizes spaces and line ends', () => {
    expect(pageLines('  a\u00A0 b \r\n\r\n\tc\u200B\n')).toEqual(['a b', 'c']);
  });
  it('drops the clock time left of a dateline whose date the scrape lost, not a time in the text', () => {
    expect(pageLines(', 13:59 REGNUM В аэропорту отменили рейсы.')).toEqual(['REGNUM В аэропорту отменили рейсы.']);
    expect(pageLines('13:59 — время вылета.')).toEqual(['13:59 — время вылета.']);
    expect(pageLines('Рейс перенесли, 13:59 по Астане.')).toEqual(['Рейс перенесли, 13:59 по Астане.']);
  });
});

describe('withoutGluedFurniture', () => {
  it.each([
    [
      'Законопроект приняли во втором чтении. Новости от Корреспондент.net в Telegram. Подписывайтесь на наш канал https://t.me/korrespondentnet',
      'Законопроект приняли во втором чтении.',
    ],
    [
      'Итоги подвели в пятницу. Слушайте подкасты РИА Новости и подписывайтесь на них в мобильных приложениях.',
      'Итоги подвели в пятницу.',
    ],
    [
      'Наш сайт использует файлы Cookie, чтобы предоставлять вам информацию. Вакцину доставили в среду.',
      'Вакцину доставили в среду.',
    ],
    ['Жиын Астанада өтті. Біздің Telegram-арнамызға жазылыңыз!', 'Жиын Астанада өтті.'],
    [
      'Другие новости читайте в разделе «Мир». Если вы заметили ошибку, выделите ее мышкой и нажмите Ctrl+Enter.',
      'Другие новости читайте в разделе «Мир».',
    ],
    ['Суд отложил заседание. Нашли ошибку? Выделите её и нажмите Ctrl + Enter', 'Суд отложил заседание.'],
    ['Рейсы выполняются по плану. Присоединяйтесь к телеграм-чату', 'Рейсы выполняются по плану.'],
  ])('drops the glued call from %j', (line, expected) => {
    expect(withoutGluedFurniture(line)).toBe(expected);
  });

  it.each([
    'Министр сообщил об этом в своём Telegram-канале. Подробности будут позже.',
    'Губернатор подписывает список выборщиков. Затем список направляют в Сенат.',
    'Более 10 тысяч человек подписались на петицию за сутки.',
    'Подписка на газету подорожала на 5%, сообщили в редакции, и подписчики недовольны ростом цен на доставку.',
    'Аудиторы нашли ошибки в отчёте. Выделите главное, сказал министр.',
    'Присоединяйтесь к протесту, призвали профсоюзы пилотов в пятницу.',
  ])('keeps prose that only talks about subscriptions or errors: %j', (line) => {
    expect(withoutGluedFurniture(line)).toBe(line);
  });
});

describe('withoutGluedTail', () => {
  it.each([
    [
      'Забастовка продлится до пятницы. Читайте также: Пилоты лоукостера объявили новую стачку Если Вы заметите ошибку в тексте, выделите её и нажмите',
      'Забастовка продлится до пятницы.',
    ],
    ['Рейсы перенесли на утро. Смотрите также:', 'Рейсы перенесли на утро.'],
    ['Жиын Астанада өтті. Тағы оқыңыз: Сенат заңды қабылдады', 'Жиын Астанада өтті.'],
    // An error-report prompt glued after the teaser (the scrape lost its Ctrl+Enter) goes too, and so does one alone.
    [
      'Рейсы отменили. Читайте также: Пилоты начали стачку Заметили ошибку? Выделите текст, который её содержит, и нажмите',
      'Рейсы отменили.',
    ],
    ['Джонсон ушёл в отставку Если Вы заметите ошибку в тексте, выделите её и нажмите', 'Джонсон ушёл в отставку'],
  ])('drops the marker and the headline after it from %j', (line, expected) => {
    expect(withoutGluedTail(line)).toBe(expected);
  });

  it.each([
    // Prose after the teaser (a sentence end): kept whole.
    'Суд отменил приговор. Читайте также: Протесты продолжаются Сторонники партии перекрыли дороги в трёх городах.',
    // The marker opening the line is the line rule's (classifyLines), not this one's.
    'Читайте также: Пилоты объявили забастовку',
    // A teaser longer than a headline.
    `Итоги подвели в пятницу. Читайте также: ${'очень длинный рассказ без точки '.repeat(6)}`,
    'Кітапты «тағы оқыңыз» деп ұсынды.',
  ])('keeps %j', (line) => {
    expect(withoutGluedTail(line)).toBe(line);
  });

  it('runs on every line of a page', () => {
    expect(pageLines('Первый абзац. Читайте также: Другая новость дня\nВторой абзац.')).toEqual([
      'Первый абзац.',
      'Второй абзац.',
    ]);
  });
});
