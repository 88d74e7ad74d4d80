/** Page feedback while searching: "searching…" only when an answer is late (200 ms), the list never emptied. */
import type { Route } from 'playwright-core';
import { check, eventually, sleep } from '../assert.js';
import type { Scenario } from '../harness.js';
import { hits, open, settled } from '../page-model.js';

export const feedbackScenario: Scenario = {
  name: 'a late answer shows "searching…" after 200 ms and keeps the list on screen; a quick one shows nothing',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?ui=en&q=${encodeURIComponent('пшеница')}`);
    const before = (await hits(page)).map((h) => h.id);
    check(before.length > 0, 'results to start with');
    const busy = () => page.evaluate(() => document.body.classList.contains('is-busy'));
    // Record every change of the list and of the busy class from here on.
    // (A string, not a function: the test's TypeScript transform would leave helpers the page does not have.)
    await page.evaluate(`(() => {
      window.__seen = [];
      const note = () => window.__seen.push({
        busy: document.body.classList.contains('is-busy'),
        items: document.querySelectorAll('#hits > li').length,
      });
      new MutationObserver(note).observe(document.body, { attributes: true, attributeFilter: ['class'] });
      new MutationObserver(note).observe(document.getElementById('hits'), { childList: true });
    })()`);
    await page.route('**/api/search?*', async (route: Route) => {
      await sleep(900);
      await route.continue().catch(() => {});
    });
    const started = Date.now();
    await page.locator('#q').fill('Ресей');
    await sleep(120);
    check(!(await busy()), 'no "searching…" in the first 200 ms');
    await eventually(busy, (b) => b, '"searching…" shows once the answer is late', 2000);
    check(Date.now() - started >= 190, 'not before 200 ms');
    check((await hits(page)).length === before.length, 'the old list stays on screen while the answer is on its way');
    await settled(page, 10_000);
    check(!(await busy()), '"searching…" goes when the answer is drawn');
    const seen = await page.evaluate(() => (window as unknown as { __seen: { items: number }[] }).__seen);
    check(
      seen.every((s) => s.items > 0),
      `the list was never empty in between (${seen.map((s) => s.items).join(' ')})`,
    );
    await page.unroute('**/api/search?*');

    // Quick answers: typing letter by letter never flashes an empty list.
    await page.evaluate(() => {
      (window as unknown as { __seen: unknown[] }).__seen = [];
    });
    // A word half typed that finds nothing («Қаза» answered empty here) does not blank the list: the next letter
    // finds something again.
    await page.route('**/api/search?*', async (route: Route) => {
      if (new URL(route.request().url()).searchParams.get('q') !== 'Қаза') return route.continue();
      const real = await route.fetch();
      const body = { ...(await real.json()), total: 0, hits: [], alternatives: [] };
      await route.fulfill({ response: real, json: body });
    });
    await page.locator('#q').fill('');
    await page.locator('#q').pressSequentially('Қазақ', { delay: 110 });
    await settled(page);
    const typed = await page.evaluate(() => (window as unknown as { __seen: { items: number }[] }).__seen);
    check(
      typed.every((s) => s.items > 0),
      `no empty list while typing (${typed.map((s) => s.items).join(' ')})`,
    );
    check((await hits(page)).length > 0, '«Қазақ» finds its articles');
    // An empty answer to what the reader stopped at is shown, once the typing pauses.
    await page.locator('#q').press('Backspace');
    await settled(page);
    check((await hits(page)).length === 0, 'stopping at the empty «Қаза» shows that nothing was found');
    check(await page.locator('#empty').isVisible(), 'with the no-results message');
    await page.unroute('**/api/search?*');
  },
};
