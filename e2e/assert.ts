/** Assertions for the e2e scenarios (playwright-core has no test runner): plain checks and polling ones. */

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

/** `value` when it is there; a failed check naming `what` when it is not. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new CheckFailed(`${what} is missing`);
  return value;
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new CheckFailed(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/**
 * Polls `probe` until `ok(value)` holds or the time is up; the failure message shows the last value seen, so a
 * failure says what the page looked like rather than just "timed out".
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const seen = lastError && last === undefined ? `error ${(lastError as Error).message}` : JSON.stringify(last);
      throw new CheckFailed(`${what} (after ${timeoutMs} ms; last seen: ${seen?.slice(0, 400)})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
