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
  private long lastLineNanos;
  private int done;
  private int destroyed;
  private int gone;
  private int skipped;
  private int invalid;
  private int failed;

  Progress(PrintStream err, Mode mode, boolean interactive, int total) {
    this.err = err;
    this.mode = mode == Mode.AUTO ? (interactive ? Mode.BAR : Mode.LINES) : mode;
    this.total = total;
  }

  synchronized void record(String outcome) {
    done++;
    switch (outcome) {
      case "destroyed":
        destroyed++;
        break;
      case "already_gone":
        gone++;
        break;
      case "skipped":
        skipped++;
        break;
      case "invalid":
        invalid++;
        break;
      default:
        failed++;
    }
    if (mode == Mode.BAR) {
      int filled = total == 0 ? WIDTH : done * WIDTH / total;
      StringBuilder bar = new StringBuilder("\r[");
      for (int i = 0; i < WIDTH; i++) {
        bar.append(i < filled ? '#' : '.');
      }
      err.print(bar.append("] ").append(counts()));
      if (done == total) {
        err.println();
      }
      err.flush();
    } else if (mode == Mode.LINES) {
      long now = System.nanoTime();
      if (done == total || now - lastLineNanos >= 1_000_000_000L) {
        lastLineNanos = now;
        err.println("progress " + counts());
      }
    }
  }

  private String counts() {
    return done
        + "/"
        + total
        + "  destroyed "
        + destroyed
        + "  already gone "
        + gone
        + "  failed "
        + failed
        + (invalid > 0 ? "  invalid " + invalid : "")
        + (skipped > 0 ? "  skipped " + skipped : "");
  }
}
