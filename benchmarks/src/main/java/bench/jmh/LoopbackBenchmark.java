package bench.jmh;

import bench.Fixture;
import bench.Http;
import bench.LoopbackServer;
import bench.Ours;
import bench.floor.FloorClient;
import bench.stock.StockClient;
import dev.rtsc.transcoder.CloudTranscoderClient;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loopback throughput: destroys per second through each client against a real HTTP server on
 * 127.0.0.1 (in the same JVM, the same for all three) returning the 200 body, with one calling
 * thread and with 16 sharing one client.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoopbackBenchmark {

  @Benchmark
  @Threads(1)
  public Object ours_c1(OursState state) {
    return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
  }

  @Benchmark
  @Threads(16)
  public Object ours_c16(OursState state) {
    return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
  }

  @Benchmark
  @Threads(1)
  public Object stock_c1(StockState state) {
    return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
  }

  @Benchmark
  @Threads(16)
  public Object stock_c16(StockState state) {
    return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
  }

  @Benchmark
  @Threads(1)
  public Object floor_c1(FloorState state) {
    return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
  }

  @Benchmark
  @Threads(16)
  public Object floor_c16(FloorState state) {
    return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
  }

  /** The server and the base OkHttpClient, shared by all threads of one benchmark. */
  @State(Scope.Benchmark)
  public abstract static class Loopback {
    LoopbackServer server;
    OkHttpClient base;

    void start() {
      server = LoopbackServer.start(SERVER_THREADS);
      base = Http.base();
    }

    @TearDown
    public void stop() {
      Http.close(base);
      server.close();
    }
  }

  /** Handler threads of the server: enough for 16 keep-alive connections on 2 cores. */
  static final int SERVER_THREADS = 4;

  public static class OursState extends Loopback {
    CloudTranscoderClient client;

    @Setup
    public void setUp() {
      start();
      client = Ours.client(base, server.baseUrl());
    }
  }

  public static class StockState extends Loopback {
    StockClient client;

    @Setup
    public void setUp() {
      start();
      client =
          new StockClient(
              base, server.baseUrl(), Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET, null);
    }
  }

  public static class FloorState extends Loopback {
    FloorClient client;

    @Setup
    public void setUp() {
      start();
      client =
          new FloorClient(base, server.baseUrl(), Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET);
    }
  }
}
