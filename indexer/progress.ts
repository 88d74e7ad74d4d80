import cliProgress from 'cli-progress';

/** Progress of a run: a bar on a terminal, a plain line now and then otherwise (logs, CI). */
export interface Progress {
  advance(bytes: number, articles: number): void;
  /** A message that must not be garbled by the bar (a bad file). */
  note(message: string): void;
  stop(): void;
}

export function createProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'indexing |{bar}| {percentage}% | {articles} articles | {eta_formatted} left',
        hideCursor: true,
        clearOnComplete: true,
        stream,
      },
      cliProgress.Presets.shades_classic,
    );
    let articles = 0;
    let done = 0;
    bar.start(Math.max(1, Math.round(totalBytes)), 0, { articles });
    return {
      advance(bytes, n) {
        articles += n;
        done += bytes;
        bar.update(Math.round(done), { articles });
      },
      note(message) {
        // Clear the bar's line, print, and let the next update redraw the bar.
        stream.write(`\r\x1b[K${message}\n`);
      },
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let articles = 0;
  let lastPrinted = 0;
  return {
    advance(bytes, n) {
      done += bytes;
      articles += n;
      const percent = totalBytes > 0 ? Math.floor((100 * done) / totalBytes) : 100;
      if (percent >= lastPrinted + 25 && percent < 100) {
        lastPrinted = percent - (percent % 25);
        stream.write(`indexing: ${lastPrinted}% (${articles} articles)\n`);
      }
    },
    note: (message) => stream.write(`${message}\n`),
    stop() {},
  };
}
