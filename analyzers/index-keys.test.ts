import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { indexKeys, salientKey } from './index-keys.js';

const keys = (text: string, lang?: 'kk' | 'ru') => analyze(text, lang ? { lang } : {}).map(indexKeys);

describe('indexKeys', () => {
  it('keeps Kazakh and Russian stems of the same word apart', () => {
    const [kk] = keys('министрлері', 'kk');
    const [ru] = keys('министров', 'ru');
    expect(kk!.stem).not.toBe(ru!.stem);
    expect(kk!.fold).not.toBe(ru!.fold);
    expect(kk!.stem.slice(1)).toBe(ru!.stem.slice(1)); // the same stem underneath
  });

  it('gives Kazakh in Latin and in Cyrillic the same keys', () => {
    expect(keys('Qazaqstannyń', 'kk')).toEqual(keys('Қазақстанның', 'kk'));
  });

  it('spells a Kazakh key as Kazakh Latin reads back: «экономикасы» meets «ekonomıkasy», «проценті» «protsenti», «бюджет» «bıýdjet»', () => {
    for (const [cyrillic, latin] of [
      ['экономикасы', 'ekonomıkasy'],
      ['экспорты', 'eksporty'],
      ['энергетика', 'energetıka'],
      ['поэзиясы', 'poezııasy'],
      ['проценті', 'protsenti'], // ц is ts
      ['премьер', 'premer'], // ь and ъ are dropped
      ['жаһандық', 'jahandyq'], // һ is h
      ['миллиард', 'mıllıard'], // ıa is иа here, я elsewhere: the key spells я as иа
      ['бюджеттен', 'bıýdjetten'], // ıý is ю here, иу elsewhere: the key spells ю as иу
      ['диалогы', 'dıalogy'],
      ['Азиясы', 'Azııasy'],
      ['украинадан', 'Ýkraınadan'], // и after a vowel is ı, as й is: the key writes й after a vowel as и
    ]) {
      const [c] = keys(`Қазақстан ${cyrillic}`, 'kk').slice(1);
      const [l] = keys(`Qazaqstan ${latin}`, 'kk').slice(1);
      expect([c?.stem, c?.fold]).toEqual([l?.stem, l?.fold]);
    }
    // Russian keeps its э: «экономика» and «економика» are not one Russian word.
    expect(keys('экономика', 'ru')[0]!.stem).toBe('ьэкономика');
  });

  it('leaves exact forms, numbers and abbreviations language-neutral', () => {
    const [abbr, num] = keys('ШОС 2024', 'ru');
    expect(abbr).toEqual({ exact: 'шос', stem: 'шос', fold: 'шос' });
    expect(num).toEqual({ exact: '2024', stem: '2024', fold: '2024' });
    expect(keys('министр', 'kk')[0]!.exact).toBe(keys('министр', 'ru')[0]!.exact);
  });

  it('gives a Russian word the dictionary knows only as a person a name skeleton, as it gives an unknown one', () => {
    const name = (text: string, lang?: 'ru') => keys(text, lang).map((k) => k?.name ?? null);
    expect(name('Меркель Джонсон', 'ru')).toEqual(['zxmrkl', 'zxjnsn']);
    expect(name('Merkel Johnson')).toEqual(['zxmrkl', 'zxjnsn']); // the Latin spelling meets it
    // Not a word that is also something else (путина, a fishing season; ангела, of an angel), nor a short skeleton.
    expect(name('Путина Ангела Борис', 'ru')).toEqual([null, null, null]);
    expect(name('поезд надежды', 'ru')).toEqual([null, null]);
  });

  it('has no keys for stopwords', () => {
    expect(keys('на то', 'ru')).toEqual([null, null]);
  });
});

describe('salientKey', () => {
  it.each([
    ['ъминистр', 'ъъъминистр'],
    ['ьминистр', 'ъъьминистр'],
    ['нато', 'ъънато'], // an abbreviation's key has no mark: still apart from the Kazakh key «ънато»
    ['zzkz', 'zszzkz'],
    ['zxbrkst', 'zszxbrkst'],
    ['euronews', 'zseuronews'],
  ])('%s → %s, a key no tier holds', (key, salient) => {
    expect(salientKey(key)).toBe(salient);
  });
});
