/** The whole path without a mouse: type, pick a suggestion, tick a facet, open and close an article. */
import type { Page } from 'playwright-core';
import { check, eventually, present } from '../assert.js';
import type { Scenario } from '../harness.js';
import { activeElement, countNumber, hits, open, settled, urlParams, waitReader } from '../page-model.js';

/** Presses Tab until `match` holds for the focused element (at most `max` times). */
async function tabTo(
  page: Page,
  match: (a: Awaited<ReturnType<typeof activeElement>>) => boolean,
  what: string,
  max = 40,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await activeElement(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

export const keyboardScenario: Scenario = {
  name: 'keyboard only: suggestions, a facet, a result, the reader and back',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, '?ui=en');
    check((await activeElement(page)).id === 'q', 'the search box has the focus on arrival');

    // Suggestions: arrows highlight without touching what was typed; Enter picks; Escape closes.
    await page.keyboard.type('Қаз', { delay: 40 });
    const list = page.locator('#suggestions');
    await list.waitFor({ state: 'visible' });
    check((await page.locator('#q').getAttribute('aria-expanded')) === 'true', 'the box says the list is open');
    await page.keyboard.press('ArrowDown');
    const activeId = await page.locator('#q').getAttribute('aria-activedescendant');
    check(activeId === 'suggestion-0', `ArrowDown highlights the first suggestion (${activeId})`);
    check((await page.locator('#q').inputValue()) === 'Қаз', 'highlighting does not change the typed text');
    const picked = (await page.locator('#suggestion-0 .suggestion-text').textContent()) ?? '';
    const pickedIsTitle = await page.locator('#suggestion-0').evaluate((e) => e.classList.contains('kind-title'));
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    check((await page.locator('#q').inputValue()) === 'Қаз', 'Escape closes the list and keeps the text');
    await page.keyboard.type('а', { delay: 40 });
    await list.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Қаз', { delay: 40 });
    await list.waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    if (!pickedIsTitle) {
      await settled(page);
      check((await page.locator('#q').inputValue()) === picked, `Enter puts «${picked}» in the box`);
      check(urlParams(page).get('q') === picked, 'and searches for it');
      check(await page.locator('#suggestions').isHidden(), 'the list closes');
    }

    // Enter without a highlighted suggestion just searches what was typed.
    await page.locator('#q').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Қазақстанның', { delay: 20 });
    await page.keyboard.press('Enter');
    await settled(page);
    check(
      (await page.locator('#q').inputValue()) === 'Қазақстанның',
      'Enter with no highlighted suggestion keeps the typed query',
    );
    const before = await countNumber(page);

    await tabTo(page, (a) => a.facet === 'lang', 'a language checkbox');
    const lang = present((await activeElement(page)).value, "the focused checkbox's value");
    await page.keyboard.press('Space');
    await settled(page);
    check(urlParams(page).getAll('lang').includes(lang), `Space ticks language ${lang}`);
    check((await countNumber(page)) <= before, 'the list narrows');
    const focus = await activeElement(page);
    check(
      focus.facet === 'lang' && focus.value === lang,
      `focus stays on the ticked box after the list updates (${JSON.stringify(focus)})`,
    );
    await page.keyboard.press('Space');
    await settled(page);
    check(!urlParams(page).has('lang'), 'Space again unticks it');

    await tabTo(page, (a) => a.hitId !== null, 'a result link');
    const hitId = present((await activeElement(page)).hitId, "the focused result's id");
    await page.keyboard.press('Enter');
    await waitReader(page, true);
    await page.locator('#reader .reader-body').waitFor({ state: 'visible' });
    check((await activeElement(page)).inReader, 'focus moves into the reader');
    await page.keyboard.press('Escape');
    await waitReader(page, false);
    await eventually(
      () => activeElement(page),
      (a) => a.hitId === hitId,
      'focus returns to the result after Escape',
    );
    check((await hits(page)).length > 0, 'results are still there');
  },
};
