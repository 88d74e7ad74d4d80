/** Typing, highlights, facets, narrowing: the main path of the page. */
import { check, eventually, present } from '../assert.js';
import type { Scenario } from '../harness.js';
import { article, countNumber, facet, hits, open, settled, toggleFacet, urlParams, yearBars } from '../page-model.js';

/** Seed articles (data/articles) that hold «Қазақстанның» itself. */
const KAZAKH_SEEDS = ['000_e8a1e4d83fa26186', '002_c52ea022b2925429', '003_208ac20070cf99a8'];
const QUERY = 'Қазақстанның';

export const typingScenario: Scenario = {
  name: 'typing «Қазақстанның» letter by letter shows the Kazakh articles with highlights and facets',
  async run({ page, baseUrl, screenshot }) {
    await open(page, baseUrl, '?ui=en');
    await page.locator('#q').focus();
    // Results must follow the typing, not wait for it to end: after a few letters the page already shows matches.
    await page.keyboard.type(QUERY.slice(0, 7), { delay: 70 });
    await eventually(
      () => hits(page),
      (hs) => hs.length > 0 && hs.some((h) => h.titleHtml.includes('<mark>') || h.snippetHtml.includes('<mark>')),
      'highlighted results appear while typing (after «Қазақст»)',
    );
    await page.keyboard.type(QUERY.slice(7), { delay: 70 });
    await settled(page);
    check(urlParams(page).get('q') === QUERY, `the URL holds q=${QUERY} (got ${page.url()})`);
    const shown = await hits(page);
    for (const id of KAZAKH_SEEDS)
      check(
        shown.some((h) => h.id === id),
        `seed ${id} is among the results (got ${shown.map((h) => h.id).join(', ')})`,
      );
    const first = present(shown[0], 'the first result');
    check(
      first.titleHtml.includes('<mark>') || first.snippetHtml.includes('<mark>'),
      `the first result has a highlighted word: ${first.titleHtml} | ${first.snippetHtml.slice(0, 120)}`,
    );
    check(
      /<mark>[^<]*Қазақстан/iu.test(shown.map((h) => h.titleHtml + h.snippetHtml).join(' ')),
      'a <mark> wraps a form of «Қазақстан»',
    );
    const total = await countNumber(page);
    check(total >= shown.length && total > 0, `the count (${total}) matches the results`);
    const years = await yearBars(page);
    const orgs = await facet(page, 'org');
    check(
      years.length > 0 && years.some((y) => /^\d{4}$/.test(y.year) && y.count > 0),
      `year histogram with counts: ${JSON.stringify(years)}`,
    );
    check(orgs.length > 0 && orgs.every((o) => o.count > 0), `organization facet with counts: ${JSON.stringify(orgs)}`);
    // The page as a reader sees it once they stop typing (the suggestion list closed).
    await page.keyboard.press('Escape');
    await page.locator('#suggestions').waitFor({ state: 'hidden' });
    await screenshot('main-page');
  },
};

