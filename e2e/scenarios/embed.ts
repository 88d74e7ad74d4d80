/**
 * izde inside another site: a stock InstantSearch page (instantsearch.js + @meilisearch/instant-meilisearch, served
 * by e2e/embed/site.ts from another origin) searches izde through /meili; and a page on an origin izde does not
 * allow cannot read izde's answers.
 */
import type { Page } from 'playwright-core';
import { check, eventually } from '../assert.js';
import type { Scenario } from '../harness.js';

interface ShownHit {
  titleHtml: string;
  title: string;
  meta: string;
}

const shownHits = (page: Page): Promise<ShownHit[]> =>
  page.locator('.ais-Hits-item').evaluateAll((items) =>
    items.map((item) => ({
      titleHtml: item.querySelector('h3')?.innerHTML ?? '',
      title: item.querySelector('h3')?.textContent ?? '',
      meta: item.querySelector('.meta')?.textContent ?? '',
    })),
  );
const statsCount = async (page: Page): Promise<number> => {
  const text = (await page.locator('.ais-Stats-text').textContent()) ?? '';
  return Number(/([\d,]+)\s+result/u.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
};
const yearOf = (meta: string) => Number(/\b(\d{4})\b/u.exec(meta)?.[1] ?? Number.NaN);
const snapshot = async (page: Page) => JSON.stringify(await shownHits(page));

/** Waits until the hits differ from `before` and the page is idle again. */
async function changed(page: Page, before: string, what: string): Promise<ShownHit[]> {
  await eventually(
    () => snapshot(page),
    (now) => now !== before,
    what,
  );
  await page.waitForLoadState('networkidle');
  return shownHits(page);
}

export const embedScenario: Scenario = {
  name: 'a stock InstantSearch page on another site finds «Қазақстанның» through /meili, narrows by organization and years, and pages',
  timeoutMs: 60_000,
  async run({ page, baseUrl, embed, screenshot }) {
    const izde = new URL(baseUrl).origin;
    check(new URL(embed.url).origin !== izde, `the page (${embed.url}) is on another origin than izde (${izde})`);
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(izde)) calls.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${embed.url}/?host=${encodeURIComponent(`${baseUrl}/meili`)}`);
    await eventually(
      () => page.locator('.ais-Hits-item').count(),
      (n) => n > 0,
      'the page shows articles before any typing',
    );

    // searchBox + hits with Highlight + stats
    let before = await snapshot(page);
    await page.locator('#searchbox .ais-SearchBox-input').fill('Қазақстанның');
    let hits = await changed(page, before, 'results follow the query');
    check(hits.length === 3, `three hits per page (got ${hits.length})`);
    check(
      hits.every((h) => /<mark[^>]*>[^<]*(Қазақстан|Казахстан|Qazaqstan|ҚР|РК)/u.test(h.titleHtml)),
      `every title names Kazakhstan, highlighted, in any language (P1): ${hits.map((h) => h.titleHtml).join(' | ')}`,
    );
    const total = await statsCount(page);
    check(total > 3, `stats count more results than one page: ${total}`);
    check(
      calls.some((c) => c === 'POST /meili/multi-search'),
      `InstantSearch called izde's /meili: ${calls.join(', ')}`,
    );
    await screenshot('embed-instantsearch');

    // pagination
    const firstPage = hits.map((h) => h.title);
    before = await snapshot(page);
    await page.locator('.ais-Pagination-item--page a', { hasText: /^2$/ }).click();
    hits = await changed(page, before, 'page 2 shows other articles');
    check(
      hits.length > 0 && hits.every((h) => !firstPage.includes(h.title)),
      `page 2 repeats nothing of page 1: ${hits.map((h) => h.title).join(' | ')}`,
    );
    await page.locator('.ais-Pagination-item--page a', { hasText: /^1$/ }).click();
    await eventually(
      () => snapshot(page),
      (s) => s.includes(firstPage[0] ?? '\u0000'),
      'back on page 1',
    );

    // refinementList on org, searchable: «шос» finds SCO by its Russian abbreviation
    await page.locator('#org .ais-SearchBox-input').fill('шос');
    await eventually(
      () => page.locator('#org .ais-RefinementList-labelText').allTextContents(),
      (labels) => labels.length === 1 && labels[0] === 'SCO',
      'searching the organizations for «шос» offers SCO only',
    );
    before = await snapshot(page);
    await page.locator('#org .ais-RefinementList-checkbox').first().check();
    hits = await changed(page, before, 'ticking SCO narrows the results');
    check(
      hits.length > 0 && hits.every((h) => h.meta.includes('SCO')),
      `every hit is about SCO: ${hits.map((h) => h.meta).join(' | ')}`,
    );
    const narrowed = await statsCount(page);
    check(narrowed < total, `the count went down from ${total} to ${narrowed}`);
    await eventually(
      () => page.locator('.ais-CurrentRefinements-item').allTextContents(),
      (items) => items.some((t) => t.includes('SCO')),
      'the current refinements show SCO',
    );

    // refinementList on year, searchable
    await page.locator('#year .ais-SearchBox-input').fill('202');
    await eventually(
      () => page.locator('#year .ais-RefinementList-labelText').allTextContents(),
      (labels) => labels.length > 0 && labels.every((l) => l.startsWith('202')),
      'searching the years for «202» offers the 2020s only',
    );
    await page.locator('#year .ais-SearchBox-input').fill('');

    // rangeSlider on year: raise the lower bound with the keyboard until fewer articles are left
    const handle = page.locator('#years .rheostat-handle').first();
    const low = Number(await handle.getAttribute('aria-valuemin'));
    const high = Number(await handle.getAttribute('aria-valuemax'));
    check(low < high, `the year slider spans the years found (${low}–${high})`);
    before = await snapshot(page);
    await handle.focus();
    // The slider steps by a share of its span: press until the lower bound has moved past the oldest year, then
    // read the bound the refinement took (the slider may round it).
    for (let i = 0; i < 120 && Number(await handle.getAttribute('aria-valuenow')) < low + 1; i++)
      await page.keyboard.press('ArrowRight');
    const chips = await eventually(
      () => page.locator('.ais-CurrentRefinements-item').allTextContents(),
      (items) => items.some((t) => /≥\s*\d{4}/u.test(t)),
      'the current refinements show a lower bound on the year',
    );
    const target = Number(/≥\s*(\d{4})/u.exec(chips.join(' '))?.[1]);
    check(target > low, `the lower bound (${target}) is above the oldest year (${low})`);
    await eventually(
      () => shownHits(page),
      (shown) => shown.length > 0 && shown.every((h) => yearOf(h.meta) >= target && h.meta.includes('SCO')),
      `every hit is from ${target} on and about SCO`,
    );
    check((await statsCount(page)) < narrowed, 'the year range narrowed the list further');
    await screenshot('embed-instantsearch-refined');

    // currentRefinements: removing SCO widens the list again
    const refined = await statsCount(page);
    const sco = page.locator('.ais-CurrentRefinements-category', { hasText: 'SCO' });
    await sco.locator('.ais-CurrentRefinements-delete').click();
    await eventually(
      () => statsCount(page),
      (n) => n > refined,
      `removing SCO brings more articles back (had ${refined})`,
    );

    await page.locator('.ais-CurrentRefinements-delete').first().click();
    await eventually(
      () => statsCount(page),
      (n) => n === total,
      `removing the years brings all ${total} back`,
    );

    // Article text is text: markup in a title does not become elements in another site's page either.
    await page.locator('#searchbox .ais-SearchBox-input').fill('киберқауіпсіздік');
    await eventually(
      () => page.locator('.ais-Hits-item h3').allTextContents(),
      (titles) => titles.some((t) => t.includes('<img src=x onerror=alert(1)>')),
      'the article with markup in its title is shown with the markup as text',
    );
    check((await page.locator('#hits img, #hits script').count()) === 0, 'no element was made from an article');
  },
};

export const foreignOriginScenario: Scenario = {
  name: 'a page on an origin izde does not allow cannot read its answers; an allowed one can',
  allowConsoleErrors: /CORS|Failed to load resource|ERR_FAILED/u,
  async run({ page, baseUrl, embed }) {
    const probe = async (site: string, path: string) => {
      await page.goto(`${site}/probe.html?target=${encodeURIComponent(`${baseUrl}${path}`)}`);
      await eventually(
        () => page.locator('#out').textContent(),
        (t) => t !== '…',
        `the probe on ${site} finished`,
      );
      return (await page.locator('#out').textContent()) ?? '';
    };
    for (const path of ['/api/search?q=x', '/meili/indexes/articles/search?q=x']) {
      const allowed = await probe(embed.url, path);
      check(allowed.startsWith('read '), `${embed.url} reads ${path}: ${allowed}`);
      const refused = await probe(embed.otherOriginUrl, path);
      check(refused.startsWith('blocked'), `${embed.otherOriginUrl} cannot read ${path}: ${refused}`);
    }
  },
};
