import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failureKind } from './api.js';
import { Debounced, LatestOnly } from './latest.js';

describe('LatestOnly', () => {
  it('keeps only the newest request current and aborts the older one', () => {
    const latest = new LatestOnly();
    const first = latest.begin();
    const second = latest.begin();
    expect(first.isCurrent()).toBe(false);
    expect(first.signal.aborted).toBe(true);
    expect(second.isCurrent()).toBe(true);
    expect(second.signal.aborted).toBe(false);
  });

  it('an answer that resolves late is recognised as stale', async () => {
    const latest = new LatestOnly();
    const shown: string[] = [];
    const request = (q: string, ms: number) => {
      const ticket = latest.begin();
      return new Promise<void>((r) => setTimeout(r, ms)).then(() => {
        if (ticket.isCurrent()) shown.push(q);
      });
    };
    await Promise.all([request('slow old', 30), request('fast new', 1)]);
    expect(shown).toEqual(['fast new']);
  });

  it('cancel() makes nothing current', () => {
    const latest = new LatestOnly();
    const ticket = latest.begin();
    latest.cancel();
    expect(ticket.isCurrent()).toBe(false);
    expect(ticket.signal.aborted).toBe(true);
  });
});

describe('Debounced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after the last call', () => {
    const fn = vi.fn();
    const d = new Debounced(fn, 100);
    d.schedule();
    vi.advanceTimersByTime(80);
    d.schedule();
    vi.advanceTimersByTime(80);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('flush runs a pending call now, cancel drops it', () => {
    const fn = vi.fn();
    const d = new Debounced(fn, 100);
    d.schedule();
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
    d.schedule();
    d.cancel();
    vi.advanceTimersByTime(200);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('failureKind', () => {
  it.each([
    [503, 'unavailable'],
    [502, 'unavailable'],
    [504, 'unavailable'],
    [429, 'rate-limited'],
    [400, 'bad-request'],
    [404, 'not-found'],
    [500, 'other'],
  ] as const)('%d → %s', (status, kind) => {
    expect(failureKind(status)).toBe(kind);
  });
});
