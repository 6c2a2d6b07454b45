package dev.rtsc.transcoder.cli;

import java.nio.file.Path;

/**
 * How the rows of a bulk run ended so far, by outcome; shared by the progress display and the
 * closing summary. Rows finish on several threads.
 */
final class Counts {
  private int done;
  private int destroyed;
  private int gone;
  private int skipped;
  private int invalid;
  private int failed;

  synchronized void add(String outcome) {
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
  }

  synchronized int done() {
    return done;
  }

  /** Whether every row so far was destroyed, already gone or skipped. */
  synchronized boolean noneFailed() {
    return failed + invalid == 0;
  }

  /** For example {@code 12/40 destroyed 11 already gone 1 failed 0}. */
  synchronized String progress(int total) {
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

  /** The closing line of a run over {@code total} rows, pointing at the report if there is one. */
  synchronized String summary(int total, Path report) {
    return total
        + " rows: "
        + destroyed
        + " destroyed, "
        + gone
        + " already gone, "
        + failed
        + " failed, "
        + invalid
        + " invalid, "
        + skipped
        + " skipped"
        + (report == null ? "" : ". Report: " + report)
        + (failed + invalid == 0 ? "" : ". Rerun with --resume <report> to retry the rest.");
  }
}
