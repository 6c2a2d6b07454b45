package bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a JFR recording of a benchmark: where the bytes were allocated and where the CPU
 * samples fell, as inclusive shares per method (a method's share counts every sample with it
 * anywhere on the stack), so that the library's own costs stand out from OkHttp's and Moshi's.
 *
 * <p>{@code java -cp benchmarks.jar bench.report.JfrSummary FILE.jfr [top]}, for a recording made
 * with {@code -prof "jfr:stackDepth=256"}.
 */
public final class JfrSummary {
  private JfrSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: JfrSummary FILE.jfr [top]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
    print(events, "jdk.ObjectAllocationSample", "allocated bytes", top);
    print(events, "jdk.ExecutionSample", "CPU samples", top);
  }

  private static void print(List<RecordedEvent> events, String type, String what, int top) {
    Map<String, Double> inclusive = new HashMap<>();
    Map<String, Double> self = new HashMap<>();
    double total = 0;
    int samples = 0;
    for (RecordedEvent event : events) {
      if (!event.getEventType().getName().equals(type)) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || !onBenchmarkThread(event)) {
        continue;
      }
      double weight = type.equals("jdk.ObjectAllocationSample") ? event.getLong("weight") : 1;
      total += weight;
      samples++;
      Set<String> seen = new HashSet<>();
      boolean first = true;
      for (RecordedFrame frame : stack.getFrames()) {
        String name = name(frame.getMethod());
        if (first) {
          String site =
              type.equals("jdk.ObjectAllocationSample")
                  ? event.getClass("objectClass").getName() + " in " + name
                  : name;
          self.merge(site, weight, Double::sum);
          first = false;
        }
        if (seen.add(name)) {
          inclusive.merge(name, weight, Double::sum);
        }
      }
    }
    System.out.printf("%n== %s: %d samples ==%n", what, samples);
    if (samples == 0) {
      return;
    }
    System.out.println("-- inclusive, by method --");
    printTop(inclusive, total, top);
    System.out.println(
        "-- self, by " + (what.startsWith("CPU") ? "method" : "class and site") + " --");
    printTop(self, total, top / 2);
  }

  /** JMH's worker threads; deep stacks are cut at their bottom, so the frames cannot tell. */
  private static boolean onBenchmarkThread(RecordedEvent event) {
    RecordedThread thread =
        event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
    return thread != null
        && thread.getJavaName() != null
        && thread.getJavaName().contains("jmh-worker");
  }

  private static void printTop(Map<String, Double> shares, double total, int top) {
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(shares.entrySet());
    sorted.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    for (int i = 0; i < Math.min(top, sorted.size()); i++) {
      System.out.printf(
          "%6.1f%%  %s%n", 100 * sorted.get(i).getValue() / total, sorted.get(i).getKey());
    }
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }
}
