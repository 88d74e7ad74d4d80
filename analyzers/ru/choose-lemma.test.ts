import { describe, expect, it } from 'vitest';
import { chooseLemma } from './choose-lemma.js';
import type { RuReading } from './morph.js';

/** A reading from a tag string like az prints it ("NOUN,inan,masc sing,loct"). */
function reading(
  lemma: string,
  tag: string,
  corpusP: number | null = null,
  source = 'Dictionary',
  samePosLemma = lemma,
): RuReading {
  const grammemes = new Set(tag.split(/[ ,]/u).filter(Boolean));
  return { lemma, samePosLemma, pos: tag.split(/[ ,]/u)[0] ?? '', grammemes, corpusP, score: corpusP ?? 1, source };
}

// Synthetic readings shaped like az's output for these words, so the rules are checked without the dictionary.
const cases: ReadonlyArray<[string, string, RuReading[], string | null]> = [
  [
    'no dictionary reading → null (caller falls back)',
    'шымкента',
    [reading('шымкент', 'NOUN,inan,masc sing,gent', null, 'SuffixKnown')],
    null,
  ],
  [
    'corpus figures decide',
    'пара',
    [reading('пар', 'NOUN,inan,masc sing,gent', 0.78), reading('пара', 'NOUN,inan,femn sing,nomn', 0.22)],
    'пар',
  ],
  [
    'a lemma counts its best reading when the corpus has figures',
    'главой',
    [
      reading('глава', 'NOUN,anim,femn sing,ablt', 2 / 7),
      reading('главый', 'ADJF femn,sing,gent', 1 / 7),
      reading('главый', 'ADJF femn,sing,datv', 1 / 7),
      reading('главый', 'ADJF femn,sing,ablt', 1 / 7),
    ],
    'глава',
  ],
  [
    'an adverb yields to the noun it comes from',
    'зимой',
    [reading('зимой', 'ADVB', 0.81), reading('зима', 'NOUN,inan,femn sing,ablt', 0.19)],
    'зима',
  ],
  [
    '…unless the corpus strongly prefers the adverb',
    'потом',
    [reading('потом', 'ADVB', 0.99), reading('пот', 'NOUN,inan,masc sing,ablt', 0.01)],
    'потом',
  ],
  [
    'without figures an adverb yields to its adjective…',
    'отлично',
    [reading('отлично', 'ADVB'), reading('отличный', 'ADJS,Qual neut,sing', null, 'Dictionary', 'отличный')],
    'отличный',
  ],
  [
    '…but not to an unrelated noun',
    'более',
    [
      reading('более', 'ADVB'),
      reading('бола', 'NOUN,inan,femn sing,loct'),
      reading('бола', 'NOUN,inan,femn sing,datv'),
    ],
    'более',
  ],
  [
    'a short adjective yields to a verb form',
    'стоял',
    [
      reading('стоялый', 'ADJS masc,sing', null, 'Dictionary', 'стоял'),
      reading('стоять', 'VERB,impf,intr masc,sing,past,indc', null, 'Dictionary', 'стою'),
    ],
    'стоять',
  ],
  [
    'a citation form wins over a rare lexeme without figures',
    'море',
    [reading('мор', 'NOUN,inan,masc sing,loct'), reading('море', 'NOUN,inan,neut sing,nomn')],
    'море',
  ],
  [
    "a surname's citation form is no evidence",
    'губернаторов',
    [
      reading('губернаторов', 'NOUN,anim,masc,Sgtm,Surn sing,nomn'),
      reading('губернатор', 'NOUN,anim,masc plur,gent'),
      reading('губернатор', 'NOUN,anim,masc plur,accs'),
    ],
    'губернатор',
  ],
  [
    'an indeclinable lexeme counts once, not once per case',
    'акиме',
    [
      reading('аким', 'NOUN,anim,masc,Name sing,loct'),
      ...['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'].map((c) =>
        reading('акиме', `NOUN,anim,femn,Fixd,Name sing,${c}`),
      ),
      reading('акима', 'NOUN,anim,femn,Name sing,datv'),
      reading('акима', 'NOUN,anim,femn,Name sing,loct'),
    ],
    'акима', // two readings against one each: the lexicon (news-lexemes.tsv) is what keys «акиме» as «аким»
  ],
  [
    'a first name yields to a place',
    'астану',
    [reading('астан', 'NOUN,anim,masc,Name sing,datv'), reading('астана', 'NOUN,inan,femn,Sgtm,Geox sing,accs')],
    'астана',
  ],
  [
    'a surname-shaped word is not a first name in the plural',
    'ахметов',
    [
      reading('ахмет', 'NOUN,anim,masc,Name plur,gent'),
      reading('ахмет', 'NOUN,anim,masc,Name plur,accs'),
      reading('ахметов', 'NOUN,anim,masc,Sgtm,Surn sing,nomn'),
    ],
    'ахметов',
  ],
  ['…and with only such readings it is unknown', 'айтеков', [reading('айтек', 'NOUN,anim,masc,Name plur,gent')], null],
  [
    'a plurale tantum yields to a noun with a singular that reads the same form',
    'выборы',
    [
      reading('выбор', 'NOUN,inan,masc plur,nomn'),
      reading('выбор', 'NOUN,inan,masc plur,accs'),
      reading('выборы', 'NOUN,inan,GNdr,Pltm plur,nomn'),
      reading('выборы', 'NOUN,inan,GNdr,Pltm plur,accs'),
    ],
    'выбор',
  ],
  [
    'a noun made from an adjective is keyed like the adjective',
    'новые',
    [
      reading('новое', 'NOUN,inan,neut plur,nomn', 0.4),
      reading('новый', 'ADJF,Qual plur,nomn', 0.2),
      reading('новый', 'ADJF,Qual inan,plur,accs', 0.2),
      reading('новое', 'NOUN,inan,neut plur,accs', 0.2),
    ],
    'новый',
  ],
];

describe('chooseLemma', () => {
  it.each(cases)('%s (%s)', (_rule, word, readings, lemma) => {
    expect(chooseLemma(word, readings)).toBe(lemma);
  });
});
