import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { entryOf, findEntities, gazetteer, labelOf, organizationsOf } from './entities.js';
import { entityToken } from './entity-token.js';

const CONTRACT_ORGS = ['CIS', 'SCO', 'UN', 'OSCE', 'EU', 'EAEU', 'CSTO', 'NATO', 'OTS', 'CICA', 'C5+RU'];
const mentions = (text: string, anyCase = false) =>
  findEntities(analyze(text), { text, anyCase }).map(
    (m) => `${m.code}${m.ambiguous ? '?' : ''}:${text.slice(m.start, m.end)}`,
  );
const orgs = (text: string) => organizationsOf(analyze(text), { text });

describe('gazetteer data', () => {
  it('has no duplicate codes, also after entity-token normalization', () => {
    const codes = gazetteer.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.map(entityToken)).size).toBe(codes.length);
  });
  it.each(CONTRACT_ORGS)('has the contract code %s as an organization', (code) => {
    expect(gazetteer.find((e) => e.code === code)?.kind).toBe('org');
  });
  it.each(gazetteer.map((e) => [e.code, e] as const))('%s: labels in kk/ru/en and names in every language', (_c, e) => {
    for (const l of ['kk', 'ru', 'en'] as const) expect(e.label[l].trim()).not.toBe('');
    for (const l of ['kk', 'kk-Latn', 'ru', 'en'] as const) expect(e.names[l].length).toBeGreaterThan(0);
  });
  const cyrillicNames = gazetteer.flatMap((e) =>
    [
      ...e.names.kk,
      ...e.names.ru,
      ...(e.ambiguous ?? []),
      ...(e.context ?? []),
      ...(e.derived ?? []).filter((n) => /\p{Script=Cyrillic}/u.test(n)),
      e.label.kk,
      e.label.ru,
    ].map((n) => [e.code, n] as const),
  );
  it.each(cyrillicNames)('%s: no Latin look-alike letters inside the Cyrillic word(s) of «%s»', (_c, name) => {
    for (const word of name.split(/[\s\-–+]+/u)) {
      if (/\p{Script=Cyrillic}/u.test(word)) expect(word).not.toMatch(/\p{Script=Latin}/u);
    }
  });
  it.each(gazetteer.flatMap((e) => e.names['kk-Latn'].map((n) => [e.code, n] as const)))(
    '%s: «%s» is Latin',
    (_c, name) => {
      expect(name).not.toMatch(/\p{Script=Cyrillic}/u);
    },
  );
  it('no name is listed twice within an entry, and names are trimmed', () => {
    for (const e of gazetteer) {
      const all = [...Object.values(e.names).flat(), ...(e.ambiguous ?? [])];
      for (const n of all) expect(n).toBe(n.trim());
      const perLang = Object.values(e.names).map((l) => new Set(l).size === l.length);
      expect(perLang.every(Boolean)).toBe(true);
    }
  });
  it('every name of an entry is found as that entry in its own text', () => {
    for (const e of gazetteer) {
      for (const n of Object.values(e.names).flat()) {
        // An institution's name may spell its parent's too (Совет Безопасности ООН), an organization's a place
        // (Шанхайская организация сотрудничества): those come after it.
        const found = findEntities(analyze(n), { text: n }).filter(
          (m, i) => i === 0 || (m.code !== e.partOf && !(e.kind === 'org' && m.kind === 'place')),
        );
        expect({ name: n, codes: found.map((m) => m.code) }).toEqual({ name: n, codes: [e.code] });
      }
    }
  });
});

