package dev.rtsc.transcoder.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The streams and environment a command runs with; replaced in tests. */
final class Terminal {
  final InputStream in;
  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  final boolean interactive;

  Terminal(
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      boolean interactive) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.env = env;
    this.interactive = interactive;
  }
}
