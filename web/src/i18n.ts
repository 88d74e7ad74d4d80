/**
 * Interface strings in Kazakh, Russian and English. Every language has every key (the `Messages` type makes that a
 * compile error; web/src/i18n.test.ts checks it at run time too, with no empty strings). Counts go through
 * Intl.PluralRules so Russian gets «1 результат / 2 результата / 5 результатов».
 */
export const UI_LANGS = ['kk', 'ru', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];

export const isUiLang = (v: unknown): v is UiLang =>
  typeof v === 'string' && (UI_LANGS as readonly string[]).includes(v);

/** Plural forms by Intl.PluralRules category; `other` is required, the rest fall back to it. */
export interface Plural {
  one?: string;
  few?: string;
  many?: string;
  other: string;
}

export interface Messages {
  /** The language's own name, for the switcher. */
  selfName: string;
  tagline: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  clearSearch: string;
  uiLanguage: string;
  skipToResults: string;
  filters: string;
  facetYear: string;
  facetOrg: string;
  facetLang: string;
  facetSource: string;
  clearFilters: string;
  showMore: string;
  showLess: string;
  sortLabel: string;
  sortRelevance: string;
  sortNewest: string;
  sortOldest: string;
  /** `{n}` is the number of results. */
  resultCount: Plural;
  /** Shown instead of resultCount when the box is empty (browsing). */
  browseCount: Plural;
  browseHeading: string;
  searching: string;
  /** `{q}` is the query. */
  noResults: string;
  noResultsHint: string;
  unavailable: string;
  rateLimited: string;
  retryNow: string;
  badRequest: string;
  genericError: string;
  /** `{query}` the corrected query, `{original}` what was typed. */
  correction: string;
  pagination: string;
  previous: string;
  next: string;
  /** `{n}` is the page number. */
  pageN: string;
  backToResults: string;
  readOriginal: string;
  published: string;
  source: string;
  language: string;
  organizations: string;
  noDate: string;
  dateInferred: string;
  loadingArticle: string;
  articleNotFound: string;
  suggestions: string;
  kindOrg: string;
  kindPlace: string;
  kindPerson: string;
  kindTopic: string;
  kindTitle: string;
  langKk: string;
  langRu: string;
  langOther: string;
  /** Kazakh articles by the script they are written in (language facet and badges). */
  langKkCyrl: string;
  langKkLatn: string;
  /** The year histogram: a year span's summary, every year, articles without a year, and its keyboard help. */
  allYears: string;
  noYear: string;
  /** `{from}`–`{to}`: a span of years. */
  yearSpan: string;
  histogramHelp: string;
  clearYears: string;
  /** `{name}`: a facet's name. Placeholder of the facet value search box. */
  facetSearch: string;
  facetSearchLabel: string;
  facetNoMatch: string;
  /** The chips of the current filters. */
  refinements: string;
  clearAll: string;
  /** `{name}`: the filter's value. */
  removeFilter: string;
  /** `{ms}`: the search's time. */
  took: string;
  /** The script toggle of Kazakh text. */
  scriptLabel: string;
  scriptAsWritten: string;
  scriptCyrl: string;
  scriptLatn: string;
  /** No dead ends: the offers when nothing matched. */
  alternativesTitle: string;
  altOtherLanguage: string;
  altPartial: string;
  altUnfiltered: string;
  /** `{name}`: an organization or source on a result card. */
  filterBy: string;
}

