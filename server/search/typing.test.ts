import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../analyzers/index.js';
import { decodeQuery, TIER_FIELDS } from '../../engine/index.js';
import { articlesServer } from '../articles-testing.js';
import { planCompletion } from './plan.js';
import type { Completion } from './suggest.js';
import {
  completionsToSearch,
  frequentReadingFirst,
  paradigmWords,
  typingPlan as planTyping,
  withParadigm,
} from './typing.js';

const c = (form: string, stem: string, count: number): Completion => ({ form, stem, count });

type Planned = ReturnType<typeof planCompletion>;
/** A plan's queries with their keys read back from the engine's key code (engine/key-code.ts). */
const readable = (plan: Planned): Planned =>
  plan && { ...plan, queries: plan.queries.map((q) => ({ ...q, q: decodeQuery(q.q) })) };
const completionPlan = (...args: Parameters<typeof planCompletion>) => readable(planCompletion(...args));
const typingPlan = (...args: Parameters<typeof planTyping>) => readable(planTyping(...args));
const names = (completions: Completion[]) => completions.map((x) => x.form);

describe('completionsToSearch: which words an unfinished word is taken for', () => {
  const tokaev = c('тоқаев', 'ътоқаев', 42);
  const toqtat = c('тоқтатты', 'ътоқтат', 8);

  it.each([
    ['Тоқ', [tokaev, toqtat], ['тоқаев', 'тоқтатты']], // a prefix: its most frequent completions, best first
    ['Тоқ ', [tokaev, toqtat], []], // a space finishes the word
    ['Тоқаев', [tokaev], []], // the word is its own most frequent completion: searched as a whole word
    ['Тоқаев', [], []], // nothing completes it
  ])('%j with %j → %j', (q, found, expected) => {
    expect(names(completionsToSearch(analyzeQuery(q), found))).toEqual(expected);
  });

  it('a typed word the archive holds nearly as often as its best completion is the word meant', () => {
    const found = [c('саммитіне', 'ъсаммит', 4), c('саммита', 'ьсаммит', 3)];
    expect(completionsToSearch(analyzeQuery('саммит'), found)).toEqual([]);
    // …but a rare word that prefixes a frequent one is taken for the frequent one (үкім «verdict», үкімет).
    const rare = [c('үкіметі', 'ъүкімет', 11), c('үкім', 'ъүкім', 2)];
    expect(names(completionsToSearch(analyzeQuery('үкім'), rare))).toEqual(['үкіметі', 'үкім']);
  });

  it('a word both languages spell alike is read first in the language the archive holds it in more often', () => {
    const labels = (q: string, found: Completion[]) =>
      frequentReadingFirst(analyzeQuery(q), found).readings.map((r) => `${r.label}${r.secondary ? '?' : ''}`);
    expect(labels('саммит', [c('саммитіне', 'ъсаммит', 4), c('саммита', 'ьсаммит', 3)])).toEqual(['kk', 'ru?']);
    expect(labels('саммит', [c('саммита', 'ьсаммит', 5), c('саммитіне', 'ъсаммит', 3)])).toEqual(['ru', 'kk?']);
    // Only the word itself counts, not other words it begins (министрлігі is another word than министр).
    expect(labels('министр', [c('министрлігі', 'ъминистрлік', 90), c('министра', 'ьминистр', 9)])).toEqual([
      'ru',
      'kk?',
    ]);
    expect(labels('министрі', [])).toEqual(['kk']); // a Kazakh letter: one reading
  });

  it('completes within the language the letters allow', () => {
    const found = [c('президента', 'ьпрезидент', 148), c('президенті', 'ъпрезидент', 91)];
    // Latin letters are Kazakh Latin or a foreign word, never Russian; a Kazakh letter makes the word Kazakh.
    expect(names(completionsToSearch(analyzeQuery('Prezı'), found))).toEqual(['президенті']);
    expect(names(completionsToSearch(analyzeQuery('Президенті'.slice(0, 6)), found))).toEqual([
      'президента',
      'президенті',
    ]);
    const kazakh = [c('қазақстан', 'ъқазақстан', 124), c('казахстана', 'ьказахстан', 50)];
    expect(names(completionsToSearch(analyzeQuery('қаза'), kazakh))).toEqual(['қазақстан']);
  });

  it('a name typed in Latin completes to its Russian spelling: names cross scripts by their skeleton', () => {
    const found = [c('меркель', 'ьмеркель', 5), c('меркурий', 'ьмеркурий', 3)];
    // «меркель» is known only as a surname (a name); «меркурий» is a word of the dictionary, Russian only.
    expect(names(completionsToSearch(analyzeQuery('Merk'), found))).toEqual(['меркель']);
  });

  it('a word typed in capitals is an abbreviation being typed', () => {
    const found = [c('нәтиже', 'ънәтиже', 9), c('нато', 'нато', 4)];
    expect(names(completionsToSearch(analyzeQuery('НАТ'), found))).toEqual(['нато']);
    expect(names(completionsToSearch(analyzeQuery('нат'), found))).toEqual(['нәтиже', 'нато']);
  });

  it('a word that begins with the very letters typed comes before one that matches only folded, if not rare', () => {
    // «нат» begins нато as typed; нәтиже only once ә is folded to а.
    const nato = [c('нәтиже', 'ънәтиже', 6), c('нато', 'нато', 4)];
    expect(names(completionsToSearch(analyzeQuery('нат'), nato))).toEqual(['нато', 'нәтиже']);
    // Kazakh typed without its letters still completes to the Kazakh word when the exact one is rare.
    const kazak = [c('қазақстан', 'ъқазақстан', 124), c('казак', 'ьказак', 3)];
    expect(names(completionsToSearch(analyzeQuery('казак'), kazak))).toEqual(['қазақстан', 'казак']);
    // Latin letters are read as Cyrillic, so none is «exact»: the frequency order stands.
    expect(names(completionsToSearch(analyzeQuery('nat'), nato))).toEqual(['нәтиже', 'нато']);
  });

  it('a word that already ends a name is finished', () => {
    const found = [c('еуропа', 'ъеуропа', 9), c('eurowings', 'eurowings', 3)];
    expect(completionsToSearch(analyzeQuery('EU'), found)).toEqual([]);
  });
});

