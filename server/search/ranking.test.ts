import { describe, expect, it } from 'vitest';
import { articlesServer } from '../articles-testing.js';

/**
 * The order of the first screen (issue 10 item 3), on the real engine: the title, then the lead, then several
 * mentions, then one; recency only between articles that rank the same.
 */
const LEAD = 'Бүгін астанада жиын өтті. Жиынға көптеген адам келді.';
const OTHER = 'Келесі жиын жазда болады.';
const article = (id: string, date: string, title: string, body: string) => ({
  id,
  lang: 'kk',
  date,
  title,
  text: body,
});
const ARTICLES = [
  article('title', '2023-01-01', 'Мұнай бағасы өсті', `${LEAD}\n\n${OTHER}`),
  article('lead', '2023-02-01', 'Жиын өтті', `Бүгін мұнай туралы жиын өтті. Жиынға көптеген адам келді.\n\n${OTHER}`),
  article(
    'several',
    '2023-03-01',
    'Жиын қорытындысы',
    `${LEAD}\n\nБиыл өндірілген мұнай көлемі артты. Ал мұнайдың экспорты азайды. Мұнайшылар жаңа кен ашты.\n\n${OTHER}`,
  ),
  article('once', '2024-06-01', 'Жиын жалғасты', `${LEAD}\n\nМұнай туралы да сөз болды.\n\n${OTHER}`),
  article('once-older', '2022-06-01', 'Жиын жалғасты', `${LEAD}\n\nМұнай туралы да сөз болды.\n\n${OTHER}`),
];

const engine = articlesServer(ARTICLES);
const order = async (q: string, extra: Record<string, string> = {}) =>
  (await engine.search({ q, limit: 10, ...extra })).hits.map((h) => h.id);

describe('ranking', () => {
  it.each(['мұнай ', 'мұнайдың ', 'munaı '])(
    '«%s»: title > lead > several mentions > one; recency breaks the last tie',
    async (q) => {
      expect(await order(q)).toEqual(['title', 'lead', 'several', 'once', 'once-older']);
    },
  );

  it('sorting by date is asked for, not implied', async () => {
    expect(await order('мұнай ', { sort: 'date_desc' })).toEqual(['once', 'several', 'lead', 'title', 'once-older']);
  });
});
