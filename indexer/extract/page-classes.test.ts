import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromText } from './article.js';
import { decodeFile } from './decode.js';

/** Hand-written pages of the classes the seeds showed (fixtures/pages/expected.json says which). */
interface Expected {
  title: string;
  date: string | null;
  absent: string[];
  bodyStarts?: string;
}
const dir = new URL('fixtures/pages/', import.meta.url);
const { pages } = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  pages: Record<string, Expected>;
};
const page = (id: string) => extractFromText(decodeFile(readFileSync(new URL(`${id}.txt`, dir)), `${id}.txt`), { id });

describe('pages of the seed classes', () => {
  it.each(Object.entries(pages))('%s: headline and date', (id, e) => {
    const a = page(id);
    expect({ title: a.title, date: a.date }).toEqual({ title: e.title, date: e.date });
  });
  it.each(Object.entries(pages).flatMap(([id, e]) => e.absent.map((w) => [id, w] as const)))(
    '%s: body has no «%s»',
    (id, w) => {
      expect(page(id).body).not.toContain(w);
    },
  );
  it.each(Object.entries(pages).filter(([, e]) => e.bodyStarts))('%s: the body starts as expected', (id, e) => {
    expect(page(id).body.startsWith(e.bodyStarts ?? '')).toBe(true);
  });
});
