/**
 * Synthetic news records for scale benchmarks, made of the shared corpus's real sentences: KazNERD (Kazakh,
 * Cyrillic), Kazinform (Kazakh, 2018 Latin alphabet), BSNLP and WMT (Russian). Each record is a contract record
 * (`id`, `lang`, `title`, `date`, `source`, `url`, `text`) with a plausible title, a date in 2005–2026 and a source of
 * its language, written as JSONL into a folder the caller chooses (a temporary one: never committed).
 * Deterministic for a given seed, so two runs index the same records.
 */

import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iob2Sentences, jsonlTexts } from './news-text.js';

export type ScaleLang = 'kk' | 'kk-Latn' | 'ru';

export interface SentencePools {
  kk: string[];
  'kk-Latn': string[];
  ru: string[];
}

/** Share of each language among the generated records (a Kazakh news archive with Russian and Latin sections). */
const LANG_SHARES: readonly [ScaleLang, number][] = [
  ['kk', 0.4],
  ['kk-Latn', 0.1],
  ['ru', 0.5],
];

const SOURCES: Record<ScaleLang, readonly string[]> = {
  kk: ['egemen.kz', 'aikyn.kz', 'abai.kz', 'ult.kz', 'kazinform.kz', 'baq.kz', 'turkystan.kz', 'zhasalash.kz'],
  'kk-Latn': ['qz.inform.kz', 'latyn.egemen.kz', 'qazaquni.kz'],
  ru: ['tengrinews.kz', 'zakon.kz', 'kapital.kz', 'inform.kz', 'vlast.kz', 'interfax.kz', 'lenta.ru', 'kursiv.media'],
};

/** KazNERD writes tokens apart («Атырау » ықшамауданындағы ,»): glue punctuation back to its word. */
export function detokenize(sentence: string): string {
  return sentence
    .replace(/\s+([,.;:!?)»%])/gu, '$1')
    .replace(/([(«])\s+/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Sentences of an article text: split after . ! ? … followed by a space and a capital or a quote. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/u)
    .flatMap((para) => para.split(/(?<=[.!?…])\s+(?=[\p{Lu}«"“(\d])/u))
    .map((s) => s.trim())
    .filter((s) => s.length >= 25 && s.length <= 400);
}

/** The corpus's sentence pools; a clear error names what is missing. */
export function loadSentencePools(corpusDir: string): SentencePools {
  const need = (path: string) => {
    if (!existsSync(path))
      throw new Error(`${path} is missing: CORPUS_DIR must be the shared corpus (../shared/corpus)`);
    return path;
  };
  const kk = ['IOB2_test2.txt', 'IOB2_valid2.txt']
    .flatMap((f) => iob2Sentences(need(join(corpusDir, 'kaznerd', f))))
    .map(detokenize)
    .filter((s) => s.length >= 25);
  const latn = jsonlTexts(need(join(corpusDir, 'kazinform-qz-latn', 'articles.jsonl'))).flatMap(sentencesOf);
  const ru = ['bsnlp2021-ru', 'wmt-ru-news'].flatMap((set) =>
    jsonlTexts(need(join(corpusDir, set, 'articles.jsonl'))).flatMap(sentencesOf),
  );
  return { kk, 'kk-Latn': latn, ru };
}

/** mulberry32: a small seeded PRNG, so a benchmark's records are the same from run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScaleRecord {
  id: string;
  lang: ScaleLang;
  title: string;
  date: string | null;
  source: string;
  url: string;
  text: string;
}

export interface GenerateOptions {
  records: number;
  /** The first record's number (a second file for "index while searching" continues the numbering). */
  firstId?: number;
  seed?: number;
}

/** The record generator: every record from its own number, so any slice of ids can be made again. */
export function recordFactory(pools: SentencePools, seed = 14): (n: number) => ScaleRecord {
  return (n) => {
    const rnd = seededRandom(seed * 1_000_003 + n);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    let r = rnd();
    let lang: ScaleLang = 'ru';
    for (const [l, share] of LANG_SHARES) {
      if (r < share) {
        lang = l;
        break;
      }
      r -= share;
    }
    const pool = pools[lang];
    const paragraphs: string[] = [];
    const paragraphCount = 3 + Math.floor(rnd() * 7);
    for (let p = 0; p < paragraphCount; p++) {
      const sentences: string[] = [];
      const count = 1 + Math.floor(rnd() * 4);
      for (let s = 0; s < count; s++) sentences.push(pick(pool));
      paragraphs.push(sentences.join(' '));
    }
    const titleWords = pick(pool)
      .replace(/[.!?…]+$/u, '')
      .split(/\s+/u);
    const title = titleWords.slice(0, 5 + Math.floor(rnd() * 7)).join(' ');
    const year = 2005 + Math.floor(rnd() * 22);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const date = rnd() < 0.03 ? null : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const source = pick(SOURCES[lang]);
    const id = `scale-${String(n).padStart(7, '0')}`;
    return { id, lang, title, date, source, url: `https://${source}/news/${id}`, text: paragraphs.join('\n\n') };
  };
}

/** Writes `records` records as JSONL to `path`, streaming (constant memory); returns the bytes written. */
export async function writeScaleRecords(path: string, pools: SentencePools, options: GenerateOptions): Promise<number> {
  return (await writeRecords(path, pools, options)).bytes;
}

/**
 * Writes records as JSONL to `path`, streaming: `records` of them, or as many as fill `maxBytes` when given (a file of
 * a given size: the 1 GB run). Returns how many were written and their bytes.
 */
export async function writeRecords(
  path: string,
  pools: SentencePools,
  options: GenerateOptions & { maxBytes?: number },
): Promise<{ records: number; bytes: number }> {
  const make = recordFactory(pools, options.seed);
  const out = createWriteStream(path);
  let bytes = 0;
  const first = options.firstId ?? 1;
  let n = first;
  for (; n < first + options.records; n++) {
    const line = `${JSON.stringify(make(n))}\n`;
    if (options.maxBytes !== undefined && bytes + Buffer.byteLength(line) > options.maxBytes) break;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { records: n - first, bytes };
}

/** The corpus folder must exist and look like the shared corpus. */
export function checkCorpusDir(dir: string): void {
  if (!existsSync(join(dir, 'SOURCES.md'))) {
    throw new Error(`${dir}: not the shared corpus (no SOURCES.md); pass ../shared/corpus`);
  }
  readFileSync(join(dir, 'SOURCES.md'), 'utf8');
}
