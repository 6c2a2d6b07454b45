package bench.paired;

import bench.CannedTransport;
import bench.Fixture;
import bench.Http;
import bench.Ours;
import bench.floor.FloorClient;
import bench.stock.StockClient;
import dev.rtsc.transcoder.CloudTranscoderClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import okhttp3.OkHttpClient;

/**
 * A paired check of the CPU scenario that a shared machine cannot skew: the three clients run in
 * one JVM, in short batches that take turns in shuffled order, so every round measures all of them
 * under the same conditions, and the ratio to the floor is taken per round. Reports the median
 * ratio over the rounds and its interquartile range, from the benchmark thread's CPU time (time
 * spent waiting for a core is not counted). JMH's CpuBenchmark measures each client in a JVM of its
 * own, which is cleaner for the JIT but leaves each figure exposed to whatever else the machine did
 * during its minute.
 *
 * <p>{@code java -cp benchmarks.jar bench.paired.PairedCpu [--warmup-seconds 20] [--rounds 60]
 * [--out paired.json]}
 */
public final class PairedCpu {
  private static final String[] CLIENTS = {"ours", "stock", "floor"};
  private static final int[] STATUSES = {200, 404};
  private static final long BATCH_NANOS = 40_000_000L;

  private PairedCpu() {}

  public static void main(String[] args) throws Exception {
    int warmupSeconds = 20;
    int rounds = 60;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    OkHttpClient base = Http.base();
    Map<String, Runnable> calls = new LinkedHashMap<>();
    for (int status : STATUSES) {
      for (String client : CLIENTS) {
        calls.put(client + " " + status, call(client, status, base));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<String> order = new ArrayList<>(calls.keySet());
    Random random = new Random(7);

    // Warm-up: every client in turn until the JIT has settled; also sizes each batch to ~40 ms.
    Map<String, Integer> batch = new LinkedHashMap<>();
    long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    while (System.nanoTime() < warmupEnd) {
      Collections.shuffle(order, random);
      for (String name : order) {
        int n = 200;
        long start = System.nanoTime();
        run(calls.get(name), n);
        long perCall = Math.max(1, (System.nanoTime() - start) / n);
        batch.put(name, (int) Math.max(100, BATCH_NANOS / perCall));
      }
    }

    Map<String, List<Double>> samples = new LinkedHashMap<>();
    calls.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      Collections.shuffle(order, random);
      for (String name : order) {
        int n = batch.get(name);
        long start = threads.getCurrentThreadCpuTime();
        run(calls.get(name), n);
        samples.get(name).add((threads.getCurrentThreadCpuTime() - start) / (double) n);
      }
    }
    Http.close(base);

    StringBuilder json = new StringBuilder("{\n  \"rounds\": " + rounds + ",\n  \"results\": {\n");
    System.out.printf(
        "%-10s %14s %24s %24s%n", "", "median ns/op", "ours/floor [IQR]", "ours/stock [IQR]");
    for (int s = 0; s < STATUSES.length; s++) {
      int status = STATUSES[s];
      List<Double> ours = samples.get("ours " + status);
      List<Double> toFloor = ratios(ours, samples.get("floor " + status));
      List<Double> toStock = ratios(ours, samples.get("stock " + status));
      for (String client : CLIENTS) {
        System.out.printf(
            Locale.ROOT,
            "%-10s %14.0f%n",
            client + " " + status,
            median(samples.get(client + " " + status)));
      }
      System.out.printf(
          Locale.ROOT,
          "%-10s %14s %24s %24s%n",
          status,
          "",
          String.format(
              Locale.ROOT, "%.2f [%.2f–%.2f]", median(toFloor), q(toFloor, 25), q(toFloor, 75)),
          String.format(
              Locale.ROOT, "%.2f [%.2f–%.2f]", median(toStock), q(toStock, 25), q(toStock, 75)));
      json.append(
          String.format(
              Locale.ROOT,
              "    \"%d\": {\"ours_ns\": %.1f, \"stock_ns\": %.1f, \"floor_ns\": %.1f,"
                  + " \"ours_floor\": [%.3f, %.3f, %.3f], \"ours_stock\": [%.3f, %.3f, %.3f]}%s%n",
              status,
              median(ours),
              median(samples.get("stock " + status)),
              median(samples.get("floor " + status)),
              q(toFloor, 25),
              median(toFloor),
              q(toFloor, 75),
              q(toStock, 25),
              median(toStock),
              q(toStock, 75),
              s + 1 < STATUSES.length ? "," : ""));
    }
    json.append("  }\n}\n");
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, json.toString());
    }
  }

  private static Runnable call(String client, int status, OkHttpClient base) {
    String url = "http://127.0.0.1:8080/";
    CannedTransport canned = new CannedTransport(status);
    switch (client) {
      case "ours" -> {
        CloudTranscoderClient ours = Ours.client(base, url, canned);
        return () -> {
          try {
            sink = ours.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
          } catch (RuntimeException expectedFor404) {
            sink = expectedFor404;
          }
        };
      }
      case "stock" -> {
        StockClient stock =
            new StockClient(base, url, Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET, canned);
        return () -> {
          try {
            sink = stock.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
          } catch (RuntimeException expectedFor404) {
            sink = expectedFor404;
          }
        };
      }
      default -> {
        FloorClient floor =
            new FloorClient(
                base.newBuilder().addInterceptor(canned).build(),
                url,
                Fixture.CUSTOMER_ID,
                Fixture.CUSTOMER_SECRET);
        return () -> {
          try {
            sink = floor.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
          } catch (RuntimeException expectedFor404) {
            sink = expectedFor404;
          }
        };
      }
    }
  }

  /** Keeps results reachable so that the JIT cannot drop the calls. */
  static volatile Object sink;

  private static void run(Runnable call, int times) {
    for (int i = 0; i < times; i++) {
      call.run();
    }
  }

  private static List<Double> ratios(List<Double> a, List<Double> b) {
    List<Double> result = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      result.add(a.get(i) / b.get(i));
    }
    return result;
  }

  private static double median(List<Double> values) {
    return q(values, 50);
  }

  private static double q(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double rank = p / 100 * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  }
}
