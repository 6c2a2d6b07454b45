package bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallTreeTest {
  private static final List<String> STACKS =
      List.of(
          "Thread.run;Bench_jmhStub;Bench.ours;dev/rtsc/transcoder/Client.destroyTask;okhttp3/HttpUrl.get 30",
          "Thread.run;Bench_jmhStub;Bench.ours;dev/rtsc/transcoder/Client.destroyTask;Failure.exception 50",
          "Thread.run;Bench_jmhStub;Bench.ours;dev/rtsc/transcoder/Client.destroyTask 10",
          "Thread.run;Bench_jmhStub;Bench.ours;java/util/UUID.randomUUID 10",
          "GC Thread;G1 work 40");

  @Test
  void framesShowTheirShareOfTheBenchmarksSamplesTimesTheTimePerCall() {
    String tree = CallTree.render(STACKS, 1000, "Bench.ours", 5, 0.0);

    assertEquals(
        String.join(
            System.lineSeparator(),
            "100 samples under Bench.ours of 100 in the benchmark, 1000 ns per call in all",
            "    900 ns  Client.destroyTask",
            "      500 ns  Failure.exception",
            "      300 ns  o.HttpUrl.get",
            "    100 ns  java.util.UUID.randomUUID",
            ""),
        tree);
  }

  @Test
  void aDeeperRootKeepsTheWholeCallAsItsScale() {
    String tree = CallTree.render(STACKS, 1000, "Client.destroyTask", 5, 0.0);

    assertEquals(
        String.join(
            System.lineSeparator(),
            "90 samples under Client.destroyTask of 100 in the benchmark, 1000 ns per call in all",
            "    500 ns  Failure.exception",
            "    300 ns  o.HttpUrl.get",
            ""),
        tree);
  }

  @Test
  void framesBelowTheMinimumShareAndTheDepthAreLeftOut() {
    String tree = CallTree.render(STACKS, 1000, "Bench.ours", 1, 0.2);

    assertEquals(
        String.join(
            System.lineSeparator(),
            "100 samples under Bench.ours of 100 in the benchmark, 1000 ns per call in all",
            "    900 ns  Client.destroyTask",
            ""),
        tree);
  }

  @Test
  void aRootThatNoStackHasGivesNothing() {
    assertNull(CallTree.render(STACKS, 1000, "Bench.floor", 5, 0.0));
  }
}
