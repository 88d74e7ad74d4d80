/** No dead ends: a query that finds nothing offers the nearest answers, one click each, with their counts. */
import { check, checkEqual } from '../assert.js';
import type { Scenario } from '../harness.js';
import { countNumber, hits, open, search, settled, urlParams } from '../page-model.js';

interface OfferView {
  kind: string;
  query: string;
  count: string;
}

const offers = (page: import('playwright-core').Page): Promise<OfferView[]> =>
  page.$$eval('#empty .alternatives-group li', (items) =>
    items.map((li) => ({
      kind: li.closest<HTMLElement>('.alternatives-group')?.dataset.kind ?? '',
      query: li.querySelector('.alternative-query')?.textContent ?? '',
      count: li.querySelector('.alternative-count')?.textContent ?? '',
    })),
  );

export const offersScenario: Scenario = {
  name: 'nothing found offers the same words in the other language and each word alone, labelled, one click each',
  locale: 'kk-KZ',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, '?ui=kk');
    await search(page, 'ШОС саммиті', 20);
    check((await countNumber(page)) === 0, '«ШОС саммиті» finds nothing: the Kazakh form finds Kazakh articles first');
    checkEqual(
      await offers(page),
      [
        { kind: 'other-language', query: '«ШОС саммит»', count: '1 мақала — Орысша' },
        { kind: 'partial', query: '«ШОС»', count: '5 мақала — Қазақша (кирил) 2, Орысша 2, Қазақша (латын) 1' },
        { kind: 'partial', query: '«саммиті»', count: '1 мақала — Қазақша (кирил)' },
      ],
      'the offers, with their counts and languages',
    );
    const labels = await page.$$eval('#empty .alternatives-kind', (ps) => ps.map((p) => p.textContent));
    checkEqual(
      labels,
      ['Сол сөздер басқа тілде', 'Ішінара сәйкестік — сөздердің бір бөлігі ғана'],
      'partial matches are labelled as such',
    );
    await page.locator('#empty a.alternative', { hasText: 'ШОС саммит' }).click();
    await settled(page);
    check(urlParams(page).get('q') === 'ШОС саммит', 'one click searches the offer');
    checkEqual(
      (await hits(page)).map((h) => h.id),
      ['004_44d1df548d4bf7b7'],
      'and finds the Russian article about the SCO summit',
    );
    check((await page.locator('#q').inputValue()) === 'ШОС саммит', 'the box shows what is searched');

    await open(page, baseUrl, `?ui=en&q=${encodeURIComponent('SCO summit')}`);
    checkEqual(
      await offers(page),
      [{ kind: 'partial', query: '«SCO»', count: '5 articles — Kazakh (Cyrillic) 2, Russian 2, Kazakh (Latin) 1' }],
      '«SCO summit» in English offers «SCO» alone, as a partial match',
    );
    await page.locator('#empty a.alternative').click();
    await settled(page);
    check((await countNumber(page)) === 5, 'which finds its five articles');

    // Filters that leave nothing: the same query without them.
    await open(page, baseUrl, `?ui=en&q=${encodeURIComponent('архив')}&year_from=2020`);
    checkEqual(
      await offers(page),
      [{ kind: 'unfiltered', query: '«архив»', count: '1 article — Russian' }],
      'with filters on, the same query without them',
    );
    await page.locator('#empty a.alternative').click();
    await settled(page);
    check(!urlParams(page).has('year_from') && (await countNumber(page)) === 1, 'one click drops the filters');
  },
};
