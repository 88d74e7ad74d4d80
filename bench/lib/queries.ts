import { closeSync, openSync, readSync } from 'node:fs';
/**
 * Queries the search benchmarks send: words a reader of Kazakh and Russian news types — Kazakh in Cyrillic and in
 * Latin, Russian, inflected forms, abbreviations, names, Kazakh typed with Russian letters — and a few of two words.
 */
export const BENCH_QUERIES = [
  'Қазақстан',
  'Казахстан',
  'Qazaqstan',
  'министр',
  'министрлері',
  'ШОС',
  'ШЫҰ',
  'саммит',
  'Трамп',
  'Брюсселе',
  'выборы',
  'Президенті',
  'Ресей',
  'Өзбекстан',
  'санкции',
  'экономика',
  'сотрудничества',
  'ынтымақтастық',
  'Brexit',
  'COVID',
  'Токаев',
  'Тоқаев',
  'казакстан',
  'Qytaı',
  'нефть',
  'газопровод',
  'Евросоюз',
  'vaccine',
  'Астана',
  'сайлау',
  'вакцина от коронавируса',
  'Верховный суд',
  'мемлекеттік сатып алу',
  'халықаралық қатынастар',
] as const;

/**
 * The long tail of a reader's searches: `count` distinct words of the records (of four letters or more, lowercased as
 * typed), each to be asked once, so that no answer and no highlighted article repeats — what BENCH_QUERIES, asked
 * over and over, cannot show. The words are spread evenly over the frequency ranks below the `skipTop` most frequent
 * (stopwords and the hot queries), from the first `sampleBytes` of the file; the order is fixed (deterministic).
 */
export function longTailQueries(recordsPath: string, count: number, sampleBytes = 16 << 20, skipTop = 500): string[] {
  const fd = openSync(recordsPath, 'r');
  const buffer = Buffer.alloc(sampleBytes);
  const read = readSync(fd, buffer, 0, sampleBytes, 0);
  closeSync(fd);
  const text = buffer.subarray(0, read).toString('utf8');
  const counts = new Map<string, number>();
  for (const line of text.split('\n').slice(0, -1)) {
    const record = JSON.parse(line) as { title?: string; text?: string };
    for (const word of `${record.title ?? ''} ${record.text ?? ''}`.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const ranked = [...counts].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const tail = ranked.slice(skipTop);
  const step = Math.max(1, tail.length / count);
  const out: string[] = [];
  for (let i = 0; out.length < count && Math.floor(i) < tail.length; i += step)
    out.push(tail[Math.floor(i)]?.[0] ?? '');
  return out;
}
