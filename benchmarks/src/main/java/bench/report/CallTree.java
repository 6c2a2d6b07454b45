package bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints where a benchmark call's time goes, as a tree of inclusive nanoseconds per call, from
 * async-profiler's collapsed stacks ({@code -prof "async:output=collapsed"}). A frame's figure is
 * the share of the benchmark method's samples that have it on the stack, times the benchmark's
 * measured time per call, so two clients profiled the same way can be compared piece by piece.
 *
 * <p>Shares are of the samples inside JMH's benchmark stub, so a {@code ROOT} deeper in the call
 * shows its pieces' own cost per call.
 *
 * <p>{@code java -cp benchmarks.jar bench.report.CallTree FILE.csv NS_PER_CALL ROOT [depth]
 * [min-share]}: {@code NS_PER_CALL} is a number or JMH's JSON result of the same run ({@code -rf
 * json}), whose score is used; {@code ROOT} is a substring of the frame to start from, for example
 * {@code CpuBenchmark.ours}; frames below {@code min-share} (default 0.01) of the root are left
 * out. {@code scripts/profile} runs it for ours and the floor.
 */
public final class CallTree {
  private final Map<String, CallTree> children = new LinkedHashMap<>();
  private long samples;

  private CallTree() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: CallTree FILE.csv NS_PER_CALL ROOT [depth] [min-share]");
      System.exit(2);
    }
    double nsPerCall = nsPerCall(args[1]);
    String root = args[2];
    int depth = args.length > 3 ? Integer.parseInt(args[3]) : 6;
    double minShare = args.length > 4 ? Double.parseDouble(args[4]) : 0.01;

    String text = render(Files.readAllLines(Path.of(args[0])), nsPerCall, root, depth, minShare);
    if (text == null) {
      System.err.println("no samples under a frame containing '" + root + "'");
      System.exit(1);
    }
    System.out.print(text);
  }

  /**
   * The tree under the first frame containing {@code root} in each stack of {@code collapsed}
   * (async-profiler's "frame;frame;frame count" lines), or null when no stack has such a frame.
   */
  static String render(
      List<String> collapsed, double nsPerCall, String root, int depth, double minShare) {
    CallTree tree = new CallTree();
    long perCall = 0; // samples inside JMH's stub: the whole of the measured calls
    for (String line : collapsed) {
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String stack = line.substring(0, space);
      String[] frames = stack.split(";");
      long count = Long.parseLong(line.substring(space + 1).trim());
      if (stack.contains("_jmhStub")) {
        perCall += count;
      }
      for (int i = 0; i < frames.length; i++) {
        if (frames[i].contains(root)) {
          tree.add(frames, i + 1, count);
          break;
        }
      }
    }
    if (tree.samples == 0) {
      return null;
    }
    // Scaled by the benchmark's samples, so that a subtree shows its own share of a call.
    long base = perCall > 0 ? perCall : tree.samples;
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d samples under %s of %d in the benchmark, %.0f ns per call in all%n",
            tree.samples,
            root,
            base,
            nsPerCall));
    tree.print(out, "", depth, nsPerCall / base, minShare * tree.samples);
    return out.toString();
  }

  /** A number, or the primary score in a JMH JSON result file (one benchmark, ns/op). */
  private static double nsPerCall(String arg) throws IOException {
    if (!arg.endsWith(".json")) {
      return Double.parseDouble(arg);
    }
    Matcher score =
        Pattern.compile("\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([0-9.eE+-]+)")
            .matcher(Files.readString(Path.of(arg)));
    if (!score.find()) {
      throw new IllegalArgumentException("no primaryMetric score in " + arg);
    }
    return Double.parseDouble(score.group(1));
  }

  private void add(String[] frames, int from, long count) {
    samples += count;
    if (from < frames.length) {
      children
          .computeIfAbsent(shorten(frames[from]), k -> new CallTree())
          .add(frames, from + 1, count);
    }
  }

  private void print(
      StringBuilder out, String indent, int depth, double nsPerSample, double minSamples) {
    List<Map.Entry<String, CallTree>> sorted = new ArrayList<>(children.entrySet());
    sorted.sort((a, b) -> Long.compare(b.getValue().samples, a.getValue().samples));
    for (Map.Entry<String, CallTree> child : sorted) {
      if (child.getValue().samples < minSamples) {
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%s%7.0f ns  %s%n",
              indent,
              child.getValue().samples * nsPerSample,
              child.getKey()));
      if (depth > 1) {
        child.getValue().print(out, indent + "  ", depth - 1, nsPerSample, minSamples);
      }
    }
  }

  private static String shorten(String frame) {
    return frame
        .replace('/', '.')
        .replace("dev.rtsc.transcoder.", "")
        .replace("okhttp3.internal.", "o.i.")
        .replace("okhttp3.", "o.")
        .replace("java.lang.", "");
  }
}
