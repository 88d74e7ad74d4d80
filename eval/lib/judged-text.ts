import { readFileSync } from 'node:fs';
import { contentId } from '../../indexer/content-id.js';
import { collectInputFiles } from '../../indexer/files.js';
import { withoutFurniture } from './judgments.js';

/** The text a query's rule is judged on, for one article. */
export interface JudgedArticle {
  id: string;
  title: string;
  /** Title and text as the rules see them (NFC): the title, a line break, then the body. */
  text: string;
  /** Length of the title at the start of `text` (the body starts after it and one line break). */
  titleLength: number;
  /** `record`: a .json/.jsonl record, judged on its own title+text; `page`: a .txt/.html page, judged on izde's clean extraction. */
  origin: 'record' | 'page';
  lang: string | null;
  source: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function fromRecord(value: unknown, furniture: readonly RegExp[]): JudgedArticle | null {
  if (!value || typeof value !== 'object') return null;
  const r = value as Record<string, unknown>;
  const raw = str(r.text);
  if (raw === null) return null;
  const text = withoutFurniture(raw.normalize('NFC'), furniture);
  const title = str(r.title)?.trim() ?? '';
  const judgedTitle = withoutFurniture(title.normalize('NFC'), furniture); // some scraped titles are cookie banners
  const id = str(r.id) ?? contentId(raw);
  return {
    id,
    title,
    text: `${judgedTitle}\n${text}`,
    titleLength: judgedTitle.length,
    origin: 'record',
    lang: str(r.lang),
    source: str(r.source),
  };
}

/**
 * Every article of the given inputs with the text its relevance is judged on. Records are judged on their own title
 * and text minus the sentences `furniture` matches (subscription calls and the like); pages (.txt/.html) on the clean
 * article izde's extractor makes of them — raw pages hold furniture, and the seeds are judged by hand on top.
 */
export async function loadJudgedArticles(
  paths: readonly string[],
  options: { furniture?: readonly RegExp[] } = {},
): Promise<JudgedArticle[]> {
  const furniture = options.furniture ?? [];
  const { files } = collectInputFiles(paths);
  const out: JudgedArticle[] = [];
  for (const file of files) {
    if (file.kind === 'jsonl' || file.kind === 'json') {
      const raw = readFileSync(file.path, 'utf8');
      const values: unknown[] =
        file.kind === 'jsonl'
          ? raw
              .split('\n')
              .filter((l) => l.trim())
              .flatMap((l) => {
                try {
                  return [JSON.parse(l) as unknown];
                } catch {
                  return [];
                }
              })
          : ((v: unknown) => (Array.isArray(v) ? v : [v]))(JSON.parse(raw) as unknown);
      for (const v of values) {
        const a = fromRecord(v, furniture);
        if (a) out.push(a);
      }
      continue;
    }
    // Loaded only for pages: the extractor pulls in the whole analysis pipeline, records need none of it.
    const { readInputFile } = await import('../../indexer/read.js');
    const { extractItem } = await import('../../indexer/extract-item.js');
    for await (const item of readInputFile(file)) {
      if (item.kind === 'problem') continue;
      const { id, title, body, lang, source } = extractItem(item);
      const judgedTitle = title.normalize('NFC');
      out.push({
        id,
        title,
        text: `${judgedTitle}\n${body.normalize('NFC')}`,
        titleLength: judgedTitle.length,
        origin: 'page',
        lang,
        source,
      });
    }
  }
  return out;
}
