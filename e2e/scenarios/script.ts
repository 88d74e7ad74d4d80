/** The Kazakh script toggle: results and the reader in Cyrillic or Latin, marks on the same words, remembered. */
import { check, checkEqual } from '../assert.js';
import type { Scenario } from '../harness.js';
import { facet, hits, open, settled, urlParams, waitReader } from '../page-model.js';

const title = async (page: import('playwright-core').Page, id: string) =>
  (await hits(page)).find((h) => h.id === id)?.titleHtml;

export const scriptScenario: Scenario = {
  name: 'the script toggle shows Kazakh text in Cyrillic or Latin with the marks kept, in results and the reader, remembered',
  locale: 'kk-KZ',
  async run({ page, baseUrl }) {
    await open(page, baseUrl, `?q=${encodeURIComponent('ШЫҰ')}`);
    checkEqual(
      (await facet(page, 'lang')).map((l) => l.label).sort(),
      ['Орысша', 'Қазақша (кирил)', 'Қазақша (латын)'].sort(),
      'the language facet tells the two scripts of Kazakh apart',
    );
    check(
      (await title(page, 'e2e-latn-sco')) === 'Astanada <mark>ShYU</mark> keńesiniń otyrysy ótti',
      `as written, the Latin article is in Latin: ${await title(page, 'e2e-latn-sco')}`,
    );

    await page.locator('[data-script="cyrl"]').click();
    await settled(page);
    check(urlParams(page).get('script') === 'cyrl', 'the URL holds script=cyrl');
    check(
      (await page.locator('[data-script="cyrl"]').getAttribute('aria-pressed')) === 'true',
      'its button is pressed',
    );
    checkEqual(
      await title(page, 'e2e-latn-sco'),
      'Астанада <mark>ШЫҰ</mark> кеңесінің отырысы өтті',
      'the Latin article is shown in Cyrillic, the mark on the same word',
    );
    const latnHit = page.locator('#hits a.hit-link[data-id="e2e-latn-sco"]');
    check((await latnHit.getAttribute('lang')) === 'kk', 'its text is marked as Cyrillic Kazakh for screen readers');

    await page.locator('[data-script="latn"]').click();
    await settled(page);
    checkEqual(
      await title(page, '003_208ac20070cf99a8'),
      'Aida Balaeva <mark>ŞYŪ</mark> Bas hatşysy Çjan Minmen kezdestı',
      'a Cyrillic article is shown in the 2021 Latin alphabet, the mark on the same word',
    );
    checkEqual(
      await title(page, 'e2e-latn-sco'),
      'Astanada <mark>ShYU</mark> keńesiniń otyrysy ótti',
      'the Latin article stays as written',
    );
    const russian = (await hits(page)).find((h) => h.id === '004_44d1df548d4bf7b7');
    check(russian?.title.includes('ШОС'), 'Russian text is never converted');

    // Remembered: a new visit without script= keeps Latin.
    await open(page, baseUrl, `?q=${encodeURIComponent('ШЫҰ')}`);
    check(urlParams(page).get('script') === 'latn', 'the choice is remembered across visits');
    check(
      (await title(page, '003_208ac20070cf99a8'))?.startsWith('Aida Balaeva <mark>ŞYŪ</mark>'),
      'and the results follow it',
    );

    // The reader too.
    await page.locator('#hits a.hit-link[data-id="003_208ac20070cf99a8"]').click();
    await waitReader(page, true);
    await page.locator('#reader .reader-body').waitFor();
    const readerTitle = await page.locator('#reader-title').textContent();
    check(
      readerTitle === 'Aida Balaeva ŞYŪ Bas hatşysy Çjan Minmen kezdestı',
      `the reader is in Latin: ${readerTitle}`,
    );
    const body = (await page.locator('#reader .reader-body').textContent()) ?? '';
    check(!/\p{Script=Cyrillic}/u.test(body), 'the whole body is in Latin');

    // Pressing the pressed button again shows the text as written.
    await page.keyboard.press('Escape');
    await waitReader(page, false);
    await page.locator('[data-script="latn"]').click();
    await settled(page);
    check(!urlParams(page).has('script'), 'a second press returns to "as written"');
    check(
      (await title(page, '003_208ac20070cf99a8'))?.startsWith('Аида Балаева <mark>ШЫҰ</mark>'),
      'and the Cyrillic article is in Cyrillic again',
    );

    // A preference, not a page: Back to a page opened before the choice keeps it.
    await page.locator('#sort').selectOption('date_desc');
    await settled(page);
    await page.locator('[data-script="cyrl"]').click();
    await settled(page);
    await page.goBack();
    await settled(page);
    check(!urlParams(page).has('sort'), 'Back returned to the page before the sort');
    check(urlParams(page).get('script') === 'cyrl', `the script stays chosen after Back: ${page.url()}`);
    check(
      (await page.locator('[data-script="cyrl"]').getAttribute('aria-pressed')) === 'true',
      'its button stays pressed',
    );
    checkEqual(
      await title(page, 'e2e-latn-sco'),
      'Астанада <mark>ШЫҰ</mark> кеңесінің отырысы өтті',
      'and the Latin article stays in Cyrillic',
    );
  },
};
