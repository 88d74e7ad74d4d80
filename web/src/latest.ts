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

/** A request of a NewerOnly: its answer may be drawn while nothing newer has been drawn. */
export interface SequencedTicket {
  signal: AbortSignal;
  /** No request started after this one. */
  isNewest(): boolean;
  /** Nothing newer is on screen: an answer that arrives now may still be drawn (an intermediate one). */
  mayShow(): boolean;
  /** This answer is now on screen: requests older than it can never be drawn and are aborted. */
  shown(): void;
}

/**
 * Searches while typing: a new request does not abort the ones in flight (the server finishes them anyway), so an
 * answer for a few letters ago can still be drawn while the newest is on its way — results follow the typing even
 * when the server is slower than the typist. Answers are drawn newest-only: once one is on screen, every older
 * request is aborted and its answer dropped; at most `maxInFlight` requests are kept, the oldest aborted first.
 */
export class NewerOnly {
  private seq = 0;
  private drawn = 0;
  private readonly live = new Map<number, AbortController>();

  constructor(private readonly maxInFlight = 3) {}

  begin(): SequencedTicket {
    const mine = ++this.seq;
    const controller = new AbortController();
    this.live.set(mine, controller);
    for (const [seq, c] of this.live) {
      if (this.live.size <= this.maxInFlight) break;
      c.abort();
      this.live.delete(seq);
    }
    const done = () => this.live.delete(mine);
    controller.signal.addEventListener('abort', done, { once: true });
    return {
      signal: controller.signal,
      isNewest: () => mine === this.seq,
      mayShow: () => mine > this.drawn && !controller.signal.aborted,
      shown: () => {
        this.drawn = Math.max(this.drawn, mine);
        done();
        for (const [seq, c] of this.live)
          if (seq < mine) {
            c.abort();
            this.live.delete(seq);
          }
      },
    };
  }

  /** Drops everything in flight (nothing may be drawn until the next begin()). */
  cancel(): void {
    for (const c of this.live.values()) c.abort();
    this.live.clear();
    this.drawn = ++this.seq;
  }

  get inFlight(): number {
    return this.live.size;
  }
}
