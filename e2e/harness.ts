/**
 * Runs scenarios one by one, each in a fresh browser context (empty storage, its own locale and viewport). A
 * scenario fails on a thrown error, on a JavaScript error in the page, on a console error it did not expect (a CSP
 * violation shows up there), and on any alert/confirm dialog (the XSS tripwire). A failure leaves a screenshot.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

export interface ScenarioContext {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** "Another site" (e2e/embed/site.ts): its allowed origin, and the same pages on an origin izde does not allow. */
  embed: { url: string; otherOriginUrl: string };
  /** Saves a screenshot under e2e/artifacts/ and returns its path. */
  screenshot(name: string, fullPage?: boolean): Promise<string>;
  log(message: string): void;
}

export interface Scenario {
  name: string;
  /** navigator.language of the context (default en-US). */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Console errors matching this are expected (e.g. the 503s of the outage scenario). */
  allowConsoleErrors?: RegExp;
  timeoutMs?: number;
  run(ctx: ScenarioContext): Promise<void>;
}

export interface ScenarioResult {
  name: string;
  ok: boolean;
  ms: number;
  reason?: string;
  screenshot?: string;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export async function runScenario(
  browser: Browser,
  baseUrl: string,
  scenario: Scenario,
  log: (m: string) => void,
  embed: ScenarioContext['embed'] = { url: '', otherOriginUrl: '' },
): Promise<ScenarioResult> {
  const started = Date.now();
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: scenario.locale ?? 'en-US',
    viewport: scenario.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (scenario.allowConsoleErrors?.test(msg.text())) return;
    problems.push(`console error: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`a ${dialog.type()} dialog fired: ${JSON.stringify(dialog.message())}`);
    void dialog.dismiss().catch(() => {});
  });
  const ctx: ScenarioContext = {
    page,
    context,
    baseUrl,
    embed,
    screenshot: async (name, fullPage = false) => {
      const path = `${ARTIFACTS}${name}.png`;
      await page.screenshot({ path, fullPage });
      return path;
    },
    log,
  };
  let reason: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = scenario.timeoutMs ?? 45_000;
    await Promise.race([
      scenario.run(ctx),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    if (problems.length) reason = problems.join('; ');
  } catch (err) {
    reason = [(err as Error).message.split('\n')[0], ...problems].join('; ');
  } finally {
    clearTimeout(timer);
  }
  let screenshot: string | undefined;
  if (reason) screenshot = await ctx.screenshot(`FAILED-${slug(scenario.name)}`, true).catch(() => undefined);
  await context.close().catch(() => {});
  return {
    name: scenario.name,
    ok: !reason,
    ms: Date.now() - started,
    ...(reason ? { reason } : {}),
    ...(screenshot ? { screenshot } : {}),
  };
}
