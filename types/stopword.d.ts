// The slice of the untyped `stopword` package that analyzers/stopwords.ts uses: per-language word lists.
declare module 'stopword' {
  export const rus: readonly string[];
  export const eng: readonly string[];
  export function removeStopwords(tokens: string[], stopwords?: readonly string[]): string[];
}