const kk: Messages = {
  selfName: 'Қазақша',
  tagline: 'Қазақ және орыс тілдеріндегі жаңалықтарды іздеу',
  searchLabel: 'Жаңалықтарды іздеу',
  searchPlaceholder: 'Мысалы: Қазақстан, ШЫҰ, саммит',
  searchButton: 'Іздеу',
  clearSearch: 'Сұрауды тазарту',
  uiLanguage: 'Интерфейс тілі',
  skipToResults: 'Нәтижелерге өту',
  filters: 'Сүзгілер',
  facetYear: 'Жыл',
  facetOrg: 'Ұйым',
  facetLang: 'Мақала тілі',
  facetSource: 'Дереккөз',
  clearFilters: 'Сүзгілерді алып тастау',
  showMore: 'Тағы көрсету',
  showLess: 'Азырақ көрсету',
  sortLabel: 'Сұрыптау',
  sortRelevance: 'Сәйкестігі бойынша',
  sortNewest: 'Алдымен жаңалары',
  sortOldest: 'Алдымен ескілері',
  resultCount: { other: '{n} нәтиже' },
  browseCount: { other: '{n} мақала' },
  browseHeading: 'Соңғы жаңалықтар',
  searching: 'Ізделуде…',
  noResults: '«{q}» бойынша ештеңе табылмады.',
  noResultsHint: 'Жазылуын тексеріңіз, сөздерді азайтыңыз немесе сүзгілерді алып тастаңыз.',
  unavailable: 'Іздеу уақытша қолжетімсіз, қайта қосылып жатырмыз…',
  rateLimited: 'Сұраныстар тым көп. Сәлден соң қайталаймыз…',
  retryNow: 'Қазір қайталау',
  badRequest: 'Іздеу орындалмады:',
  genericError: 'Бірдеңе дұрыс болмады. Қайталап көріңіз.',
  correction: '«{query}» бойынша нәтижелер көрсетілді. Терілгендей іздеу: «{original}»',
  pagination: 'Беттер',
  previous: 'Алдыңғы',
  next: 'Келесі',
  pageN: '{n}-бет',
  backToResults: 'Нәтижелерге оралу',
  readOriginal: 'Түпнұсқаны ашу',
  published: 'Жарияланған күні',
  source: 'Дереккөз',
  language: 'Тілі',
  organizations: 'Ұйымдар',
  noDate: 'Күні белгісіз',
  dateInferred: 'шамамен',
  loadingArticle: 'Мақала жүктелуде…',
  articleNotFound: 'Бұл мақала табылмады.',
  suggestions: 'Ұсыныстар',
  kindOrg: 'ұйым',
  kindPlace: 'жер',
  kindPerson: 'тұлға',
  kindTopic: 'тақырып',
  kindTitle: 'мақала',
  langKk: 'Қазақша',
  langRu: 'Орысша',
  langOther: 'Басқа тіл',
  langKkCyrl: 'Қазақша (кирил)',
  langKkLatn: 'Қазақша (латын)',
  allYears: 'Барлық жылдар',
  noYear: 'Жылы белгісіз',
  yearSpan: '{from}–{to}',
  histogramHelp:
    'Бағанды бассаңыз, сол жыл таңдалады; сүйресеңіз немесе Shift басып тұрып бассаңыз, жылдар аралығы таңдалады. Пернетақта: көрсеткілер — жылжу, Enter — жылды таңдау, Shift пен көрсеткі немесе Enter — аралықты кеңейту, Escape — тазарту.',
  clearYears: 'Жылдарды тазарту',
  facetSearch: '{name} іздеу',
  facetSearchLabel: 'Мәндерді іздеу: {name}',
  facetNoMatch: 'Сәйкес мән жоқ',
  refinements: 'Таңдалған сүзгілер',
  clearAll: 'Барлығын тазарту',
  removeFilter: 'Сүзгіні алып тастау: {name}',
  took: '{ms} мс',
  scriptLabel: 'Қазақ мәтіні',
  scriptAsWritten: 'Түпнұсқадағыдай',
  scriptCyrl: 'Кирилше',
  scriptLatn: 'Латынша',
  alternativesTitle: 'Мына сұраулар нәтиже береді:',
  altOtherLanguage: 'Сол сөздер басқа тілде',
  altPartial: 'Ішінара сәйкестік — сөздердің бір бөлігі ғана',
  altUnfiltered: 'Сүзгілерсіз',
  filterBy: 'Тек осыны көрсету: {name}',
};

