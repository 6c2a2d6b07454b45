package dev.rtsc.transcoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the project's scripts (and the npm tools they install) from the repository root. */
final class Scripts {
  /** Enough for a first run that installs the npm tools and Chromium; a warm run takes seconds. */
  private static final long TIMEOUT_MINUTES = 15;

  /** What a command printed (stdout and stderr, interleaved) and how it exited. */
  record Run(int exitCode, String output) {
    @Override
    public String toString() {
      return "exit " + exitCode + ":\n" + output;
    }
  }

  private Scripts() {}

  /** Runs {@code script} with {@code args}, and shows its output in the build log. */
  static Run run(String script, String... args) {
    List<String> command = new ArrayList<>();
    command.add(script);
    command.addAll(Arrays.asList(args));
    return exec(command);
  }

  /** Runs a bash snippet with the npm tools on the PATH (see scripts/lib/node-tools.sh). */
  static Run withNodeTools(String bash) {
    return exec(List.of("bash", "-c", "source scripts/lib/node-tools.sh && " + bash));
  }

  private static Run exec(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      StringBuilder output = new StringBuilder();
      Thread reader =
          new Thread(
              () -> {
                try {
                  output.append(
                      new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      reader.start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
      reader.join();
      // Shown in the build log: a first run installs the npm tools and Chromium here.
      System.out.println("$ " + String.join(" ", command) + "\n" + output);
      return new Run(process.exitValue(), output.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
