/** Opening an article: the reader view, its facts, and closing it again (button, Escape, Back). */
import { check } from '../assert.js';
import type { Scenario } from '../harness.js';
import { activeElement, article, hits, open, settled, urlParams, waitReader } from '../page-model.js';

export const readerScenario: Scenario = {
  name: 'clicking a result opens the article body in the reader; Back and the close button return to the results',
  async run({ page, baseUrl, screenshot }) {
    await open(page, baseUrl, `?q=${encodeURIComponent('ШЫҰ')}&ui=en`);
    const first = (await hits(page))[0];
    check(first, 'there is a result to open');
    const expected = await article(page, first.id);
    await page.locator(`a.hit-link[data-id="${first.id}"]`).click();
    await waitReader(page, true);
    check(urlParams(page).get('a') === first.id, 'the URL names the open article');
    await page.locator('#reader .reader-body').waitFor({ state: 'visible' });
    const title = await page.locator('#reader-title').textContent();
    check(title === expected.title, `the reader shows the title (${title})`);
    const body = (await page.locator('#reader .reader-body').innerText()).replace(/\s+/g, ' ');
    const start = expected.body.replace(/\s+/g, ' ').trim().slice(0, 80);
    check(body.includes(start), `the reader shows the body (expected it to start with «${start}»)`);
    const facts = await page.locator('#reader .reader-facts').innerText();
    if (expected.source) check(facts.includes(expected.source), `the source is shown: ${facts}`);
    if (expected.year) check(facts.includes(String(expected.year)), `the date is shown: ${facts}`);
    if (expected.url)
      check(
        (await page.locator('#reader .reader-original a').getAttribute('href')) === expected.url,
        'the original is linked',
      );
    await screenshot('reader');

    await page.goBack();
    await waitReader(page, false);
    check(!urlParams(page).has('a'), 'Back closes the reader');
    await page.goForward();
    await waitReader(page, true);
    await page.locator('#reader-close').click();
    await waitReader(page, false);
    await settled(page);
    const focus = await activeElement(page);
    check(focus.hitId === first.id, `focus returns to the result that opened it (${JSON.stringify(focus)})`);

    // A shared link to an article opens it directly; closing it keeps the results behind.
    await open(page, baseUrl, `?q=${encodeURIComponent('ШЫҰ')}&ui=en&a=${encodeURIComponent(first.id)}`);
    await waitReader(page, true);
    await page.locator('#reader .reader-body').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await waitReader(page, false);
    check((await hits(page)).length > 0, 'the results are there behind it');
  },
};