describe('paradigmWords and withParadigm: the words an unfinished Kazakh word inflects', () => {
  const words = (q: string) => paradigmWords(analyzeQuery(q)).map((w) => [w.typed, w.stem]);

  it.each([
    ['министрл', [['министр', 'ъминистр']]], // министр-лер: the letters begin its plural
    ['mınıstrl', [['министр', 'ъминистр']]], // the same in Kazakh Latin
    ['облыстарынд', [['облыс', 'ъоблыс']]], // облыс-тар-ы-нда, however long the ending
    ['министрл ', []], // a space finishes the word
    ['облыст', [['облыс', 'ъоблыс']]], // the typed word's own stem: counted, it decides whether the word is the one meant
    ['жалғасты', [['жалғас', 'ъжалғас']]], // the same: its own (жалғас-ты)
    ['құрас', []], // құра-сы is read as құр- by the analyzer: not the word the letters stand for
    ['перегов', []], // Russian by its letters: no Kazakh stem
  ])('%j → %j', (q, expected) => {
    expect(words(q)).toEqual(expected);
  });

  it('merges the words the titles and leads hold into the completions by count, each stem once', () => {
    const ministry = c('министрлігі', 'ъминистрлік', 11);
    const minister = { ...c('министрі', 'ъминистр', 21), paradigm: true };
    expect(names(withParadigm([ministry], [minister]))).toEqual(['министрі', 'министрлігі']);
    expect(names(withParadigm([ministry], [{ ...minister, count: 0 }]))).toEqual(['министрлігі']); // not held: later
    expect(names(withParadigm([c('министрі', 'ъминистр', 21)], [minister]))).toEqual(['министрі']);
  });

  it('takes a paradigm word for one that begins as typed: it comes first when frequent enough', () => {
    const found = [{ ...c('министрі', 'ъминистр', 21), paradigm: true }, c('министрлігі', 'ъминистрлік', 11)];
    expect(names(completionsToSearch(analyzeQuery('министрл'), found))).toEqual(['министрі', 'министрлігі']);
  });
});

