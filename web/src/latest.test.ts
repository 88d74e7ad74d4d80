import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failureKind } from './api.js';
import { Debounced, LatestOnly, NewerOnly } from './latest.js';

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

describe('NewerOnly', () => {
  it('lets an older answer be drawn while the newest is in flight, never after a newer one', () => {
    const requests = new NewerOnly();
    const a = requests.begin();
    const b = requests.begin();
    expect(a.signal.aborted).toBe(false); // not aborted by the newer request
    expect(a.isNewest()).toBe(false);
    expect(a.mayShow()).toBe(true);
    a.shown();
    expect(b.mayShow()).toBe(true);
    b.shown();
    const c = requests.begin();
    expect(c.isNewest()).toBe(true);
    c.shown();
    expect(b.mayShow()).toBe(false);
  });

  it('drawing an answer aborts every older request', () => {
    const requests = new NewerOnly();
    const a = requests.begin();
    const b = requests.begin();
    const c = requests.begin();
    c.shown();
    expect(a.signal.aborted).toBe(true);
    expect(b.signal.aborted).toBe(true);
    expect(a.mayShow()).toBe(false);
    expect(requests.inFlight).toBe(0);
  });

  it('keeps at most maxInFlight requests, aborting the oldest', () => {
    const requests = new NewerOnly(2);
    const a = requests.begin();
    const b = requests.begin();
    const c = requests.begin();
    expect(a.signal.aborted).toBe(true);
    expect(b.signal.aborted).toBe(false);
    expect(c.signal.aborted).toBe(false);
    expect(requests.inFlight).toBe(2);
  });

  it('cancel() drops everything and nothing in flight may be drawn', () => {
    const requests = new NewerOnly();
    const a = requests.begin();
    requests.cancel();
    expect(a.signal.aborted).toBe(true);
    expect(a.mayShow()).toBe(false);
    expect(requests.begin().mayShow()).toBe(true);
  });
});
