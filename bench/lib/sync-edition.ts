/**
 * The next edition of a JSONL archive, for the sync benchmark: one record in `every` removed, one changed, as many
 * new ones added — a day of a newsroom's corrections, takedowns and new articles.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { recordFactory, type SentencePools } from './scale-corpus.js';

export interface Edition {
  added: number;
  updated: number;
  deleted: number;
}

export async function writeNextEdition(
  path: string,
  pools: SentencePools,
  options: { every: number; firstNewId: number },
): Promise<Edition> {
  const make = recordFactory(pools, 41);
  const next = `${path}.next`;
  const out = createWriteStream(next);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  const edition: Edition = { added: 0, updated: 0, deleted: 0 };
  let i = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() === '') continue;
    const at = i++ % options.every;
    if (at === 0) {
      edition.deleted++;
      continue;
    }
    if (at === Math.floor(options.every / 2)) {
      const record = JSON.parse(line) as { text: string };
      record.text = `${record.text}\n\n${make(options.firstNewId + i).text.split('\n\n')[0]}`;
      await write(JSON.stringify(record));
      edition.updated++;
      continue;
    }
    await write(line);
  }
  for (let k = 0; k < edition.deleted; k++) {
    await write(JSON.stringify(make(options.firstNewId + k)));
    edition.added++;
  }
  out.end();
  await once(out, 'finish');
  renameSync(next, path);
  return edition;
}