describe('planCompletion and typingPlan', () => {
  it('searches a completed name by its entity token: every name in every language', () => {
    const planned = completionPlan(analyzeQuery('Тоқ'), c('тоқаев', 'ътоқаев', 42), 1);
    expect(planned?.queries.map((q) => q.q)).toEqual(['"zztokayev" ']);
    expect(planned?.keys.entities.has('TOKAYEV')).toBe(true);
  });

  it('searches a completed common word by its stem key on the stem tier, the words before it kept', () => {
    const planned = completionPlan(analyzeQuery('Қазақстан үкі'), c('үкіметі', 'ъүкімет', 11), 1);
    expect(planned?.queries).toMatchObject([{ q: '"zzkz" "ъүкімет" ', fields: TIER_FIELDS.stem, minScore: 0.45 }]);
  });

  it('sends three words or more as one phrase, all in one passage, as a finished query goes (P3)', () => {
    const planned = completionPlan(
      analyzeQuery('делегация организация сотруднич'),
      c('сотрудничества', 'ьсотрудничество', 3),
      1,
    );
    expect(planned?.queries[0]?.q).toBe('"ьделегация ьорганизация ьсотрудничество" ');
    expect(planned?.queries[0]?.minScore).toBeUndefined(); // one passage already: no cut on nearness
  });

  it('searches a completed foreign word by its name skeleton too (Euronews ~ Евроньюс)', () => {
    const planned = completionPlan(analyzeQuery('Euro'), c('euronews', 'euronews', 3), 1);
    expect(planned?.queries.map((q) => [q.q, q.weight])).toEqual([
      ['"euronews" ', 1],
      ['"zxrnvs" ', 0.85],
    ]);
    // A name the gazetteer knows goes by its entity token instead.
    expect(completionPlan(analyzeQuery('Trum'), c('trump', 'trump', 3), 1)?.queries.map((q) => q.q)).toEqual([
      '"zztrump" ',
    ]);
  });

  it('searches a completed foreign word in the reading that keys it so, with its name skeleton (Johns ~ Джонсон)', () => {
    // «Johns» is read first as Kazakh Latin («жохнс»), where «johnson» would be no word and have no skeleton.
    const planned = completionPlan(analyzeQuery('Johns'), c('johnson', 'johnson', 3), 1);
    expect(planned?.queries.map((q) => [q.q, q.weight])).toEqual([
      ['"johnson" ', 1],
      ['"zxjnsn" ', 0.85],
    ]);
  });

  it('letters typed past the stem of a completion search the words they begin first, its other forms after', () => {
    // «басшыл»: басшылары (leaders) is keyed басш-, as басшысы (a head) is, which the letters do not begin.
    const planned = completionPlan(analyzeQuery('басшыл'), c('басшылары', 'ъбасш', 4), 1);
    expect(planned?.queries.map((q) => [q.name, q.q, q.weight])).toEqual([
      ['prefix-exact:kk', 'басшыл', 1], // title and lead forms the letters begin
      ['prefix-fold:kk', 'ъбасшыл', 0.95], // stems they begin: басшылық (leadership)
      ['complete:kk:басшылары', '"ъбасш" ', 0.5],
    ]);
    expect(planned?.keys.exactPrefixes).toEqual(new Set(['басшыл']));
    // Letters within the stem, or past a name (its endings), are searched by the completion as before.
    expect(completionPlan(analyzeQuery('басш'), c('басшысы', 'ъбасш', 50), 1)?.queries.map((q) => q.q)).toEqual([
      '"ъбасш" ',
    ]);
    expect(completionPlan(analyzeQuery('Тоқаевт'), c('тоқаевтың', 'ътоқаев', 9), 1)?.queries.map((q) => q.q)).toEqual([
      '"zztokayev" ',
    ]);
  });

  it('searches a paradigm word by its stem alone: the letters begin none of its title and lead forms', () => {
    // «министрл» goes past министр into министрлер; the letters as a prefix would find министрлік, another word.
    const planned = completionPlan(analyzeQuery('министрл'), { ...c('министрі', 'ъминистр', 21), paradigm: true }, 1);
    expect(planned?.queries.map((q) => [q.name, q.q, q.weight])).toEqual([['complete:kk:министрі', '"ъминистр" ', 1]]);
  });

  it('weights each completion below the one before, so that its hits come after', () => {
    const analysis = analyzeQuery('үкі');
    const plan = typingPlan(analysis, [c('үкіметі', 'ъүкімет', 11), c('үкім', 'ъүкім', 2)]);
    expect(plan?.queries.map((q) => [q.q, q.weight])).toEqual([
      ['"ъүкімет" ', 1],
      ['"ъүкім" ', 0.5],
    ]);
    expect(typingPlan(analysis, [])).toBeNull();
  });
});

