/** The year histogram: mouse (click, Shift-click, drag), keyboard, the span in the URL and Back, articles without a year. */
import { check, checkEqual, present } from '../assert.js';
import type { Scenario } from '../harness.js';
import { countNumber, dragYears, hits, open, settled, urlParams, yearBar, yearBars } from '../page-model.js';

const span = (page: import('playwright-core').Page) => [
  urlParams(page).get('year_from'),
  urlParams(page).get('year_to'),
];
const countOf = (bars: { year: string; count: number }[], from: number, to: number) =>
  bars.filter((b) => Number(b.year) >= from && Number(b.year) <= to).reduce((n, b) => n + b.count, 0);

export const histogramMouseScenario: Scenario = {
  name: 'histogram by mouse: a bar picks its year, Shift-click and drag pick a span, the span is in the URL and Back',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, '?ui=en');
    const before = await yearBars(page);
    const total = await countNumber(page);
    const years = before.filter((b) => b.year !== 'none');
    check(years.length >= 8, `one bar per year from the oldest to the newest (${years.map((b) => b.year).join(' ')})`);
    check(
      years.every((b, i) => i === 0 || Number(b.year) === Number(years[i - 1]?.year) + 1),
      'the bars run year by year, empty years included',
    );
    const none = before.find((b) => b.year === 'none');
    check(
      none && none.count === 1,
      `the articles without a year have their bar with their count (${JSON.stringify(none)})`,
    );
    check(total === before.reduce((n, b) => n + b.count, 0), `the bars add up to the count (${total})`);

    // A click: that year.
    await yearBar(page, 2019).click();
    await settled(page);
    checkEqual(span(page), ['2019', '2019'], 'the URL holds the year as a span');
    const y2019 = before.find((b) => b.year === '2019')?.count ?? 0;
    check((await countNumber(page)) === y2019, `the count is the bar's (${y2019})`);
    for (const h of await hits(page)) check(h.datetime?.startsWith('2019'), `${h.id} is from 2019 (${h.datetime})`);
    const during = await yearBars(page);
    checkEqual(
      during.map((b) => [b.year, b.count]),
      before.map((b) => [b.year, b.count]),
      'every year stays listed with its count (disjunctive)',
    );
    checkEqual(
      during.filter((b) => b.pressed).map((b) => b.year),
      ['2019'],
      'only the 2019 bar is pressed',
    );

    // Shift-click: a span from the year picked to this one.
    await yearBar(page, 2021).click({ modifiers: ['Shift'] });
    await settled(page);
    checkEqual(span(page), ['2019', '2021'], 'Shift-click extends the span');
    check((await countNumber(page)) === countOf(before, 2019, 2021), 'the count is the span’s');
    check(
      (await page.locator('#histogram-summary').textContent())?.startsWith('2019–2021 · '),
      'the summary names the span',
    );

    // A drag: a new span.
    await dragYears(page, 2016, 2018);
    checkEqual(span(page), ['2016', '2018'], 'a drag selects the span dragged over');
    check((await countNumber(page)) === countOf(before, 2016, 2018), 'the count is the dragged span’s');

    // Back walks the spans back.
    await page.goBack();
    await settled(page);
    checkEqual(span(page), ['2019', '2021'], 'Back returns to the previous span');
    await page.goBack();
    await settled(page);
    checkEqual(span(page), ['2019', '2019'], 'and to the single year');
    await page.goBack();
    await settled(page);
    checkEqual(span(page), [null, null], 'and to no year');
    check((await countNumber(page)) === total, 'with every article again');

    // The articles without a year.
    await yearBar(page, 'none').click();
    await settled(page);
    checkEqual(urlParams(page).getAll('year'), ['none'], 'the no-year bar puts year=none in the URL');
    checkEqual(
      (await hits(page)).map((h) => h.id),
      ['e2e-undated'],
      'only the article without a year is listed',
    );
    await yearBar(page, 'none').click();
    await settled(page);
    check(!urlParams(page).has('year'), 'a second click clears it');

    // A click on the only selected year clears it.
    await yearBar(page, 2020).click();
    await settled(page);
    await yearBar(page, 2020).click();
    await settled(page);
    checkEqual(span(page), [null, null], 'clicking the selected year again clears the selection');
  },
};

export const histogramKeyboardScenario: Scenario = {
  name: 'histogram by keyboard: one tab stop, arrows move, Enter picks, Shift extends, Escape clears; exact counts are read',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?ui=en&q=${encodeURIComponent('пшеница')}`);
    const bars = await yearBars(page);
    const stops = bars.filter((b) => b.tabStop);
    check(stops.length === 1, `the histogram is one tab stop (${stops.length})`);
    for (const b of bars.filter((x) => x.year !== 'none'))
      check(
        b.label === `${b.year}: ${b.count} ${b.count === 1 ? 'article' : 'articles'}`,
        `a screen reader reads the year and its exact count: «${b.label}»`,
      );
    // Tab into the histogram from the control before it.
    await page.locator('#filters-title').evaluate((e) => (e as HTMLElement).setAttribute('tabindex', '-1'));
    await page.locator('#filters-title').focus();
    await page.keyboard.press('Tab');
    const last = present(stops[0], 'the newest year bar').year;
    check(
      (await page.evaluate(() => (document.activeElement as HTMLElement).dataset.year)) === last,
      `Tab lands on the newest year (${last})`,
    );
    await page.keyboard.press('ArrowLeft');
    const prev = String(Number(last) - 1);
    check(
      (await page.evaluate(() => (document.activeElement as HTMLElement).dataset.year)) === prev,
      'ArrowLeft moves to the year before',
    );
    await page.keyboard.press('Enter');
    await settled(page);
    checkEqual(span(page), [prev, prev], 'Enter picks that year');
    check(
      (await page.evaluate(() => (document.activeElement as HTMLElement).dataset.year)) === prev,
      'focus stays on the bar after the answer',
    );
    await page.keyboard.press('Shift+ArrowLeft');
    await settled(page);
    await page.keyboard.press('Shift+ArrowLeft');
    await settled(page);
    const from = String(Number(prev) - 2);
    checkEqual(span(page), [from, prev], 'Shift+ArrowLeft extends the span a year at a time');
    check((await countNumber(page)) === countOf(bars, Number(from), Number(prev)), 'the count is the span’s');
    const pressed = (await yearBars(page)).filter((b) => b.pressed).map((b) => b.year);
    checkEqual(pressed, [from, String(Number(from) + 1), prev], 'the bars of the span are pressed');
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Enter');
    await settled(page);
    checkEqual(span(page), [prev, last], 'Shift+Enter spans from the anchor (the year picked) to the focused year');
    await page.keyboard.press('Escape');
    await settled(page);
    checkEqual(span(page), [null, null], 'Escape clears the years');
  },
};