const ru: Messages = {
  selfName: 'Русский',
  tagline: 'Поиск новостей на казахском и русском языках',
  searchLabel: 'Поиск по новостям',
  searchPlaceholder: 'Например: Казахстан, ШОС, саммит',
  searchButton: 'Найти',
  clearSearch: 'Очистить запрос',
  uiLanguage: 'Язык интерфейса',
  skipToResults: 'Перейти к результатам',
  filters: 'Фильтры',
  facetYear: 'Год',
  facetOrg: 'Организация',
  facetLang: 'Язык статьи',
  facetSource: 'Источник',
  clearFilters: 'Сбросить фильтры',
  showMore: 'Показать ещё',
  showLess: 'Свернуть',
  sortLabel: 'Сортировка',
  sortRelevance: 'По релевантности',
  sortNewest: 'Сначала новые',
  sortOldest: 'Сначала старые',
  resultCount: { one: '{n} результат', few: '{n} результата', many: '{n} результатов', other: '{n} результата' },
  browseCount: { one: '{n} статья', few: '{n} статьи', many: '{n} статей', other: '{n} статьи' },
  browseHeading: 'Последние новости',
  searching: 'Ищем…',
  noResults: 'По запросу «{q}» ничего не найдено.',
  noResultsHint: 'Проверьте написание, уберите лишние слова или сбросьте фильтры.',
  unavailable: 'Поиск временно недоступен, повторяем попытку…',
  rateLimited: 'Слишком много запросов. Повторим чуть позже…',
  retryNow: 'Повторить сейчас',
  badRequest: 'Поиск не выполнен:',
  genericError: 'Что-то пошло не так. Попробуйте ещё раз.',
  correction: 'Показаны результаты по запросу «{query}». Искать как набрано: «{original}»',
  pagination: 'Страницы',
  previous: 'Назад',
  next: 'Дальше',
  pageN: 'Страница {n}',
  backToResults: 'Вернуться к результатам',
  readOriginal: 'Открыть оригинал',
  published: 'Опубликовано',
  source: 'Источник',
  language: 'Язык',
  organizations: 'Организации',
  noDate: 'Дата неизвестна',
  dateInferred: 'примерно',
  loadingArticle: 'Загружаем статью…',
  articleNotFound: 'Эта статья не найдена.',
  suggestions: 'Подсказки',
  kindOrg: 'организация',
  kindPlace: 'место',
  kindPerson: 'персона',
  kindTopic: 'тема',
  kindTitle: 'статья',
  langKk: 'Казахский',
  langRu: 'Русский',
  langOther: 'Другой язык',
  langKkCyrl: 'Казахский (кириллица)',
  langKkLatn: 'Казахский (латиница)',
  allYears: 'Все годы',
  noYear: 'Год неизвестен',
  yearSpan: '{from}–{to}',
  histogramHelp:
    'Нажмите на столбец, чтобы выбрать год; протяните или нажмите с Shift, чтобы выбрать период. Клавиши: стрелки — переход, Enter — выбрать год, Shift со стрелкой или с Enter — расширить период, Escape — сбросить.',
  clearYears: 'Сбросить годы',
  facetSearch: 'Найти: {name}',
  facetSearchLabel: 'Поиск значений: {name}',
  facetNoMatch: 'Ничего не подходит',
  refinements: 'Выбранные фильтры',
  clearAll: 'Сбросить всё',
  removeFilter: 'Убрать фильтр: {name}',
  took: '{ms} мс',
  scriptLabel: 'Казахский текст',
  scriptAsWritten: 'Как в оригинале',
  scriptCyrl: 'Кириллицей',
  scriptLatn: 'Латиницей',
  alternativesTitle: 'Попробуйте так:',
  altOtherLanguage: 'Те же слова на другом языке',
  altPartial: 'Частичные совпадения — только часть слов',
  altUnfiltered: 'Без фильтров',
  filterBy: 'Показать только: {name}',
};

