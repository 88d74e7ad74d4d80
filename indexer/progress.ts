import cliProgress from 'cli-progress';

/** Progress of a run: a bar on a terminal, a plain line now and then otherwise (logs, CI). */
export interface Progress {
  advance(bytes: number, articles: number): void;
  /** A message that must not be garbled by the bar (a bad file). */
  note(message: string): void;
  stop(): void;
}

/** "1m 05s" */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** Articles per second and the time left, from the share of the input read so far. */
class Rate {
  private readonly started = Date.now();
  articles = 0;
  done = 0;

  constructor(private readonly totalBytes: number) {}

  perSecond(): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? this.articles / seconds : 0;
  }

  eta(): string {
    if (this.done <= 0 || this.totalBytes <= 0) return '?';
    const seconds = (Date.now() - this.started) / 1000;
    return formatDuration((seconds * (this.totalBytes - this.done)) / this.done);
  }
}

export function createProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const rate = new Rate(totalBytes);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'indexing |{bar}| {percentage}% | {articles} articles | {rate} articles/s | {eta} left',
        hideCursor: true,
        clearOnComplete: true,
        stream,
      },
      cliProgress.Presets.shades_classic,
    );
    const fields = () => ({
      articles: rate.articles.toLocaleString('en-US'),
      rate: Math.round(rate.perSecond()),
      eta: rate.eta(),
    });
    bar.start(Math.max(1, Math.round(totalBytes)), 0, fields());
    return {
      advance(bytes, n) {
        rate.articles += n;
        rate.done += bytes;
        bar.update(Math.round(rate.done), fields());
      },
      note(message) {
        // Clear the bar's line, print, and let the next update redraw the bar.
        stream.write(`\r\x1b[K${message}\n`);
      },
      stop: () => bar.stop(),
    };
  }
  let lastPrinted = 0;
  return {
    advance(bytes, n) {
      rate.done += bytes;
      rate.articles += n;
      const percent = totalBytes > 0 ? Math.floor((100 * rate.done) / totalBytes) : 100;
      if (percent >= lastPrinted + 10 && percent < 100) {
        lastPrinted = percent - (percent % 10);
        stream.write(
          `indexing: ${lastPrinted}% (${rate.articles.toLocaleString('en-US')} articles, ${Math.round(rate.perSecond())} articles/s, ${rate.eta()} left)\n`,
        );
      }
    },
    note: (message) => stream.write(`${message}\n`),
    stop() {},
  };
}
