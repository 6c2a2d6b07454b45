package bench.cold;

import bench.LoopbackServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: the wall time from launching {@code java} to the first completed destroy, one fresh
 * JVM per sample, against a loopback server in this process. The clients take turns within each
 * round, in a shuffled order, so that a slow spell of a shared machine hits all of them alike.
 * Writes the samples and their medians as JSON.
 *
 * <p>{@code java -cp benchmarks.jar bench.cold.ColdStart [--samples 40] [--warmup 3] [--out
 * cold.json]}
 */
public final class ColdStart {
  static final String DONE = "DESTROYED ";

  private static final Map<String, String> MAINS = new LinkedHashMap<>();

  static {
    MAINS.put("ours", OursMain.class.getName());
    MAINS.put("stock", StockMain.class.getName());
    MAINS.put("floor", FloorMain.class.getName());
  }

  private ColdStart() {}

  /** Called by each main once its destroy has completed. */
  static void done(String outcome) {
    System.out.println(DONE + outcome);
    System.out.flush();
  }

  public static void main(String[] args) throws Exception {
    int samples = 40;
    int warmup = 3;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    MAINS.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
    Random random = new Random(42);

    try (LoopbackServer server = LoopbackServer.start(2)) {
      List<String> order = new ArrayList<>(MAINS.keySet());
      for (int round = 0; round < warmup + samples; round++) {
        Collections.shuffle(order, random);
        for (String name : order) {
          double ms = runOnce(java, classpath, MAINS.get(name), server.baseUrl());
          if (round >= warmup) {
            millis.get(name).add(ms);
          }
        }
        if (round >= warmup && (round - warmup + 1) % 10 == 0) {
          System.out.printf("  %d/%d rounds%n", round - warmup + 1, samples);
        }
      }
    }

    StringBuilder json = new StringBuilder("{\n  \"samples\": " + samples + ",\n");
    json.append("  \"warmup\": ").append(warmup).append(",\n  \"clients\": {\n");
    System.out.printf(
        "%-6s %10s %10s %10s %10s%n", "client", "median ms", "p25 ms", "p75 ms", "min ms");
    int n = 0;
    for (Map.Entry<String, List<Double>> entry : millis.entrySet()) {
      double[] sorted =
          entry.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = percentile(sorted, 50);
      double p25 = percentile(sorted, 25);
      double p75 = percentile(sorted, 75);
      System.out.printf(
          Locale.ROOT,
          "%-6s %10.1f %10.1f %10.1f %10.1f%n",
          entry.getKey(),
          median,
          p25,
          p75,
          sorted[0]);
      json.append(
          String.format(
              Locale.ROOT,
              "    \"%s\": {\"median_ms\": %.2f, \"p25_ms\": %.2f, \"p75_ms\": %.2f, \"min_ms\": %.2f,"
                  + " \"samples_ms\": %s}%s%n",
              entry.getKey(),
              median,
              p25,
              p75,
              sorted[0],
              Arrays.toString(
                  entry.getValue().stream()
                      .mapToDouble(d -> Math.round(d * 100) / 100.0)
                      .toArray()),
              ++n < millis.size() ? "," : ""));
    }
    json.append("  }\n}\n");
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, json.toString());
    }
  }

  /** Launches one JVM and returns the milliseconds until it reported its destroy. */
  private static double runOnce(String java, String classpath, String main, String baseUrl)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(java, "-cp", classpath, main, baseUrl).redirectErrorStream(true).start();
    double millis = -1;
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (millis < 0 && line.startsWith(DONE)) {
          millis = (System.nanoTime() - start) / 1e6;
        }
        output.append(line).append('\n');
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(main + " did not exit:\n" + output);
    }
    if (process.exitValue() != 0 || millis < 0) {
      throw new IllegalStateException(
          main + " failed (exit " + process.exitValue() + "):\n" + output);
    }
    return millis;
  }

  private static double percentile(double[] sorted, double p) {
    double rank = p / 100 * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  }
}