describe('findEntities', () => {
  it.each([
    ['ШЫҰ-ға мүше мемлекеттер', 'SCO:ШЫҰ'],
    ['ТМД-ның сенімді қатысушысы', 'CIS:ТМД'],
    // An organization's name mentions the places it holds (P1b), after the organization itself.
    ['Шанхайской организации сотрудничества', ['SCO:Шанхайской организации сотрудничества', 'SHANGHAI:Шанхайской']],
    ['Shanhaı yntymaqtastyq uıymynyń sammıti', ['SCO:Shanhaı yntymaqtastyq uıymynyń', 'SHANGHAI:Shanhaı']],
    ['Шанхай Ынтымақтастық Ұйымының астанасы', ['SCO:Шанхай Ынтымақтастық Ұйымының', 'SHANGHAI:Шанхай']],
    ['Тәуелсіз Мемлекеттер Достастығының отырысы', 'CIS:Тәуелсіз Мемлекеттер Достастығының'],
    ['Еуропадағы Қауіпсіздік және Ынтымақтастық Ұйымымен', 'OSCE:Еуропадағы Қауіпсіздік және Ынтымақтастық Ұйымымен'],
    [
      'в рамках Организации Договора о коллективной безопасности',
      'CSTO:Организации Договора о коллективной безопасности',
    ],
    ['"Орталық Азия + Ресей" форматы', ['C5+RU:Орталық Азия + Ресей', 'CENTRAL_ASIA:Орталық Азия', 'RU:Ресей']],
    [
      'саммит «Центральная Азия + Россия»',
      ['C5+RU:Центральная Азия + Россия', 'CENTRAL_ASIA:Центральная Азия', 'RU:Россия'],
    ],
    ['Біріккен Ұлттар Ұйымының мүшелері', 'UN:Біріккен Ұлттар Ұйымының'],
    ['Генсек ООН', 'UN:ООН'],
    ['the United Nations said', 'UN:United Nations'],
    ['Еуразиялық экономикалық одаққа мүше', 'EAEU:Еуразиялық экономикалық одаққа'],
    ['Касым-Жомарт Токаев заявил', 'TOKAYEV:Касым-Жомарт Токаев'],
    ['Тоқаевтың бастамасымен', 'TOKAYEV:Тоқаевтың'],
    ['Qazaqstan Respýblıkasynyń', 'KZ:Qazaqstan Respýblıkasynyń'],
    ['Мәскеуде өтті', 'MOSCOW:Мәскеуде'],
    ['встреча с Джо Байденом', 'BIDEN:Джо Байденом'],
    ['переговоры в Германии', 'DE:Германии'],
  ] as [string, string | string[]][])('%s', (text, expected) => expect(mentions(text)).toEqual([expected].flat()));

  it.each([
    ['Орталық Азия мен Ресей арасындағы', ['CENTRAL_ASIA:Орталық Азия', 'RU:Ресей']], // not the format: no «+»
    ['Орталық Азия, Ресей', ['CENTRAL_ASIA:Орталық Азия', 'RU:Ресей']],
    ['бұған қарағанда', []], // «compared to», not Қарағанды
    ['шос', []], // an abbreviation written in lowercase
    ['Об этом сообщает Би-би-си', []], // a stemmer cutting «Biden» to «би» must not make this Biden
    ['Бай ауылында той болды', []],
    ['ес', []],
    ['достастық пен бірлік', []],
  ])('%s is not (only) what it looks like', (text, expected) => expect(mentions(text)).toEqual(expected));

  it('ambiguous forms are flagged: ОТГ, Достастық; ЕС and ЕО in capitals are the EU', () => {
    expect(mentions('ЕС ввел санкции')).toEqual(['EU:ЕС']);
    expect(mentions('ЕО елшісі')).toEqual(['EU:ЕО']);
    expect(mentions('ес ввел санкции')).toEqual([]);
    expect(mentions('саммит ОТГ')).toEqual(['OTS?:ОТГ']);
    expect(mentions('Достастық елдері')).toEqual(['CIS?:Достастық']);
  });
  it('words formed from a place name count as mentions, in any case', () => {
    expect(mentions('российские компании')).toEqual(['RU:российские']);
    expect(mentions('reseılik sportshy')).toEqual(['RU:reseılik']);
    expect(mentions('китайского производства')).toEqual(['CN:китайского']);
    expect(mentions('qazaqstandyq kompanııalar')).toEqual(['KZ:qazaqstandyq']);
  });
  it("a person's possessive adjective counts as a mention of the person (эрдогановской Турции, путинского)", () => {
    expect(mentions('а также эрдогановской Турции')).toEqual(['ERDOGAN:эрдогановской', 'TR:Турции']);
    expect(mentions('путинского режима')).toEqual(['PUTIN:путинского']);
    expect(mentions('Трамповский курс')).toEqual(['TRUMP:Трамповский']);
    expect(mentions('лукашенковская Беларусь')).toEqual(['LUKASHENKO:лукашенковская', 'BY:Беларусь']);
  });
  it('the first part of a compound adjective names its country too (российско-германский)', () => {
    expect(mentions('прокладку российско-германского газопровода')).toEqual(['RU:российско', 'DE:германского']);
    expect(mentions('казахстанско-китайские отношения')).toEqual(['KZ:казахстанско', 'CN:китайские']);
  });
  it('a topic whose name prose writes in lower case counts in any case: COVID-19 is «ковид» and «Covid»', () => {
    expect(mentions('прививка от COVID-19')).toEqual(['COVID19:COVID-19']);
    expect(mentions('в связи с ковидом')).toEqual(['COVID19:ковидом']);
    expect(mentions('ковидные ограничения')).toEqual(['COVID19:ковидные']);
    expect(mentions('Covid vaccine')).toEqual(['COVID19:Covid']);
    expect(mentions('COVID-19 pandemııasy')).toEqual(['COVID19:COVID-19']);
    expect(mentions('коронавирус')).toEqual([]); // a common word, not the disease's name (P2)
  });
  it('a named event is one name in every language: Северный поток = Nord Stream = Солтүстік ағын', () => {
    expect(mentions('газопровод «Северный поток-2»')).toEqual(['NORD_STREAM:Северный поток']);
    expect(mentions('Nord Stream 2 AG')).toEqual(['NORD_STREAM:Nord Stream']);
    expect(mentions('«Солтүстік ағын» құбыры')).toEqual(['NORD_STREAM:Солтүстік ағын']);
    expect(mentions('Soltústik aǵyn-2 jobasy')).toEqual(['NORD_STREAM:Soltústik aǵyn']);
    expect(mentions('северный поток воздуха')).toEqual([]); // capitalized only: in lowercase a northern flow
  });
  it('a name of several words counts in lowercase too; one word must be capitalized', () => {
    expect(mentions('решение европейского союза')).toEqual(['EU:европейского союза']);
    expect(mentions('қарағанда')).toEqual([]);
  });
  it('regional centres of Kazakhstan: one place in every script and language', () => {
    expect(mentions('Ақтөбеде жаңа зауыт ашылды')).toEqual(['AKTOBE:Ақтөбеде']);
    expect(mentions('В Актобе открыли завод')).toEqual(['AKTOBE:Актобе']);
    expect(mentions('Aqtóbede jańa zaýyt')).toEqual(['AKTOBE:Aqtóbede']);
    expect(mentions('жителей Усть-Каменогорска')).toEqual(['OSKEMEN:Усть-Каменогорска']);
    expect(mentions('Өскеменде су тасқыны')).toEqual(['OSKEMEN:Өскеменде']);
    expect(mentions('жители Конаева')).toEqual(['KONAEV:Конаева']);
    // Its old name stays the reservoir's: «Qapshaǵaı sý qoımasy» is no mention of the city.
    expect(mentions('Qapshaǵaı sý qoımasy')).toEqual([]);
    expect(mentions('костанайские фермеры')).toEqual(['KOSTANAY:костанайские']);
  });
  it('a place name that is also a common word counts only capitalized: ақтау «to acquit», Семей and Орал left out', () => {
    expect(mentions('сот оны ақтады')).toEqual([]);
    expect(mentions('ақтау туралы шешім')).toEqual([]);
    expect(mentions('многодетных семей')).toEqual([]);
    expect(mentions('ол үйге оралды')).toEqual([]);
  });
  it('Kazakh Latin digraphs count as capitals in abbreviations', () => {
    expect(mentions('ShYU sammıti')).toEqual(['SCO:ShYU']);
  });
  it('queries may be lowercase with anyCase', () => {
    expect(mentions('шос саммиті', true)).toEqual(['SCO:шос']);
    expect(mentions('тоқаев', true)).toEqual(['TOKAYEV:тоқаев']);
  });
  it('the longest name wins', () => {
    expect(mentions('Қазақстан Республикасының Президенті')).toEqual(['KZ:Қазақстан Республикасының']);
    expect(mentions('Шанхай ұйымы')).toEqual(['SCO:Шанхай ұйымы', 'SHANGHAI:Шанхай']); // and the city it names
    expect(mentions('Шанхай қаласы')).toEqual(['SHANGHAI:Шанхай']);
  });
  it('offsets slice the original text and token indices point at the tokens', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ШЫҰ', 'ТМД-ның', 'Тоқаев', 'Еуропа Одағы', 'НАТО'),
        fc.string({ maxLength: 20 }),
        (name, pad) => {
          const text = `${pad.replace(/\p{L}/gu, ' ')} ${name} `;
          const toks = analyze(text);
          for (const m of findEntities(toks, { text })) {
            expect(text.slice(m.start, m.end)).toBe(`${text.slice(toks[m.firstToken]!.start, toks[m.lastToken]!.end)}`);
            expect(m.start).toBe(toks[m.firstToken]!.start);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('organizationsOf', () => {
  it.each([
    ['ЕС ввел санкции', ['EU']],
    ['ЕС ввел санкции, заявили в Брюсселе', ['EU']],
    ['ЕС и Евросоюз — одно и то же', ['EU']],
    ['Достастық елдері', []],
    ['Достастық елдері Мемлекет басшылары кеңесінде жиналды', ['CIS']],
    ['Достастыққа қатысушы мемлекеттер және ТМД-ның', ['CIS']],
    ['ОТГ саммиті', []],
    ['Саммит ОТГ тюркских государств', ['OTS']],
    ['ШОС и ОДКБ, а также НАТО и ОБСЕ', ['CSTO', 'NATO', 'OSCE', 'SCO']],
    ['Тоқаев Мәскеуде', []],
  ])('%s → %j', (text, expected) => expect(orgs(text)).toEqual(expected));
});

describe('labelOf', () => {
  it.each([
    ['SCO', 'kk', 'ШЫҰ'],
    ['SCO', 'ru', 'ШОС'],
    ['SCO', 'en', 'SCO'],
    ['C5+RU', 'en', 'Central Asia + Russia'],
    ['NOPE', 'ru', 'NOPE'],
  ] as const)('%s in %s → %s', (code, ui, label) => expect(labelOf(code, ui)).toBe(label));
});

describe('P1b: an institution is its own entity, never its organization or country (one rule, in the data)', () => {
  const institutions = gazetteer.filter((e) => e.partOf !== undefined);
  it('has institutions of organizations and of countries, each of an existing entry', () => {
    expect(institutions.map((e) => e.code)).toEqual(
      expect.arrayContaining(['EC', 'EP', 'EEC', 'UNSC', 'UNGA', 'KREMLIN', 'WHITE_HOUSE', 'AKORDA']),
    );
    for (const e of institutions) expect(entryOf(e.partOf ?? '')?.code).toBe(e.partOf);
  });

  it.each(
    institutions.flatMap((e) => Object.values(e.names).flatMap((names) => names.map((n) => [e.code, n] as const))),
  )('%s: «%s» is the institution first; anything else found is its parent, inside its name', (code, name) => {
    const found = findEntities(analyze(name), { text: name });
    expect(found[0]?.code).toBe(code);
    for (const m of found.slice(1)) {
      expect(m.code).toBe(entryOf(code)?.partOf);
      expect(m.start).toBeGreaterThanOrEqual(found[0]?.start ?? 0);
      expect(m.end).toBeLessThanOrEqual(found[0]?.end ?? 0);
    }
  });

  it.each([
    ['Совет Безопасности ООН', ['UNSC', 'UN']],
    ['Совет Безопасности Организации Объединённых Наций', ['UNSC', 'UN']],
    ['БҰҰ Қауіпсіздік Кеңесінің отырысы', ['UNSC', 'UN']],
    ['Біріккен Ұлттар Ұйымы Бас Ассамблеясы', ['UNGA', 'UN']],
    ['BUU Bas Assambleıasynda', ['UNGA', 'UN']],
    ['Генассамблея', ['UNGA']],
    ['Европарламент', ['EP']],
    ['Еуропа парламенті', ['EP']],
    ['Eýrokomıssııa', ['EC']],
    ['Еуразиялық экономикалық комиссия', ['EEC']],
  ])('«%s» mentions %j (the parent only where the name spells it)', (text, expected) => {
    expect(findEntities(analyze(text), { text }).map((m) => m.code)).toEqual(expected);
  });

  it.each([
    ['Еврокомиссия предложила', ['EC']],
    ['Европарламент одобрил', ['EP']],
    ['Еуропарламент депутаттары', ['EP']],
    ['Еуразиялық экономикалық комиссия шешім қабылдады', ['EEC']],
    ['Совет Безопасности ООН собрался', ['UN', 'UNSC']],
    ['БҰҰ Бас Ассамблеясының сессиясы', ['UN', 'UNGA']],
    // An institution supports an ambiguous form of its parent, like a context phrase.
    ['ЕЭК и ЕАЭС', ['EAEU', 'EEC']],
    ['ЕЭК опубликовала доклад', []],
    ['Кремль и Белый дом', []],
  ])('organizations of «%s»: %j', (text, expected) => expect(orgs(text)).toEqual(expected));

  it('places that are institutions stand for no country', () => {
    expect(mentions('Кремль ответил Белому дому')).toEqual(['KREMLIN:Кремль', 'WHITE_HOUSE:Белому дому']);
    expect(mentions('Ақорданың баспасөз қызметі')).toEqual(['AKORDA:Ақорданың']);
    expect(mentions('белый дом у реки')).toEqual([]); // capitalized names only
  });
});

describe('every form of a multi-word organization name', () => {
  it.each([
    // Kazakh Latin typed without its special letters: one «i» for ı and i, «ia» for я.
    ['Birikken Ulttar Uiymy', 'UN:Birikken Ulttar Uiymy'],
    ['Shanhai yntymaqtastyq uiymynyn', 'SCO:Shanhai yntymaqtastyq uiymynyn'],
    ['Eurazialyq ekonomikalyq odaqqa', 'EAEU:Eurazialyq ekonomikalyq odaqqa'],
    ['Ujymdyq qauipsizdik turaly shart uiymy', 'CSTO:Ujymdyq qauipsizdik turaly shart uiymy'],
    // A Latin abbreviation inside Kazakh Latin text is transliterated like the text.
    ['Toqaev EAEO aıasynda sóıledi', 'EAEU:EAEO'],
    ['Prezıdent EAEO-ǵa múshe elderge', 'EAEU:EAEO'],
    // A compound written apart.
    ['Түркі тілдес мемлекеттердің ынтымақтастық кеңесінде', 'OTS:Түркі тілдес мемлекеттердің ынтымақтастық кеңесінде'],
    ['Шанхайской организацией сотрудничества', 'SCO:Шанхайской организацией сотрудничества'],
  ])('%s', (text, expected) =>
    // The organization comes first; the city its name holds (SHANGHAI) after it.
    expect(mentions(text, true).filter((m) => !m.startsWith('TOKAYEV'))[0]).toBe(expected),
  );
});
