package bench.jmh;

import bench.CannedTransport;
import bench.Fixture;
import bench.Http;
import bench.Ours;
import bench.floor.FloorClient;
import bench.floor.FloorException;
import bench.stock.StockClient;
import bench.stock.StockException;
import dev.rtsc.transcoder.CloudTranscoderClient;
import dev.rtsc.transcoder.errors.TaskNotFoundException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Client CPU per call: one destroy through each client against the in-memory {@link
 * CannedTransport}, for the 200 body and for a 404. Run with {@code -prof gc} for bytes per call.
 * Each client has its own state, so a fork loads and warms only the client it measures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CpuBenchmark {

  @Benchmark
  public Object ours(OursState state) {
    try {
      return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
    } catch (TaskNotFoundException e) {
      return e;
    }
  }

  @Benchmark
  public Object stock(StockState state) {
    try {
      return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
    } catch (StockException e) {
      return e;
    }
  }

  @Benchmark
  public Object floor(FloorState state) {
    try {
      return state.client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
    } catch (FloorException e) {
      return e;
    }
  }

  /** The response every call gets: 200 with the task, or 404 with Agora's error body. */
  @State(Scope.Benchmark)
  public abstract static class Canned {
    @Param({"200", "404"})
    public int status;

    OkHttpClient base;
    CannedTransport transport;

    void start() {
      base = Http.base();
      transport = new CannedTransport(status);
    }

    @TearDown
    public void stop() {
      Http.close(base);
    }
  }

  public static class OursState extends Canned {
    CloudTranscoderClient client;

    @Setup
    public void setUp() {
      start();
      client = Ours.client(base, "http://127.0.0.1:8080/", transport);
    }
  }

  public static class StockState extends Canned {
    StockClient client;

    @Setup
    public void setUp() {
      start();
      client =
          new StockClient(
              base,
              "http://127.0.0.1:8080/",
              Fixture.CUSTOMER_ID,
              Fixture.CUSTOMER_SECRET,
              transport);
    }
  }

  public static class FloorState extends Canned {
    FloorClient client;

    @Setup
    public void setUp() {
      start();
      client =
          new FloorClient(
              base.newBuilder().addInterceptor(transport).build(),
              "http://127.0.0.1:8080/",
              Fixture.CUSTOMER_ID,
              Fixture.CUSTOMER_SECRET);
    }
  }
}