const en: Messages = {
  selfName: 'English',
  tagline: 'Search news in Kazakh and Russian',
  searchLabel: 'Search the news',
  searchPlaceholder: 'e.g. Kazakhstan, SCO, summit',
  searchButton: 'Search',
  clearSearch: 'Clear the search',
  uiLanguage: 'Interface language',
  skipToResults: 'Skip to results',
  filters: 'Filters',
  facetYear: 'Year',
  facetOrg: 'Organization',
  facetLang: 'Article language',
  facetSource: 'Source',
  clearFilters: 'Clear filters',
  showMore: 'Show more',
  showLess: 'Show less',
  sortLabel: 'Sort',
  sortRelevance: 'Most relevant',
  sortNewest: 'Newest first',
  sortOldest: 'Oldest first',
  resultCount: { one: '{n} result', other: '{n} results' },
  browseCount: { one: '{n} article', other: '{n} articles' },
  browseHeading: 'Latest news',
  searching: 'Searching…',
  noResults: 'Nothing found for «{q}».',
  noResultsHint: 'Check the spelling, use fewer words, or clear the filters.',
  unavailable: 'Search is unavailable, retrying…',
  rateLimited: 'Too many requests. Retrying in a moment…',
  retryNow: 'Retry now',
  badRequest: 'The search could not be run:',
  genericError: 'Something went wrong. Please try again.',
  correction: 'Showing results for «{query}». Search instead for «{original}»',
  pagination: 'Pages',
  previous: 'Previous',
  next: 'Next',
  pageN: 'Page {n}',
  backToResults: 'Back to results',
  readOriginal: 'Open the original',
  published: 'Published',
  source: 'Source',
  language: 'Language',
  organizations: 'Organizations',
  noDate: 'Date unknown',
  dateInferred: 'approx.',
  loadingArticle: 'Loading the article…',
  articleNotFound: 'This article could not be found.',
  suggestions: 'Suggestions',
  kindOrg: 'organization',
  kindPlace: 'place',
  kindPerson: 'person',
  kindTopic: 'topic',
  kindTitle: 'article',
  langKk: 'Kazakh',
  langRu: 'Russian',
  langOther: 'Other language',
  langKkCyrl: 'Kazakh (Cyrillic)',
  langKkLatn: 'Kazakh (Latin)',
  allYears: 'All years',
  noYear: 'Year unknown',
  yearSpan: '{from}–{to}',
  histogramHelp:
    'Click a bar for that year; drag, or Shift-click, for a span. Keys: arrows move, Enter picks a year, Shift with an arrow or Enter extends the span, Escape clears.',
  clearYears: 'Clear years',
  facetSearch: 'Search {name}',
  facetSearchLabel: 'Search the values of {name}',
  facetNoMatch: 'No match',
  refinements: 'Selected filters',
  clearAll: 'Clear all',
  removeFilter: 'Remove filter: {name}',
  took: '{ms} ms',
  scriptLabel: 'Kazakh text',
  scriptAsWritten: 'As written',
  scriptCyrl: 'Cyrillic',
  scriptLatn: 'Latin',
  alternativesTitle: 'These find something:',
  altOtherLanguage: 'The same words in the other language',
  altPartial: 'Partial matches — only some of your words',
  altUnfiltered: 'Without the filters',
  filterBy: 'Show only: {name}',
};

export const MESSAGES: Record<UiLang, Messages> = { kk, ru, en };

/** Locales for Intl formatting (dates, plurals). */
export const LOCALES: Record<UiLang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Replaces `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export function plural(lang: UiLang, forms: Plural, n: number): string {
  const category = new Intl.PluralRules(LOCALES[lang]).select(n) as keyof Plural;
  const template = forms[category] ?? forms.other;
  return fill(template, { n: new Intl.NumberFormat(LOCALES[lang]).format(n) });
}

/**
 * The interface language to start with: the URL's `ui`, then the remembered choice, then the browser's languages
 * (the first of kk/ru/en they name), then English.
 */
export function initialUiLang(fromUrl: string | null, stored: string | null, browser: readonly string[]): UiLang {
  if (isUiLang(fromUrl)) return fromUrl;
  if (isUiLang(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLang(base)) return base;
  }
  return 'en';
}
