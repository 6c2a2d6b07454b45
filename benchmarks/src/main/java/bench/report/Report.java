package bench.report;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Turns the raw results of one {@code scripts/bench} run (JMH JSON, cold-start JSON) into the
 * Markdown tables of BENCHMARKS.md: the three clients side by side, each figure with its 99.9%
 * confidence interval, the ratios against the floor measured in the same run, and whether each
 * target is met.
 *
 * <p>{@code java -cp benchmarks.jar bench.report.Report benchmarks/target/results}
 */
public final class Report {
  private static final String[] CLIENTS = {"ours", "stock", "floor"};

  private final StringBuilder out = new StringBuilder();
  private final List<String> verdicts = new ArrayList<>();

  private Report() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
    Report report = new Report();
    report.write(dir);
    System.out.print(report.out);
  }

  private void write(Path dir) throws IOException {
    List<List<Map<String, Object>>> cpu = readJmh(dir, "cpu");
    List<List<Map<String, Object>>> loopback = readJmh(dir, "loopback");
    Path cold = dir.resolve("cold.json");

    if (!cpu.isEmpty()) {
      line("### Client CPU per call (in-memory transport)");
      line("");
      line(
          "Mean ± 99.9% confidence interval over all measurement iterations ("
              + cpu.size()
              + (cpu.size() == 1 ? " run" : " runs, interleaved")
              + "). `time` is JMH's wall-clock time per call, `cpu` the process CPU time per call,"
              + " `alloc` the bytes allocated per call (`-prof gc`).");
      line("");
      line(
          "| response | metric | ours | stock | floor | ours / floor | per run | target | ours /"
              + " stock |");
      line("|---|---|---:|---:|---:|---:|---|---|---:|");
      for (String status : new String[] {"200", "404"}) {
        cpuRow(cpu, status, "time", null, "ns", 1.10);
        cpuRow(cpu, status, "cpu", "cpu.time.norm", "ns", Double.NaN);
        cpuRow(cpu, status, "alloc", "gc.alloc.rate.norm", "B", 1.25);
      }
      line("");
    }

    if (!loopback.isEmpty()) {
      line("### Loopback throughput (JDK HttpServer on 127.0.0.1, 200 body)");
      line("");
      line("| calling threads | ours | stock | floor | ours / floor | target | ours / stock |");
      line("|---|---:|---:|---:|---:|---|---:|");
      for (String threads : new String[] {"1", "16"}) {
        Stat[] stats = new Stat[CLIENTS.length];
        for (int i = 0; i < CLIENTS.length; i++) {
          stats[i] = stat(loopback, "LoopbackBenchmark." + CLIENTS[i] + "_c" + threads, null, null);
        }
        if (stats[0] == null || stats[2] == null) {
          continue;
        }
        Ratio toFloor = ratio(stats[0], stats[2]);
        Ratio toStock = stats[1] == null ? null : ratio(stats[0], stats[1]);
        String verdict = verdict(toFloor.value >= 0.95, "≥ 0.95");
        verdicts.add("loopback c" + threads + " ours/floor " + toFloor + ": " + verdict);
        line(
            "| "
                + threads
                + " | "
                + format(stats[0], "ops/s")
                + " | "
                + format(stats[1], "ops/s")
                + " | "
                + format(stats[2], "ops/s")
                + " | "
                + toFloor
                + " | "
                + verdict
                + " | "
                + (toStock == null ? "" : toStock)
                + " |");
      }
      line("");
    }

    Path paired = dir.resolve("paired.json");
    if (Files.exists(paired)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> json =
          (Map<String, Object>)
              new Moshi.Builder().build().adapter(Object.class).fromJson(Files.readString(paired));
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> results =
          (Map<String, Map<String, Object>>) json.get("results");
      line("### Client CPU per call, paired check (one JVM, clients taking turns)");
      line("");
      line(
          "Median over "
              + (int) number(json.get("rounds"))
              + " rounds of the per-round ratio of the benchmark thread's CPU time per call"
              + " (interquartile range in brackets); see BENCHMARKS.md for why.");
      line("");
      line("| response | ours | stock | floor | ours / floor | target | ours / stock |");
      line("|---|---:|---:|---:|---:|---|---:|");
      for (String status : new String[] {"200", "404"}) {
        Map<String, Object> result = results.get(status);
        @SuppressWarnings("unchecked")
        List<Object> toFloor = (List<Object>) result.get("ours_floor");
        @SuppressWarnings("unchecked")
        List<Object> toStock = (List<Object>) result.get("ours_stock");
        double median = number(toFloor.get(1));
        String verdict = verdict(median <= 1.10, "≤ 1.10");
        verdicts.add(
            String.format(
                Locale.ROOT, "%s paired cpu ours/floor %.2f: %s", status, median, verdict));
        line(
            String.format(
                Locale.ROOT,
                "| %s | %.2f µs | %.2f µs | %.2f µs | %.2f [%.2f–%.2f] | %s | %.2f [%.2f–%.2f] |",
                status,
                number(result.get("ours_ns")) / 1000,
                number(result.get("stock_ns")) / 1000,
                number(result.get("floor_ns")) / 1000,
                median,
                number(toFloor.get(0)),
                number(toFloor.get(2)),
                verdict,
                number(toStock.get(1)),
                number(toStock.get(0)),
                number(toStock.get(2))));
      }
      line("");
    }

    if (Files.exists(cold)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> json =
          (Map<String, Object>)
              new Moshi.Builder().build().adapter(Object.class).fromJson(Files.readString(cold));
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> clients =
          (Map<String, Map<String, Object>>) json.get("clients");
      line("### Cold start (JVM launch to first completed destroy)");
      line("");
      line(
          "Median of "
              + (int) number(json.get("samples"))
              + " fresh JVMs per client (interquartile range in brackets), the clients taking"
              + " turns in shuffled order.");
      line("");
      line("| | ours | stock | floor | ours / floor | target | ours / stock |");
      line("|---|---:|---:|---:|---:|---|---:|");
      double ours = number(clients.get("ours").get("median_ms"));
      double stock = number(clients.get("stock").get("median_ms"));
      double floor = number(clients.get("floor").get("median_ms"));
      String verdict = verdict(ours / floor <= 1.3, "≤ 1.30");
      verdicts.add(
          String.format(Locale.ROOT, "cold start ours/floor %.2f: %s", ours / floor, verdict));
      line(
          String.format(
              Locale.ROOT,
              "| median | %s | %s | %s | %.2f | %s | %.2f |",
              coldCell(clients.get("ours")),
              coldCell(clients.get("stock")),
              coldCell(clients.get("floor")),
              ours / floor,
              verdict,
              ours / stock));
      line("");
    }

    Path conditions = dir.resolve("conditions.txt");
    if (Files.exists(conditions)) {
      line("### Conditions");
      line("");
      line("```");
      out.append(Files.readString(conditions));
      line("```");
      line("");
    }

    line("### Targets");
    line("");
    for (String verdict : verdicts) {
      line("- " + verdict);
    }
  }

  private void cpuRow(
      List<List<Map<String, Object>>> runs,
      String status,
      String label,
      String secondary,
      String unit,
      double target) {
    Stat[] stats = new Stat[CLIENTS.length];
    for (int i = 0; i < CLIENTS.length; i++) {
      stats[i] = stat(runs, "CpuBenchmark." + CLIENTS[i], status, secondary);
    }
    if (stats[0] == null || stats[2] == null) {
      return;
    }
    Ratio toFloor = ratio(stats[0], stats[2]);
    Ratio toStock = stats[1] == null ? null : ratio(stats[0], stats[1]);
    String verdict = "";
    if (!Double.isNaN(target)) {
      verdict = verdict(toFloor.value <= target, String.format(Locale.ROOT, "≤ %.2f", target));
      verdicts.add(status + " " + label + " ours/floor " + toFloor + ": " + verdict);
    }
    if (label.equals("time") && toStock != null) {
      String vsStock = verdict(toStock.value <= 1.0, "≤ 1.00");
      verdicts.add(status + " time ours/stock " + toStock + ": " + vsStock);
    }
    List<String> perRun = new ArrayList<>();
    for (List<Map<String, Object>> run : runs) {
      Stat ours = stat(List.of(run), "CpuBenchmark.ours", status, secondary);
      Stat floor = stat(List.of(run), "CpuBenchmark.floor", status, secondary);
      if (ours != null && floor != null) {
        perRun.add(String.format(Locale.ROOT, "%.2f", ours.mean / floor.mean));
      }
    }
    line(
        "| "
            + status
            + " | "
            + label
            + " | "
            + format(stats[0], unit)
            + " | "
            + format(stats[1], unit)
            + " | "
            + format(stats[2], unit)
            + " | "
            + toFloor
            + " | "
            + String.join(", ", perRun)
            + " | "
            + verdict
            + " | "
            + (toStock == null ? "" : toStock)
            + " |");
  }

  /** All measurement iterations of one benchmark across runs, pooled. */
  private static Stat stat(
      List<List<Map<String, Object>>> runs, String benchmark, String status, String secondary) {
    List<Double> raw = new ArrayList<>();
    for (List<Map<String, Object>> run : runs) {
      for (Map<String, Object> result : run) {
        String name = (String) result.get("benchmark");
        if (!name.endsWith("." + benchmark)) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) result.get("params");
        if (status != null && (params == null || !status.equals(params.get("status")))) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metric =
            secondary == null
                ? (Map<String, Object>) result.get("primaryMetric")
                : ((Map<String, Map<String, Object>>) result.get("secondaryMetrics"))
                    .get(secondary);
        if (metric == null) {
          continue;
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> forks = (List<List<Object>>) metric.get("rawData");
        for (List<Object> fork : forks) {
          for (Object value : fork) {
            raw.add(number(value));
          }
        }
      }
    }
    if (raw.isEmpty()) {
      return null;
    }
    double mean = raw.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double error = 0;
    if (raw.size() > 1) {
      double variance =
          raw.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (raw.size() - 1);
      double t = new TDistribution(raw.size() - 1).inverseCumulativeProbability(0.9995);
      error = t * Math.sqrt(variance / raw.size());
    }
    return new Stat(mean, error);
  }

  private static Ratio ratio(Stat a, Stat b) {
    double value = a.mean / b.mean;
    double relative = Math.sqrt(square(a.error / a.mean) + square(b.error / b.mean));
    return new Ratio(value, value * relative);
  }

  private static List<List<Map<String, Object>>> readJmh(Path dir, String prefix)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .collect(Collectors.toList());
    }
    List<List<Map<String, Object>>> runs = new ArrayList<>();
    for (Path file : files) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> run =
          (List<Map<String, Object>>)
              new Moshi.Builder().build().adapter(Object.class).fromJson(Files.readString(file));
      runs.add(run);
    }
    return runs;
  }

  private static String format(Stat stat, String unit) {
    if (stat == null) {
      return "";
    }
    String scaled =
        switch (unit) {
          case "ns" ->
              String.format(Locale.ROOT, "%.2f ± %.2f µs", stat.mean / 1000, stat.error / 1000);
          case "B" -> String.format(Locale.ROOT, "%,.0f ± %.0f B", stat.mean, stat.error);
          default -> String.format(Locale.ROOT, "%,.0f ± %,.0f", stat.mean, stat.error);
        };
    return scaled;
  }

  private static String coldCell(Map<String, Object> client) {
    return String.format(
        Locale.ROOT,
        "%.0f ms [%.0f–%.0f]",
        number(client.get("median_ms")),
        number(client.get("p25_ms")),
        number(client.get("p75_ms")));
  }

  private static String verdict(boolean met, String target) {
    return (met ? "met " : "**missed** ") + target;
  }

  private static double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      return s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
    }
    throw new IllegalArgumentException("not a number: " + value);
  }

  private static double square(double x) {
    return x * x;
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private record Stat(double mean, double error) {}

  private record Ratio(double value, double error) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.2f ± %.2f", value, error);
    }
  }
}
