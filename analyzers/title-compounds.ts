/**
 * Titles formed with a hyphenated modifier name another office: a vice-president is not the president, a prime
 * minister not a minister, an ex-president no longer the president (relevance policy P2a). The tokenizer splits
 * «вице-президент» at the hyphen; here the word after such a modifier keys as the compound («вицепрезидент»), in
 * every tier, while the modifier keeps its own keys (a search for «премьер» still finds «премьер-министр»). Documents
 * and queries go through it alike, in Cyrillic and in Kazakh Latin («vıtse-mınıstr», «premer-mınıstri»).
 */
import { indexKeys, kazakhKey } from './index-keys.js';
import { lightStemRu } from './ru/light-stem.js';
import { joinedByHyphen } from './tokenize.js';
import type { IndexedToken } from './types.js';

/**
 * A modifier's normalized spellings → the one its compounds key with: as written in Cyrillic, and as Kazakh Latin
 * reads back (kazakhKey: «premer» for премьер, «eks» for экс).
 */
const MODIFIERS: ReadonlyMap<string, string> = new Map(
  ['вице', 'премьер', 'экс'].flatMap((m): [string, string][] => [
    [m, m],
    [kazakhKey(m), m],
  ]),
);

/** The modifier a normalized word is (its one spelling: премьер for «премер»), or null: «вице», not «министр». */
export const titleModifier = (norm: string): string | null => MODIFIERS.get(norm) ?? null;

/** The modifier a word joins by a hyphen, or null: the word before it is one, with a lone hyphen between. */
function modifierOf(text: string, before: IndexedToken | undefined, word: IndexedToken): string | null {
  if (!before || word.kind !== 'word' || word.term === null || word.fold === null) return null;
  // The map first: every token of every text passes here, and few follow a modifier.
  const modifier = MODIFIERS.get(before.norm);
  return modifier !== undefined && joinedByHyphen(text.slice(before.end, word.start)) ? modifier : null;
}

/** A word keyed as the compound of a modifier and itself (a query word read again in another language, too). */
export function joinedWord(word: IndexedToken, modifier: string): IndexedToken {
  if (word.term === null || word.fold === null) return word;
  // A Russian head keys by its light stem, not its lemma: «вице-премьера» is a vice-premier's, though the dictionary
  // reads «премьера» alone as a premiere.
  const head = word.lang === 'ru' ? lightStemRu(word.norm) : null;
  const joined = {
    ...word,
    norm: `${modifier}${word.norm}`,
    term: `${modifier}${head ?? word.term}`,
    fold: `${modifier}${head ?? word.fold}`,
    modifier,
  };
  const keys = indexKeys(joined);
  if (keys?.name === undefined) return { ...joined, keys };
  // No name skeleton: «экспрезидент» is no foreign name, though no dictionary knows it.
  const { name: _name, ...words } = keys;
  return { ...joined, keys: words };
}

/** The tokens with every word after a title modifier keyed as its compound (a new array when one is). */
export function joinTitleCompounds(text: string, tokens: IndexedToken[]): IndexedToken[] {
  let out: IndexedToken[] | null = null;
  for (let k = 1; k < tokens.length; k++) {
    const word = tokens[k] as IndexedToken;
    const modifier = word.modifier === undefined ? modifierOf(text, tokens[k - 1], word) : null;
    if (modifier === null) continue;
    out ??= [...tokens];
    out[k] = joinedWord(word, modifier);
  }
  return out ?? tokens;
}
