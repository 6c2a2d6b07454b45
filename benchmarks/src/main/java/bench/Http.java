package bench;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The OkHttpClient settings all three clients start from, so they differ only in their own code.
 */
public final class Http {
  private Http() {}

  /**
   * The library's default timeouts (the call timeout matters: it arms a watchdog per call), and a
   * pool that keeps one connection per benchmark thread alive.
   */
  public static OkHttpClient base() {
    return new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(10, TimeUnit.SECONDS)
        .callTimeout(30, TimeUnit.SECONDS)
        .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
        .build();
  }

  /** Releases the threads and connections of a base client. */
  public static void close(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