describe('GET /api/search while typing (real engine)', () => {
  const articles = [
    { id: 'tok/1', lang: 'kk', title: 'Тоқаев Астанада кеңес өткізді', text: 'Мемлекет басшысы кеңес өткізді.' },
    { id: 'tok/2', lang: 'kk', title: 'Тоқаев жаңа заңға қол қойды', text: 'Заң бүгін күшіне енеді.' },
    { id: 'tok/3', lang: 'kk', title: 'Тоқаев шетелдік қонақтарды қабылдады', text: 'Кездесу Ақордада өтті.' },
    { id: 'tok/4', lang: 'ru', title: 'Токаев провёл совещание', text: 'Президент Казахстана провёл совещание.' },
    { id: 'gov/1', lang: 'kk', title: 'Үкімет отырысы өтті', text: 'Үкімет жаңа жоспарды талқылады.' },
    { id: 'gov/2', lang: 'kk', title: 'Үкімет бағдарламаны бекітті', text: 'Бағдарлама екі жылға арналған.' },
    { id: 'gov/3', lang: 'kk', title: 'Үкіметтің жаңа шешімі', text: 'Шешім ертеңнен бастап күшіне енеді.' },
    { id: 'court/1', lang: 'kk', title: 'Сот үкім шығарды', text: 'Сот айыпталушыға үкім оқыды.' },
    { id: 'nato/1', lang: 'kk', title: 'НАТО саммиті Вашингтонда өтті', text: 'Альянс басшылары жиналды.' },
    { id: 'trump/1', lang: 'ru', title: 'Трамп выступил в Конгрессе', text: 'Речь длилась час.' },
    { id: 'trump/2', lang: 'kk-Latn', title: 'Tramp Kanadaǵa bardy', text: 'Sapar eki kúnge sozylady.' },
    {
      id: 'city/1',
      lang: 'kk',
      title: 'Жаңа мектеп ашылды',
      text: 'Мектеп биыл салынды. Оқушылар қуанышты.\n\nҚұрылыс Қонаевта екі жыл жүрді.',
    },
    {
      id: 'city/2',
      lang: 'ru',
      title: 'Открылась новая школа',
      text: 'Школу построили за год. Ученики рады.\n\nСтроительство в Конаеве шло два года.',
    },
    {
      id: 'city/3',
      lang: 'kk',
      title: 'Өскеменде көрме ашылды',
      text: 'Көрмеге мыңдаған адам келді. Залға камера орнатылды.',
    },
    {
      id: 'deal/1',
      lang: 'ru',
      title: 'Стороны пришли к согласию',
      text: 'Переговоры завершились утром. Журналисты ждали у входа.\n\nДоговор подписали вечером.',
    },
    {
      id: 'uz/1',
      lang: 'kk',
      title: 'Өзбекстан президенті Астанаға келді',
      text: 'Сапар екі күнге созылады. Бағдарлама бай.\n\nҚазақстан Өзбекстанмен ынтымақтастықты нығайтады.',
    },
    { id: 'head/1', lang: 'kk', title: 'Мемлекет басшысы Астанаға оралды', text: 'Сапар аяқталды.' },
    { id: 'head/2', lang: 'kk', title: 'Мемлекет басшысы заңға қол қойды', text: 'Заң күшіне енді.' },
    { id: 'head/3', lang: 'kk', title: 'Облыс басшылары жиналды', text: 'Жиын түске дейін созылды.' },
    {
      id: 'head/4',
      lang: 'kk',
      title: 'Жаңа зауыт іске қосылды',
      text: 'Зауыт биыл салынды. Жұмысшылар қуанышты.\n\nЖобаны компания басшылығы қолдады.',
    },
    { id: 'go/1', lang: 'kk', title: 'Келіссөздер жалғасып жатыр', text: 'Тараптар түске дейін сөйлесті.' },
    {
      id: 'go/2',
      lang: 'kk',
      title: 'Театр жаңа маусымды ашты',
      text: 'Көрермендер көп келді. Залда орын қалмады.\n\nТеатр гастрольдерін жалғастырды.',
    },
    {
      id: 'min/1',
      lang: 'kk',
      title: 'Министр жаңа жоспарды таныстырды',
      text: 'Жиын түске дейін созылды. Барлығы келді.\n\nЖиында министрлер сөйледі.',
    },
    { id: 'min/2', lang: 'kk', title: 'Министр Алматыға барды', text: 'Сапар екі күнге созылды.' },
    {
      id: 'min/3',
      lang: 'kk',
      title: 'Денсаулық сақтау министрлігі жаңа бағдарлама әзірледі',
      text: 'Бағдарлама биыл басталады.',
    },
    {
      id: 'hosp/1',
      lang: 'kk',
      title: 'Жаңа құрал-жабдық әкелінді',
      text: 'Құрылғылар биыл келді. Жеткізу уақытында болды.\n\nОблыстың ауруханаларында жаңа томографтар орнатылды.',
    },
    { id: 'reg/1', lang: 'kk', title: 'Облыстық кеңес жиналды', text: 'Жиын түске дейін созылды.' },
    { id: 'reg/2', lang: 'kk', title: 'Облыс әкімі жаңа мектеп ашты', text: 'Мектеп үш жүз балаға арналған.' },
    { id: 'pm/1', lang: 'ru', title: 'Премьер-министр провёл совещание', text: 'Совещание прошло утром.' },
    { id: 'pm/2', lang: 'ru', title: 'Министр финансов представил бюджет', text: 'Бюджет обсудят в марте.' },
    { id: 'pm/3', lang: 'ru', title: 'На минувшей неделе открылась выставка', text: 'Выставка продлится месяц.' },
    { id: 'uk/1', lang: 'ru', title: 'Борис Джонсон ушёл в отставку', text: 'Решение объявлено утром.' },
    {
      id: 'uk/2',
      lang: 'ru',
      title: 'Вакцину одобрили',
      text: 'Регулятор собрался утром. Решение ждали неделю.\n\nВакцину Johnson одобрили для взрослых.',
    },
    {
      id: 'sco/1',
      lang: 'ru',
      title: 'Лидеры собрались в Астане',
      text: 'Встреча началась утром. Погода была ясной.\n\nНа саммите ШОС обсудили торговлю.',
    },
  ];
  const engine = articlesServer(articles);
  const top = (q: string, limit = 10) => engine.search({ q, limit });

  it('«Тоқ» is already about Тоқаев, in both languages, with the name marked', async () => {
    const body = await top('Тоқ');
    expect(body.hits.map((h) => h.id).sort()).toEqual(['tok/1', 'tok/2', 'tok/3', 'tok/4']);
    expect(body.hits[0]?.titleHtml).toMatch(/<mark>То[қк]аев<\/mark>/);
  });

  it('«үкім» shows the frequent «үкімет» first and the rare «үкім» after it; «үкім » (finished) only the verdict', async () => {
    const typing = await top('үкім');
    expect(
      typing.hits
        .slice(0, 3)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['gov/1', 'gov/2', 'gov/3']);
    expect(typing.hits.map((h) => h.id)).toContain('court/1');
    expect(typing.hits.map((h) => h.id).indexOf('court/1')).toBe(3);
    const finished = await top('үкім ');
    expect(finished.hits.map((h) => h.id)).toEqual(['court/1']);
  });

  it('a whole word is searched as it is', async () => {
    const body = await top('Тоқаев');
    expect(body.hits.map((h) => h.id).sort()).toEqual(['tok/1', 'tok/2', 'tok/3', 'tok/4']);
  });

  it('«НАТ» typed in capitals completes to the abbreviation', async () => {
    expect((await top('НАТ')).hits.map((h) => h.id)).toEqual(['nato/1']);
  });

  it('a hyphenated ending being typed after an abbreviation asks nothing: «НАТО-ғ» is НАТО', async () => {
    for (const q of ['НАТО-', 'НАТО-ғ', 'НАТО-ға', 'NATO-ǵ'])
      expect(
        (await top(q)).hits.map((h) => h.id),
        q,
      ).toEqual(['nato/1']);
  });

  it('a name the archive writes otherwise completes through the gazetteer: «Trum» is Трамп and Tramp', async () => {
    // No word of the titles and leads begins with «trum»: the gazetteer's «Trump» is the completion.
    expect((await top('Trum')).hits.map((h) => h.id).sort()).toEqual(['trump/1', 'trump/2']);
  });

  it('a city named only in bodies completes through the gazetteer too: «Конае» is Қонаев and Конаев', async () => {
    expect((await top('Конае')).hits.map((h) => h.id).sort()).toEqual(['city/1', 'city/2']);
  });

  it('a hyphenated name is completed as a whole: «Усть-Камено» is Өскемен, not a word beginning «камено»', async () => {
    expect((await top('Усть-Камено')).hits.map((h) => h.id)).toEqual(['city/3']);
    expect((await top('Ust-Kam')).hits.map((h) => h.id)).toEqual(['city/3']);
    const suggest = await engine.server.get(`/api/suggest?q=${encodeURIComponent('Усть-Кам')}`);
    const terms = (suggest.body.suggestions as { kind: string }[]).filter((x) => x.kind === 'term');
    expect(suggest.body.suggestions).toContainEqual({ text: 'Усть-Каменогорск', kind: 'place', code: 'OSKEMEN' });
    expect(terms).toEqual([]); // not «Усть-Камере» of камера
  });

  it('a title compound being typed is suggested as compounds the archive holds: «Премьер-мин» is премьер-министр', async () => {
    const suggest = await engine.server.get(`/api/suggest?q=${encodeURIComponent('Премьер-мин')}`);
    const terms = (suggest.body.suggestions as { text: string; kind: string }[]).filter((x) => x.kind === 'term');
    // Not «Премьер-минувшей» nor the Kazakh «Премьер-министрлігі»: no article holds them as compounds.
    expect(terms.map((x) => x.text)).toEqual(['Премьер-министр']);
  });

  it('a hyphenated name typed up to its hyphen, or a letter past it, is the name: «Усть-», «Усть-К» (к is a stopword)', async () => {
    for (const q of ['Усть-', 'Усть-К', 'Ust-', 'Ust-K'])
      expect(
        (await top(q)).hits.map((h) => h.id),
        q,
      ).toEqual(['city/3']);
  });

  it('a stopword being typed is the start of a word: «То» is on the way to Тоқаев; «То » (finished) asks nothing', async () => {
    expect((await top('То')).hits.map((h) => h.id).sort()).toEqual(['tok/1', 'tok/2', 'tok/3', 'tok/4']);
    expect((await top('То ')).hits).toEqual([]);
  });

  it('a stopword being typed that begins no word of the titles and leads is searched by its letters: «под»', async () => {
    const body = await top('под'); // «подписали» stands after the lead (its first two sentences)
    expect(body.hits.map((h) => h.id)).toEqual(['deal/1']);
    expect(body.hits[0]?.snippet).toMatch(/<mark>подписали<\/mark>/);
    expect((await top('под ')).hits).toEqual([]); // finished: a stopword asks nothing
  });

  it('a name before the word being typed counts however the article names it: «ШЫҰ самм» is «саммите ШОС»', async () => {
    // «самм» completes to the Kazakh «саммиті» of a title, which no SCO article holds; the prefix that follows asks
    // for the SCO by its entity token, as the whole words do, not for the letters «ШЫҰ».
    expect((await top('ШЫҰ самм')).hits.map((h) => h.id)).toEqual(['sco/1']);
  });

  it('«басшыл» is about the words those letters begin (leaders, leadership), not about «басшысы» (a head)', async () => {
    const ids = (await top('басшыл')).hits.map((h) => h.id);
    expect(ids.slice(0, 3).sort()).toEqual(['head/3', 'head/4', 'nato/1']); // «Альянс басшылары» in nato/1's lead
    expect(ids.slice(3).sort()).toEqual(['head/1', 'head/2', 'tok/1']); // the stem's other forms, after
  });

  it('letters that begin no title or lead word and go past their stem find the words they begin first: «жалғасты»', async () => {
    // Its stem жалғас- (continue, intransitive) is in a title; the letters begin жалғастыр- (continue something).
    const body = await top('жалғасты');
    expect(body.hits.map((h) => h.id)).toEqual(['go/2', 'go/1']);
    expect(body.hits[0]?.snippet).toMatch(/<mark>жалғастырды<\/mark>/);
  });

  it('a foreign name being typed that the titles and leads do not hold crosses scripts by its skeleton: «Johns»', async () => {
    const body = await top('Johns');
    expect(body.hits.map((h) => h.id)).toEqual(['uk/2', 'uk/1']); // the letters as typed first, the name after
    expect(body.hits[1]?.titleHtml).toMatch(/<mark>Джонсон<\/mark>/);
    // Too short a skeleton to stand for a name («Jo» is read as Kazakh Latin, жо…).
    expect((await top('Jo')).hits.map((h) => h.id)).not.toContain('uk/1');
  });

  it('«министрл» is министр-лер as much as министрлік: the more frequent word in the titles and leads first', async () => {
    const ids = (await top('министрл')).hits.map((h) => h.id);
    expect(ids.slice(0, 2).sort()).toEqual(['min/1', 'min/2']);
    expect(ids[2]).toBe('min/3');
  });

  it('«облыст» is облыс, typed into its endings, when the titles hold облыс more than the one word it begins', async () => {
    // облыстық (regional) is the only title word «облыст» begins; облыс (region) is in two titles.
    const ids = (await top('облыст')).hits.map((h) => h.id);
    expect(ids.slice(0, 2).sort()).toEqual(['head/3', 'reg/2']);
  });

  it('the suggestion list offers the paradigm word the search shows: «министрл» → министрлер, министрлігі', async () => {
    const suggest = await engine.server.get(`/api/suggest?q=${encodeURIComponent('министрл')}`);
    const terms = (suggest.body.suggestions as { text: string; kind: string }[]).filter((x) => x.kind === 'term');
    expect(terms.map((x) => x.text)).toEqual(['министрлер', 'министрлігі']);
  });

  it('letters deep in an ending of a word no title or lead holds find the word: «ауруханаларынд»', async () => {
    const body = await top('ауруханаларынд');
    expect(body.hits.map((h) => h.id)).toEqual(['hosp/1']);
    expect(body.hits[0]?.snippet).toMatch(/<mark>ауруханаларында<\/mark>/);
  });

  it('a word ending inside an inflection the titles and leads do not hold falls back on a shorter prefix', async () => {
    expect((await top('Өзбекстанме')).hits.map((h) => h.id)).toEqual(['uz/1']);
  });
});