export const orgScenario: Scenario = {
  name: 'ticking SCO keeps only SCO articles while other organizations stay visible with counts',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?ui=en&q=${encodeURIComponent(QUERY)}`);
    const orgs = await facet(page, 'org');
    const sco = orgs.find((o) => o.value === 'SCO');
    check(sco, `SCO is in the organization facet: ${JSON.stringify(orgs)}`);
    check(orgs.length > 1, 'other organizations are listed too');
    await toggleFacet(page, 'org', 'SCO');
    const shown = await hits(page);
    check(shown.length === sco.count, `${sco.count} results after ticking SCO, got ${shown.length}`);
    for (const h of shown) {
      const a = await article(page, h.id);
      check(a.orgs.includes('SCO'), `result ${h.id} mentions SCO (orgs ${JSON.stringify(a.orgs)})`);
    }
    const after = await facet(page, 'org');
    const others = after.filter((o) => o.value !== 'SCO');
    check(others.length === orgs.length - 1, `the other organizations stay visible: ${JSON.stringify(after)}`);
    check(
      others.every((o) => o.count > 0 && !o.checked),
      'they keep their counts and stay unticked',
    );
    check(after.find((o) => o.value === 'SCO')?.checked === true, 'SCO is ticked');
    // A second organization widens the list (OR within a facet).
    const other = present(others[0], 'another organization');
    await toggleFacet(page, 'org', other.value);
    const widened = await countNumber(page);
    check(widened >= shown.length, `ticking ${other.value} as well widens the list (${shown.length} → ${widened})`);
    check(urlParams(page).getAll('org').join(',') === `SCO,${other.value}`, `the URL holds both (${page.url()})`);
  },
};

export const noResultsScenario: Scenario = {
  name: 'a query that matches nothing shows the no-results message with a hint',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, '?ui=en');
    await page.locator('#q').fill('жжщщъъхх');
    await settled(page);
    const empty = page.locator('#empty');
    await empty.waitFor({ state: 'visible' });
    const text = (await empty.textContent()) ?? '';
    check(text.includes('Nothing found for «жжщщъъхх»'), `the message names the query: ${text}`);
    check(text.includes('Check the spelling'), `the message has a hint: ${text}`);
    check((await hits(page)).length === 0, 'no results are listed');
    check((await countNumber(page)) === 0, 'the count says 0');
    check(!(await page.locator('#filters').isVisible()), 'no filters panel over nothing to filter');
    await page.locator('#q').fill('Қазақстан');
    await settled(page);
    check(await page.locator('#filters').isVisible(), 'the filters come back with results');
  },
};

export const layoutFixScenario: Scenario = {
  name: 'a query typed in the wrong keyboard layout shows results for the corrected query',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, '?ui=en');
    await page.locator('#q').fill('rfpf[cnfy');
    await settled(page);
    const notice = page.locator('.notice-correction');
    await notice.waitFor({ state: 'visible' });
    const text = (await notice.textContent()) ?? '';
    check(
      text.includes('Showing results for «казахстан»') && text.includes('Search instead for «rfpf[cnfy»'),
      `the notice names both queries: ${text}`,
    );
    check((await hits(page)).length > 0, 'results are shown');
    await notice.locator('[data-action="search-as-typed"]').click();
    await settled(page);
    check(
      new URL(page.url()).searchParams.get('correct') === '0',
      `the URL asks for the query as typed: ${page.url()}`,
    );
    check((await countNumber(page)) === 0, 'as typed, nothing is found');
    check(!(await page.locator('.notice-correction').isVisible()), 'no correction notice any more');
  },
};

export const pagingScenario: Scenario = {
  name: 'more results than fit on a page are paged; the page is in the URL and Back returns to page 1',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?q=${encodeURIComponent('пшеница')}&ui=en`);
    const total = await countNumber(page);
    check(total > 20, `the wheat fixtures give more than one page (${total})`);
    const first = await hits(page);
    check(first.length === 20, `20 results on page 1 (got ${first.length})`);
    check(await page.locator('#pager').isVisible(), 'the pager is shown');
    await page.locator('#pager a[rel="next"]').click();
    await settled(page);
    check(urlParams(page).get('page') === '2', 'the URL holds page=2');
    const second = await hits(page);
    check(second.length === total - 20, `the rest (${total - 20}) on page 2, got ${second.length}`);
    check(!second.some((h) => first.some((f) => f.id === h.id)), 'page 2 repeats nothing from page 1');
    check((await page.locator('#hits').getAttribute('start')) === '21', 'the list numbering continues at 21');
    check(
      (await page.locator('#pager [aria-current="page"]').textContent()) === '2',
      'the pager marks page 2 as current',
    );
    await page.goBack();
    await settled(page);
    check(!urlParams(page).has('page') && (await hits(page)).length === 20, 'Back returns to page 1');
    // A new filter goes back to page 1.
    await page.locator('#pager a[rel="next"]').click();
    await settled(page);
    const sources = await facet(page, 'source');
    await toggleFacet(page, 'source', present(sources[0], 'a source filter').value);
    check(!urlParams(page).has('page'), 'ticking a filter goes back to page 1');
  },
};
