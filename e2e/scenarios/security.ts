/** Markup inside articles is text: nothing injected runs or becomes an element. */
import { check } from '../assert.js';
import type { Scenario } from '../harness.js';
import { article, hits, open, settled, waitReader } from '../page-model.js';

const XSS_ID = 'e2e-xss';

export const xssScenario: Scenario = {
  name: 'an article whose title and body hold <img onerror> and <script> shows them as text',
  async run({ page, baseUrl }) {
    const stored = await article(page, XSS_ID).catch(() => null);
    check(stored, `the fixture ${XSS_ID} is indexed`);
    check(
      stored.title.includes('<img src=x onerror=alert(1)>') && stored.body.includes('<script>'),
      `the fixture kept its markup as text (title ${stored.title})`,
    );

    await open(page, baseUrl, `?q=${encodeURIComponent('киберқауіпсіздік')}&ui=en`);
    await page.evaluate(() => {
      // Anything that becomes an element or runs shows up here.
      (window as unknown as { injected: string[] }).injected = [];
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof Element && (n.matches('img, script, iframe') || n.querySelector('img, script, iframe')))
              (window as unknown as { injected: string[] }).injected.push(n.outerHTML);
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.locator('#q').fill('киберқауіпсіздік жаттығуы');
    await settled(page);
    const shown = await hits(page);
    const hit = shown.find((h) => h.id === XSS_ID);
    check(hit, `the fixture is found (got ${shown.map((h) => h.id).join(', ')})`);
    check(hit.title === stored.title, `the title is shown as text: ${hit.title}`);
    check(
      (await page.locator('#hits img, #hits script').count()) === 0,
      'no element was made from the title or snippet',
    );
    const snippetText = await page
      .locator(`a.hit-link[data-id="${XSS_ID}"]`)
      .locator('xpath=ancestor::article')
      .locator('.hit-snippet')
      .innerText();
    check(
      snippetText.includes('<script>') || snippetText.includes('<img'),
      `the snippet shows the markup as text: ${snippetText}`,
    );

    await page.locator(`a.hit-link[data-id="${XSS_ID}"]`).click();
    await waitReader(page, true);
    await page.locator('#reader .reader-body').waitFor({ state: 'visible' });
    check((await page.locator('#reader-title').textContent()) === stored.title, 'the reader title is text');
    const body = await page.locator('#reader .reader-body').innerText();
    check(
      body.includes('<script>alert(4)</script>') && body.includes('<img src=x onerror=alert(5)>'),
      `the reader body shows the markup as text: ${body.slice(0, 200)}`,
    );
    check((await page.locator('#reader img, #reader script').count()) === 0, 'no element was made from the article');
    check((await page.locator('a[href^="javascript:"]').count()) === 0, 'no javascript: link anywhere');
    const injected = await page.evaluate(() => (window as unknown as { injected: string[] }).injected);
    check(injected.length === 0, `nothing was injected: ${injected.join(' ')}`);
    // Dialogs (alert) fail the scenario in the harness itself.
  },
};
