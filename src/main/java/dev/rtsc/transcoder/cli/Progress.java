package dev.rtsc.transcoder.cli;

import java.io.PrintStream;

/**
 * Shows how a bulk run is going on stderr: a redrawn bar on a terminal, plain lines (at most one
 * per second, plus the last) when the output goes to a file or pipe.
 */
final class Progress {
  enum Mode {
    AUTO,
    BAR,
    LINES,
    NONE
  }

  private static final int WIDTH = 30;

  private final PrintStream err;
  private final Mode mode;
  private final int total;
  private final Counts counts;
  private long lastLineNanos;

  /** Shows {@code counts}, which {@link #record} adds each finished row to. */
  Progress(PrintStream err, Mode mode, boolean interactive, int total, Counts counts) {
    this.err = err;
    this.mode = mode == Mode.AUTO ? (interactive ? Mode.BAR : Mode.LINES) : mode;
    this.total = total;
    this.counts = counts;
  }

  synchronized void record(String outcome) {
    counts.add(outcome);
    int done = counts.done();
    if (mode == Mode.BAR) {
      int filled = total == 0 ? WIDTH : done * WIDTH / total;
      StringBuilder bar = new StringBuilder("\r[");
      for (int i = 0; i < WIDTH; i++) {
        bar.append(i < filled ? '#' : '.');
      }
      err.print(bar.append("] ").append(counts.progress(total)));
      if (done == total) {
        err.println();
      }
      err.flush();
    } else if (mode == Mode.LINES) {
      long now = System.nanoTime();
      if (done == total || now - lastLineNanos >= 1_000_000_000L) {
        lastLineNanos = now;
        err.println("progress " + counts.progress(total));
      }
    }
  }
}
