package dev.rtsc.transcoder;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttp;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the headers every request carries. When the caller's OkHttpClient has interceptors of its
 * own, this runs after them, so that they never see the Authorization header and the client's
 * headers win over theirs. Without such interceptors there is nobody to hide the headers from, and
 * the client adds them with {@link #addTo} while building the request instead, which saves copying
 * the request on every call (BENCHMARKS.md). The difference shows only to a caller's {@code
 * EventListener} or dispatcher: then {@code call.request()} carries the headers too. Such a
 * listener sees them either way, in the request {@code requestHeadersEnd} reports as sent.
 *
 * <p>Either way the headers are part of the application's request, so OkHttp drops Authorization if
 * a response ever sent the call to another host.
 */
final class DefaultHeadersInterceptor implements Interceptor {
  static final String USER_AGENT =
      "cloud-transcoder-client/" + Version.VALUE + " okhttp/" + OkHttp.VERSION;

  // Agora's reference lists Content-Type as required even though DELETE has no body.
  private static final String CONTENT_TYPE = "application/json";

  private final String authorization;

  DefaultHeadersInterceptor(Credentials credentials) {
    this.authorization = credentials.authorizationHeader();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request =
        chain
            .request()
            .newBuilder()
            // Replacing whatever the caller's interceptors set under these names.
            .header("Authorization", authorization)
            .header("Content-Type", CONTENT_TYPE)
            .header("User-Agent", USER_AGENT)
            .build();
    return chain.proceed(request);
  }

  /**
   * Adds the headers to a request being built, which carries none of these names yet (the generated
   * builder sets only the spec's {@code X-Request-ID}), so nothing needs replacing.
   */
  static Request.Builder addTo(Request.Builder request, String authorization) {
    return request
        .addHeader("Authorization", authorization)
        .addHeader("Content-Type", CONTENT_TYPE)
        .addHeader("User-Agent", USER_AGENT);
  }

  @Override
  public String toString() {
    return "DefaultHeadersInterceptor{authorization=██}";
  }
}
