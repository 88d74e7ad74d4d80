/**
 * Accessibility (axe-core, injected into the page by the test driver, so the page's CSP is untouched): no serious or
 * critical violation on the main page with results and filters, browsing with the pager, in the reader, and at phone
 * width with the filters open. Screenshots of the page in kk/ru/en at desktop and phone widths, for a person to look at.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { check } from '../assert.js';
import type { Scenario, ScenarioContext } from '../harness.js';
import { open, settled, waitReader } from '../page-model.js';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return found;
}

async function noSerious(page: Page, where: string): Promise<void> {
  const serious = (await violations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(
    serious.length === 0,
    `${where}: ${serious.map((v) => `${v.id} (${v.impact}: ${v.help}) at ${v.nodes.join(', ')}`).join('; ')}`,
  );
}

const QUERY = encodeURIComponent('ШЫҰ');

export const accessibilityScenario: Scenario = {
  name: 'axe-core finds no serious violation on the main page, in the reader and at phone width',
  timeoutMs: 60_000,
  async run({ page, baseUrl }) {
    // Filters selected, so the histogram, chips and a facet search are all on the page.
    await open(page, baseUrl, `?ui=en&q=${QUERY}&year_from=2019&year_to=2024&org=SCO`);
    await page
      .locator('[data-more="org"]')
      .click()
      .catch(() => {});
    await noSerious(page, 'main page');
    // Browsing: every article, so the pager is there with its inactive "Previous".
    await open(page, baseUrl, '?ui=en');
    check(await page.locator('#pager .pager-off').isVisible(), 'browsing shows the pager with an inactive "Previous"');
    await noSerious(page, 'main page browsing, with the pager');
    await open(page, baseUrl, `?ui=kk&q=${encodeURIComponent('ШОС саммиті')}`);
    await noSerious(page, 'no-results page with offers');
    await open(page, baseUrl, `?ui=ru&q=${QUERY}`);
    await page.locator('#hits a.hit-link').first().click();
    await waitReader(page, true);
    await page.locator('#reader .reader-body').waitFor();
    await noSerious(page, 'reader');
    await page.keyboard.press('Escape');
    await waitReader(page, false);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#filters-toggle').click();
    await noSerious(page, 'phone layout with the filters open');
  },
};

async function shoot(ctx: ScenarioContext, lang: 'kk' | 'ru' | 'en', width: 'desktop' | 'phone'): Promise<void> {
  const { page, baseUrl } = ctx;
  await page.setViewportSize(width === 'desktop' ? { width: 1280, height: 900 } : { width: 390, height: 844 });
  await open(page, baseUrl, `?ui=${lang}&q=${encodeURIComponent('Қазақстан')}&year_from=2019&year_to=2025&org=SCO`);
  await ctx.screenshot(`page-${lang}-${width}`);
  if (width === 'phone') {
    await page.locator('#filters-toggle').click();
    await ctx.screenshot(`page-${lang}-${width}-filters`);
  }
}

export const screenshotsScenario: Scenario = {
  name: 'screenshots: the page in kk, ru and en at desktop and phone widths (e2e/artifacts/page-*.png)',
  timeoutMs: 60_000,
  async run(ctx) {
    for (const lang of ['kk', 'ru', 'en'] as const)
      for (const width of ['desktop', 'phone'] as const) await shoot(ctx, lang, width);
    // The no-results offers and the reader, in Kazakh.
    await ctx.page.setViewportSize({ width: 1280, height: 900 });
    await open(ctx.page, ctx.baseUrl, `?ui=kk&q=${encodeURIComponent('ШОС саммиті')}`);
    await ctx.screenshot('offers-kk');
    await open(ctx.page, ctx.baseUrl, `?ui=en&q=${QUERY}&script=cyrl`);
    await ctx.screenshot('script-cyrl-en');
    await ctx.page.evaluate(() => localStorage.removeItem('izde.script'));
    await settled(ctx.page);
  },
};
