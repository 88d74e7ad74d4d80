/** Facet value search and "show more", the current-refinement chips, the stats line, result cards that filter. */
import { check, checkEqual } from '../assert.js';
import type { Scenario } from '../harness.js';
import { article, chips, countNumber, facet, hits, open, settled, urlParams } from '../page-model.js';

export const facetSearchScenario: Scenario = {
  name: 'long facets show ten values, "show more", and a value search that knows names in every language (ШОС → SCO)',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, '?ui=en');
    const orgs = await facet(page, 'org');
    check(orgs.length === 10, `ten organizations at first (${orgs.length})`);
    const more = page.locator('[data-more="org"]');
    const moreText = (await more.textContent()) ?? '';
    check(/Show more \(\d+\)/.test(moreText), `a "show more" button says how many more: ${moreText}`);
    await more.click();
    const all = await facet(page, 'org');
    check(all.length > 10, `"show more" lists them all (${all.length})`);
    check((await more.getAttribute('aria-expanded')) === 'true', 'the button says it is expanded');

    const search = page.locator('[data-facet-search="org"]');
    await search.fill('ШОС');
    checkEqual(
      (await facet(page, 'org')).map((o) => o.label),
      ['SCO'],
      'typing the Russian «ШОС» in the English interface finds SCO',
    );
    await search.fill('shanghai');
    checkEqual(
      (await facet(page, 'org')).map((o) => o.value),
      ['SCO'],
      'so does its English name',
    );
    await search.fill('шыу');
    checkEqual(
      (await facet(page, 'org')).map((o) => o.value),
      ['SCO'],
      'and the Kazakh one typed without Kazakh letters',
    );
    await search.fill('zzzz');
    check(
      (await page.locator('fieldset[data-facet="org"] .facet-none').textContent()) === 'No match',
      'a search that matches nothing says so',
    );
    await page.locator('[data-facet-search="source"]').fill('agro');
    checkEqual(
      (await facet(page, 'source')).map((s) => s.value).sort(),
      ['agro1.test', 'agro2.test', 'agro3.test', 'agro4.test'],
      'sources are searched inside their names',
    );
    await search.fill('ШОС');
    // The search box keeps focus and its text across the answer to a tick.
    await page.locator('fieldset[data-facet="org"] input[data-value="SCO"]').click();
    await settled(page);
    checkEqual(urlParams(page).getAll('org'), ['SCO'], 'ticking the found value filters by it');
    check((await search.inputValue()) === 'ШОС', 'the search text stays');
    const found = await hits(page);
    for (const h of found) check((await article(page, h.id)).orgs.includes('SCO'), `${h.id} mentions SCO`);
  },
};

export const chipsScenario: Scenario = {
  name: 'current refinements are chips above the results; each removes its filter, "Clear all" removes them all',
  locale: 'ru-RU',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?ui=ru&q=${encodeURIComponent('ШЫҰ')}&org=SCO&lang=kk&year_from=2019&year_to=2024`);
    checkEqual(
      await chips(page),
      ['Год: 2019–2024', 'Организация: ШОС', 'Язык статьи: Казахский (кириллица)'],
      'one chip per refinement, with names in the interface language',
    );
    check(
      (await page.locator('#refinements .refinement').first().getAttribute('aria-label')) ===
        'Убрать фильтр: Год 2019–2024',
      'each chip says what it removes',
    );
    const count = (await page.locator('#count').textContent()) ?? '';
    const took = (await page.locator('#took').textContent()) ?? '';
    check(/^\d+ результат/.test(count) && /^· \d+ мс$/.test(took), `"N results · X ms": ${count} ${took}`);

    await page.locator('#refinements .refinement', { hasText: 'ШОС' }).click();
    await settled(page);
    check(!urlParams(page).has('org'), 'the organization chip removed its filter');
    checkEqual(await chips(page), ['Год: 2019–2024', 'Язык статьи: Казахский (кириллица)'], 'its chip is gone');
    await page.locator('#refinements [data-action="clear-filters"]').click();
    await settled(page);
    const params = urlParams(page);
    check(
      !['org', 'lang', 'year', 'year_from', 'year_to', 'source'].some((p) => params.has(p)),
      `"Сбросить всё" clears every filter: ${page.url()}`,
    );
    check(await page.locator('#refinements').isHidden(), 'no chips are left');
  },
};

export const cardsScenario: Scenario = {
  name: 'result cards: organizations and the source filter, dates in the reader’s locale, snippets start at a sentence',
  locale: 'en-US',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?ui=en&q=${encodeURIComponent('ШЫҰ')}`);
    const times = await page.$$eval('#hits time', (ts) => ts.map((t) => [t.getAttribute('datetime'), t.textContent]));
    for (const [iso, text] of times) {
      const expected = new Intl.DateTimeFormat('en-US', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${iso}T00:00:00Z`));
      check(text === expected, `${iso} is written as an American reader writes it: ${text} (expected ${expected})`);
    }
    const snippets = await page.$$eval('#hits .hit-snippet', (ps) => ps.map((p) => p.textContent ?? ''));
    for (const s of snippets)
      check(
        !s.startsWith('…') || /^… [\p{Lu}\p{N}«"“(]/u.test(s),
        `a snippet starts at the text's start or at a sentence: «${s.slice(0, 60)}»`,
      );

    const chip = page.locator('#hits a.chip-link[data-filter-value="OSCE"]').first();
    check(
      (await chip.textContent()) === 'OSCE',
      'the organization on a card is a link named in the interface language',
    );
    await chip.click();
    await settled(page);
    checkEqual(urlParams(page).getAll('org'), ['OSCE'], 'clicking it filters by it');
    for (const h of await hits(page)) check((await article(page, h.id)).orgs.includes('OSCE'), `${h.id} mentions OSCE`);

    const source = page.locator('#hits a.hit-source').first();
    const name = (await source.textContent()) ?? '';
    await source.click();
    await settled(page);
    checkEqual(urlParams(page).getAll('source'), [name], 'the source on a card filters by it');
    check((await countNumber(page)) >= 1, 'its articles are listed');
  },
};
