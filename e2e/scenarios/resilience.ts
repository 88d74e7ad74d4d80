/** The API going away and coming back; answers arriving out of order. */
import type { Route } from 'playwright-core';
import { MESSAGES } from '../../web/src/i18n.js';
import { check, eventually, sleep } from '../assert.js';
import type { Scenario } from '../harness.js';
import { hits, open, settled } from '../page-model.js';

const SEARCH_ROUTE = '**/api/search?**';

export const outageScenario: Scenario = {
  name: 'when the API is down (503, then no connection) the page says so, retries, and recovers',
  allowConsoleErrors: /Failed to load resource|ERR_CONNECTION_REFUSED|503/,
  async run({ page, baseUrl }) {
    await open(page, baseUrl, '?ui=en');
    let attempts = 0;
    await page.route(SEARCH_ROUTE, (route) => {
      attempts++;
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'SEARCH_UNAVAILABLE', message: 'The search engine is unavailable; try again shortly.' },
        }),
      });
    });
    await page.locator('#q').fill('ШЫҰ');
    const banner = page.locator('#status [data-kind="unavailable"]');
    await banner.waitFor({ state: 'visible' });
    check(
      ((await banner.textContent()) ?? '').includes(MESSAGES.en.unavailable),
      'the banner says search is unavailable, retrying',
    );
    const seen = attempts;
    await eventually(
      async () => attempts,
      (n) => n > seen,
      'the page retries by itself',
      4000,
    );

    // No connection at all looks the same to the reader.
    await page.unroute(SEARCH_ROUTE);
    let refused = 0;
    await page.route(SEARCH_ROUTE, (route) => {
      refused++;
      return route.abort('connectionrefused');
    });
    await page.locator('#status button[data-action="retry"]').click();
    await eventually(
      async () => refused,
      (n) => n > 0,
      '"Retry now" sends a request at once',
      2000,
    );
    await eventually(
      async () => refused,
      (n) => n > 1,
      'the page keeps retrying without a connection',
      4000,
    );
    check(await banner.isVisible(), 'the banner stays while there is no connection');

    await page.unroute(SEARCH_ROUTE);
    await banner.waitFor({ state: 'detached', timeout: 12_000 });
    await settled(page);
    check((await hits(page)).length > 0, 'results are back after the API returns');
    check(
      !(await page.locator('#results').evaluate((e) => e.classList.contains('stale'))),
      'the results are no longer dimmed',
    );
  },
};

export const raceScenario: Scenario = {
  name: 'a slow answer to an older query never replaces the answer to a newer one',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, '?ui=en');
    let slowSent!: () => void;
    const slowRequestSeen = new Promise<void>((resolve) => (slowSent = resolve));
    let slowAnswered = false;
    await page.route(SEARCH_ROUTE, async (route: Route) => {
      const q = new URL(route.request().url()).searchParams.get('q');
      if (q !== 'киберқауіпсіздік') return route.continue();
      slowSent();
      await sleep(1500);
      // The page may have aborted this request by now; the answer is sent anyway where the browser still takes it.
      await route.continue().catch(() => {});
      slowAnswered = true;
    });
    await page.locator('#q').fill('киберқауіпсіздік');
    await slowRequestSeen;
    await page.locator('#q').fill('ОБСЕ');
    await settled(page);
    const newer = await hits(page);
    check(
      newer.some((h) => h.id === 'e2e-osce-ru'),
      `the ОБСЕ article is shown (got ${newer.map((h) => h.id).join(', ')})`,
    );
    await eventually(
      async () => slowAnswered,
      (v) => v,
      'the slow answer has been let through',
      5000,
    );
    await sleep(400);
    const later = await hits(page);
    check(
      JSON.stringify(later.map((h) => h.id)) === JSON.stringify(newer.map((h) => h.id)),
      `the results did not change after the slow answer (${later.map((h) => h.id).join(', ')})`,
    );
    check(!later.some((h) => h.id === 'e2e-xss'), 'no result of the older query is shown');
    check((await page.locator('#q').inputValue()) === 'ОБСЕ', 'the box still holds the newer query');
    check(new URL(page.url()).searchParams.get('q') === 'ОБСЕ', 'the URL holds the newer query');
  },
};
