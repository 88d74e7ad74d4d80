/** What the scenarios read from and do on the page, in one place (selectors live here, not in every scenario). */
import type { Page } from 'playwright-core';
import type { ArticleResponse } from '../web/src/api-types.js';
import { eventually } from './assert.js';

export interface HitView {
  id: string;
  title: string;
  titleHtml: string;
  snippetHtml: string;
  datetime: string | null;
}

export interface FacetValueView {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

/** Waits until the answer on screen is the one for the page's current state and nothing is in flight. */
export async function settled(page: Page, timeoutMs = 8000): Promise<void> {
  await page.waitForFunction(
    () => {
      const r = document.getElementById('results');
      return (
        !!r &&
        r.dataset.want !== undefined &&
        r.dataset.want === r.dataset.shown &&
        r.getAttribute('aria-busy') === 'false'
      );
    },
    undefined,
    { timeout: timeoutMs },
  );
}

export async function open(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/${query}`);
  await settled(page);
}

export const hits = (page: Page): Promise<HitView[]> =>
  page.$$eval('#hits > li', (items) =>
    items.map((li) => {
      const link = li.querySelector<HTMLAnchorElement>('a.hit-link');
      return {
        id: link?.dataset.id ?? '',
        title: link?.textContent ?? '',
        titleHtml: link?.innerHTML ?? '',
        snippetHtml: li.querySelector('.hit-snippet')?.innerHTML ?? '',
        datetime: li.querySelector('time')?.getAttribute('datetime') ?? null,
      };
    }),
  );

export const countText = (page: Page): Promise<string> => page.$eval('#count', (e) => e.textContent ?? '');

/** The number at the start of the count line ("12 results", "Latest news · 7 articles"). */
export async function countNumber(page: Page): Promise<number> {
  const text = await countText(page);
  const m = /(\d[\d\s\u00a0\u202f]*)\s*\p{L}+\s*$/u.exec(text);
  return m ? Number((m[1] ?? '').replace(/\D/g, '')) : NaN;
}

export const facet = (page: Page, name: string): Promise<FacetValueView[]> =>
  page.$$eval(`fieldset[data-facet="${name}"] li`, (items) =>
    items.map((li) => {
      const box = li.querySelector<HTMLInputElement>('input');
      return {
        value: box?.dataset.value ?? '',
        label: li.querySelector('.facet-name')?.textContent ?? '',
        count: Number(li.querySelector('.facet-count')?.textContent ?? NaN),
        checked: box?.checked === true,
      };
    }),
  );

export async function toggleFacet(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`fieldset[data-facet="${name}"] input[data-value="${value}"]`).click();
  await settled(page);
}

/** Replaces the box's text as a user would (select all, type), then waits for the answer. */
export async function search(page: Page, text: string, delay = 0): Promise<void> {
  await page.locator('#q').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay });
  await settled(page);
}

export const urlParams = (page: Page): URLSearchParams => new URL(page.url()).searchParams;

export async function article(page: Page, id: string): Promise<ArticleResponse> {
  const res = await page.request.get(`/api/articles/${encodeURIComponent(id)}`);
  if (!res.ok()) throw new Error(`GET /api/articles/${id}: ${res.status()}`);
  return (await res.json()) as ArticleResponse;
}

export async function readerOpen(page: Page): Promise<boolean> {
  return page.$eval('#reader', (d) => (d as HTMLDialogElement).open);
}

export async function waitReader(page: Page, open: boolean): Promise<void> {
  await eventually(
    () => readerOpen(page),
    (v) => v === open,
    open ? 'the reader opens' : 'the reader closes',
  );
}

export const activeElement = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      tag: a?.tagName ?? '',
      id: a?.id ?? '',
      cls: a?.className ?? '',
      facet: a?.dataset.facet ?? null,
      value: a?.dataset.value ?? null,
      hitId: a?.dataset.id ?? null,
      inReader: !!a?.closest('#reader'),
    };
  });

export interface YearBarView {
  /** A year, or `none` for the articles without a year. */
  year: string;
  count: number;
  pressed: boolean;
  /** What a screen reader reads: the year and its exact count. */
  label: string;
  tabStop: boolean;
}

/** The bars of the year histogram, oldest first, then the "no year" bar. */
export const yearBars = (page: Page): Promise<YearBarView[]> =>
  page.$$eval('.histogram .bar', (bars) =>
    bars.map((b) => ({
      year: (b as HTMLElement).dataset.year ?? '',
      count: Number((b as HTMLElement).dataset.count),
      pressed: b.getAttribute('aria-pressed') === 'true',
      label: b.getAttribute('aria-label') ?? '',
      tabStop: (b as HTMLElement).tabIndex === 0,
    })),
  );

export const yearBar = (page: Page, year: string | number) => page.locator(`.histogram .bar[data-year="${year}"]`);

/** The chips of the current refinements: their visible text. */
export const chips = (page: Page): Promise<string[]> =>
  page.$$eval('#refinements .refinement', (els) =>
    els.map(
      (e) =>
        `${e.querySelector('.refinement-facet')?.textContent} ${e.querySelector('.refinement-value')?.textContent}`,
    ),
  );

/** Drags across the histogram from one year's bar to another's, as a mouse would. */
export async function dragYears(page: Page, from: number, to: number): Promise<void> {
  const a = await yearBar(page, from).boundingBox();
  const b = await yearBar(page, to).boundingBox();
  if (!a || !b) throw new Error(`no bar for ${from} or ${to}`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 4);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 4, { steps: 6 });
  await page.mouse.up();
  await settled(page);
}
