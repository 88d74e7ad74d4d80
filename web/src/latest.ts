/**
 * "Only the newest answer counts": each request started through `begin()` aborts the one before it, and its
 * `isCurrent()` stays true only until the next begins. Aborting alone is not enough (a response may already be
 * parsed when the next keystroke lands), so callers check isCurrent() before they render.
 */
export interface Ticket {
  signal: AbortSignal;
  isCurrent(): boolean;
}

export class LatestOnly {
  private seq = 0;
  private controller: AbortController | undefined;

  begin(): Ticket {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const mine = ++this.seq;
    return { signal: controller.signal, isCurrent: () => mine === this.seq };
  }

  /** Drops whatever is in flight (e.g. the box was cleared). */
  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.seq++;
  }
}

/** A debounced call that can also be run at once (Enter) or dropped. */
export class Debounced {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly fn: () => void,
    private readonly ms: number,
  ) {}

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fn();
    }, this.ms);
  }

  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.fn();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }
}
