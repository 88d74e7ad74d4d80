// The slice of the untyped `az` package (Russian morphology on OpenCorpora dictionaries) that analyzers/ru uses.
declare module 'az' {
  namespace Az {
    /** A tag; grammemes are also readable as boolean properties (`tag.Name`, `tag.ADVB`, …). */
    interface MorphTag {
      readonly POS: string | undefined;
      toString(): string;
      readonly [grammeme: string]: unknown;
    }

    interface MorphParse {
      /** 'Dictionary', 'SuffixKnown', 'PrefixKnown', 'PrefixUnknown', 'HyphenWords', 'Abbr', 'Latin', … */
      parser: string;
      score: number;
      tag: MorphTag;
      stutterCnt: number;
      typosCnt: number;
      /** The initial form; false when az cannot inflect the parse. */
      normalize(keepPOS?: boolean): MorphParse | false;
      /** The first form of the paradigm that has all these grammemes; false when there is none. */
      inflect(grammemes: string[]): MorphParse | false;
      /** A dictionary parse: how many forms its paradigm has (inflect(i) gives the i-th, 0 ≤ i < formCnt). */
      formCnt?: number;
      inflect(formIndex: number): MorphParse | false;
      toString(): string;
    }

    interface MorphConfig {
      ignoreCase?: boolean;
      replacements?: Record<string, string>;
      stutter?: number;
      typos?: number | 'auto';
      parsers?: string[];
      forceParse?: boolean;
      normalizeScore?: boolean;
    }

    interface MorphFunction {
      (word: string, config?: MorphConfig): MorphParse[];
      init(path: string, callback: (err: unknown) => void): void;
    }

    /** How az reads its dictionary files (fs in Node, XHR in a browser); Morph.init calls it through the object. */
    type Load = (url: string, responseType: string, callback: (err: unknown, data?: unknown) => void) => void;
  }

  const Az: { Morph: Az.MorphFunction; load: Az.Load };
  export default Az;
}
