/** Interface language, URL state, sorting, narrow screens. */

import { loadOrgLabels } from '../../web/org-labels.js';
import { orgName } from '../../web/src/format.js';
import { MESSAGES } from '../../web/src/i18n.js';
import { check, eventually } from '../assert.js';
import type { Scenario } from '../harness.js';
import { countNumber, facet, hits, open, settled, urlParams } from '../page-model.js';

const labels = loadOrgLabels().labels;
const filtersTitle = (page: import('playwright-core').Page) => page.locator('#filters-title').textContent();
const orgLegend = (page: import('playwright-core').Page) =>
  page.locator('fieldset[data-facet="org"] legend').textContent();
const scoLabel = async (page: import('playwright-core').Page) =>
  (await facet(page, 'org')).find((o) => o.value === 'SCO')?.label;

export const languageScenario: Scenario = {
  name: 'the interface language follows the browser, switches labels and organization names, and is remembered',
  locale: 'ru-RU',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?q=${encodeURIComponent('ШЫҰ')}`);
    check((await filtersTitle(page)) === MESSAGES.ru.filters, 'a Russian browser gets the Russian interface');
    check((await page.evaluate(() => document.documentElement.lang)) === 'ru', '<html lang> follows');
    check((await scoLabel(page)) === orgName('SCO', 'ru', labels), `SCO is shown as «${orgName('SCO', 'ru', labels)}»`);

    for (const lang of ['en', 'kk'] as const) {
      await page.locator(`button[data-ui="${lang}"]`).click();
      check(
        (await filtersTitle(page)) === MESSAGES[lang].filters,
        `${lang}: the filters heading is «${MESSAGES[lang].filters}»`,
      );
      check(
        (await orgLegend(page)) === MESSAGES[lang].facetOrg,
        `${lang}: the organization facet is «${MESSAGES[lang].facetOrg}»`,
      );
      check(
        (await scoLabel(page)) === orgName('SCO', lang, labels),
        `${lang}: SCO is shown as «${orgName('SCO', lang, labels)}» (got «${await scoLabel(page)}»)`,
      );
      check(
        (await page.locator('button[type=submit]').textContent()) === MESSAGES[lang].searchButton,
        `${lang}: the button says «${MESSAGES[lang].searchButton}»`,
      );
      check(urlParams(page).get('ui') === lang, `${lang}: the URL holds ui=${lang}`);
      check(
        (await page.locator(`button[data-ui="${lang}"]`).getAttribute('aria-pressed')) === 'true',
        `${lang}: its button is pressed`,
      );
    }
    // Remembered: a fresh visit without ?ui= keeps Kazakh although the browser prefers Russian.
    await open(page, baseUrl, '');
    check((await filtersTitle(page)) === MESSAGES.kk.filters, 'the choice is remembered across visits');
  },
};

export const urlStateScenario: Scenario = {
  name: 'the URL restores a shared search (query, filters, sort) and Back/Forward move between searches',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?q=${encodeURIComponent('Қазақстан')}&lang=kk&sort=date_desc&ui=en`);
    check((await page.locator('#q').inputValue()) === 'Қазақстан', 'the box holds the query');
    check((await page.locator('#sort').inputValue()) === 'date_desc', 'the sort is newest first');
    const langs = await facet(page, 'lang');
    check(
      langs.find((l) => l.value === 'kk')?.checked === true,
      `the kk language box is ticked: ${JSON.stringify(langs)}`,
    );
    const newest = await hits(page);
    const days = newest.map((h) => h.datetime ?? '');
    check(
      days.every((d, i) => i === 0 || d.slice(0, 4) <= (days[i - 1] ?? '').slice(0, 4)),
      `newest first: ${days.join(', ')}`,
    );

    await page.locator('#sort').selectOption('date_asc');
    await settled(page);
    check(urlParams(page).get('sort') === 'date_asc', 'the URL follows the sort');
    const oldest = (await hits(page)).map((h) => h.datetime ?? '');
    check(
      oldest.every((d, i) => i === 0 || d.slice(0, 4) >= (oldest[i - 1] ?? '').slice(0, 4)),
      `oldest first: ${oldest.join(', ')}`,
    );

    await page.goBack();
    await settled(page);
    check((await page.locator('#sort').inputValue()) === 'date_desc', 'Back restores the previous sort');
    await page.goForward();
    await settled(page);
    check((await page.locator('#sort').inputValue()) === 'date_asc', 'Forward returns to the newer sort');

    // Typing a new query is one history entry, not one per letter.
    await page.locator('#q').fill('');
    await page.locator('#q').pressSequentially('ОБСЕ', { delay: 40 });
    await settled(page);
    const total = await countNumber(page);
    check(total > 0, 'ОБСЕ finds something');
    await page.goBack();
    await settled(page);
    await eventually(
      () => page.locator('#q').inputValue(),
      (v) => v === 'Қазақстан',
      'one Back returns to the previous query',
    );
  },
};

export const phoneScenario: Scenario = {
  name: 'on a phone-width screen the layout fits and the filters open from a button',
  viewport: { width: 390, height: 844 },
  async run({ page, baseUrl, screenshot }) {
    await open(page, baseUrl, `?q=${encodeURIComponent('ШЫҰ')}&ui=kk`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `nothing sticks out sideways (${overflow}px too wide)`);
    check(!(await page.locator('#facets').isVisible()), 'the filters are folded away');
    // The sort menu shows its whole choice («Сәйкестігі бойынша», the longest of the three languages).
    const sort = await page.locator('#sort').evaluate((s: HTMLSelectElement) => {
      const shown = s.getBoundingClientRect().width;
      s.style.maxWidth = 'none';
      const whole = s.getBoundingClientRect().width;
      s.style.maxWidth = '';
      return { shown, whole };
    });
    check(sort.shown >= sort.whole - 0.5, `the sort menu is not cut (${sort.shown}px of ${sort.whole}px)`);
    const before = await page.locator('#filters-toggle').boundingBox();
    await page.locator('#filters-toggle').click();
    check(await page.locator('#facets').isVisible(), 'the button shows the filters');
    const after = await page.locator('#filters-toggle').boundingBox();
    check(
      before && after && Math.abs(before.y - after.y) < 1,
      `the button stays where it was (${before?.y} → ${after?.y})`,
    );
    check(
      (await page.locator('#filters-toggle').getAttribute('aria-expanded')) === 'true',
      'the button says it is expanded',
    );
    await page.locator('#filters-toggle').click();
    await screenshot('phone');
  },
};
