/**
 * `npm run test:e2e` (the last step of `npm test`): builds the page, finds Chromium, starts a real izde server on a
 * temporary Meilisearch with the seed articles and e2e/fixtures, and runs every scenario in a real browser.
 * Prints one line per scenario and "N passed, N failed"; exit code 0 only if all pass. Screenshots go to
 * e2e/artifacts/ (main-page.png, phone.png, reader.png, and FAILED-*.png on failure).
 * `npm run test:e2e -- --grep WORD` runs only the scenarios whose name contains WORD.
 */
import { parseArgs } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { buildWeb } from '../web/build.js';
import { ensureChromium, LAUNCH_ARGS, MissingBrowserError } from './chromium.js';
import { type EmbedSite, startEmbedSite } from './embed/site.js';
import { runScenario, type ScenarioResult } from './harness.js';
import { SCENARIOS } from './scenarios/index.js';
import { startTestServer, type TestServer } from './test-server.js';

const log = (m: string) => console.log(m);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { grep: { type: 'string' } } });
  const started = Date.now();
  const grep = values.grep?.toLowerCase();
  const scenarios = grep ? SCENARIOS.filter((s) => s.name.toLowerCase().includes(grep)) : SCENARIOS;
  if (scenarios.length === 0) {
    console.error(`No scenario matches "${values.grep}".`);
    return 1;
  }

  let executablePath: string;
  try {
    executablePath = ensureChromium(log);
  } catch (err) {
    if (err instanceof MissingBrowserError) {
      console.error(`e2e: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const built = await buildWeb();
  for (const p of built.problems) log(`e2e: note: ${p}`);

  let server: TestServer | undefined;
  let site: EmbedSite | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await site?.close().catch(() => {});
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: ScenarioResult[] = [];
  try {
    // Another site, whose origin izde allows (CORS_ORIGINS), for the embedding scenarios.
    site = await startEmbedSite();
    server = await startTestServer({ corsOrigins: [site.url] });
    log(`e2e: server ${server.url} ready in ${seconds(Date.now() - started)}; Chromium ${executablePath}`);
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    for (const scenario of scenarios) {
      const result = await runScenario(browser, server.url, scenario, log, site);
      results.push(result);
      const mark = result.ok ? 'PASS' : 'FAIL';
      log(
        `${mark}  ${result.name} (${seconds(result.ms)})${result.ok ? '' : `\n      ${result.reason}${result.screenshot ? `\n      screenshot: ${result.screenshot}` : ''}`}`,
      );
    }
  } finally {
    await stop();
  }
  const failed = results.filter((r) => !r.ok).length;
  log(`e2e: ${results.length} scenarios in ${seconds(Date.now() - started)}`);
  log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`e2e: could not run: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
