package bench.jmh;

import bench.Fixture;
import dev.rtsc.transcoder.errors.CloudTranscoderServiceException;
import dev.rtsc.transcoder.errors.ErrorDetails;
import dev.rtsc.transcoder.generated.api.CloudTranscoderApi;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttp;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where ours spends more than the floor per call, piece by piece, through public API only: the
 * richer exception, the request builder, and the header copy that the library's interceptor makes
 * when the caller's OkHttpClient has interceptors of its own. Not part of scripts/bench; run it
 * when the CPU ratios move: {@code java -jar benchmarks/target/benchmarks.jar ErrorPathBenchmark
 * -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ErrorPathBenchmark {
  private static final String REQUEST_ID = "3f2c9a6e-1b7d-4c8e-9a51-2d64f0b7c913";
  private static final String BODY = "{\"message\": \"task not found\"}";
  private static final String AUTHORIZATION =
      okhttp3.Credentials.basic(Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET);

  private static final String USER_AGENT = "cloud-transcoder-client/0.1.0 okhttp/" + OkHttp.VERSION;

  private final HttpUrl base = HttpUrl.get("http://127.0.0.1:8080/");
  private final CloudTranscoderApi.DestroyCloudTranscodingTaskRequests requests =
      new CloudTranscoderApi.DestroyCloudTranscodingTaskRequests(base);
  private final Request request =
      requests
          .newBuilder(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN, REQUEST_ID)
          .build();

  /** What ours builds for a 404: details with raw body and ids, then TaskNotFoundException. */
  @Benchmark
  public Object oursException() {
    return CloudTranscoderServiceException.forStatus(
        ErrorDetails.of(404, "task not found", BODY, REQUEST_ID, Fixture.RESOURCE_ID)
            .withHistory(List.of(), false));
  }

  /** What the floor builds for a 404. */
  @Benchmark
  public Object floorException() {
    return new RuntimeException(
        "HTTP " + 404 + ": " + "task not found" + " (request-id: " + REQUEST_ID + ")");
  }

  /**
   * Ours: the request from the generated builder the client keeps per base URL (fixed segments
   * encoded once), with the headers added before it is built, as when the caller's OkHttpClient has
   * no interceptors.
   */
  @Benchmark
  public Request oursRequest() {
    return requests
        .newBuilder(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN, REQUEST_ID)
        .header("Authorization", AUTHORIZATION)
        .header("Content-Type", "application/json")
        .header("User-Agent", USER_AGENT)
        .build();
  }

  /** Ours before: a builder per call, encoding every path segment, as the static method does. */
  @Benchmark
  public Request oursRequestPerCallBuilder() {
    return CloudTranscoderApi.destroyCloudTranscodingTaskRequest(
        base, Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN, REQUEST_ID);
  }

  /**
   * Ours, when the caller's OkHttpClient has interceptors: the copy the library's header
   * interceptor makes after them, on top of {@link #oursRequest} without headers.
   */
  @Benchmark
  public Request oursHeaderCopy() {
    return request
        .newBuilder()
        .header("Authorization", AUTHORIZATION)
        .header("Content-Type", "application/json")
        .header("User-Agent", USER_AGENT)
        .build();
  }

  /** The floor: URL and all four headers in one request build. */
  @Benchmark
  public Request floorRequest() {
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("v1/projects")
            .addPathSegment(Fixture.APP_ID)
            .addPathSegments("rtsc/cloud-transcoder/tasks")
            .addPathSegment(Fixture.TASK_ID)
            .addQueryParameter("builderToken", Fixture.BUILDER_TOKEN)
            .build();
    return new Request.Builder()
        .url(url)
        .method("DELETE", null)
        .header("Authorization", AUTHORIZATION)
        .header("Content-Type", "application/json")
        .header("User-Agent", "bench-floor/1.0 okhttp/" + OkHttp.VERSION)
        .header("X-Request-ID", REQUEST_ID)
        .build();
  }
}
