package bench;

import dev.rtsc.transcoder.CloudTranscoderClient;
import java.lang.reflect.Field;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** Builds "ours", the library's client, configured as the scenarios need it. */
public final class Ours {
  private Ours() {}

  /**
   * The library's client on {@code base}: a fixed loopback base URL, the rate limiter off (its
   * default of 10 requests per second would be the whole measurement), default retry policy (not
   * exercised by a 200 or a 404).
   */
  public static CloudTranscoderClient client(OkHttpClient base, String baseUrl) {
    return CloudTranscoderClient.builder()
        .baseUrl(baseUrl)
        .credentials(Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET)
        .okHttpClient(base)
        .maxRequestsPerSecond(0)
        .build();
  }

  /**
   * The library's client with {@code innermost} (the canned transport) added after the library has
   * set up its OkHttpClient, so that it stands where the network would. Passed in through {@code
   * okHttpClient(...)}, the transport would count as an interceptor of the caller's: the library
   * would then add its headers in an interceptor after it (so that a caller's interceptors never
   * see Authorization), the transport would answer before that ran, and the benchmark would skip
   * work that real calls do. Benchmark set-up only: the call path is untouched. HarnessTest fails
   * if the library's fields are renamed.
   */
  public static CloudTranscoderClient client(
      OkHttpClient base, String baseUrl, Interceptor innermost) {
    CloudTranscoderClient client = client(base, baseUrl);
    try {
      Field runnerField = CloudTranscoderClient.class.getDeclaredField("runner");
      runnerField.setAccessible(true);
      Object runner = runnerField.get(client);
      Field httpField = runner.getClass().getDeclaredField("httpClient");
      httpField.setAccessible(true);
      OkHttpClient http = (OkHttpClient) httpField.get(runner);
      httpField.set(runner, http.newBuilder().addInterceptor(innermost).build());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "CloudTranscoderClient changed shape; update bench.Ours to place the canned transport",
          e);
    }
    return client;
  }
}
