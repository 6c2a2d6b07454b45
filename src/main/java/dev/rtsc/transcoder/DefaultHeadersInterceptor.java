package dev.rtsc.transcoder;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttp;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the headers every request carries. It runs as an application interceptor, so OkHttp still
 * sees the Authorization header as the caller's and drops it if a response ever sent the call to
 * another host.
 */
final class DefaultHeadersInterceptor implements Interceptor {
  static final String USER_AGENT =
      "cloud-transcoder-client/" + Version.VALUE + " okhttp/" + OkHttp.VERSION;

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
            .header("Authorization", authorization)
            // Agora's reference lists Content-Type as required even though DELETE has no body.
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .build();
    return chain.proceed(request);
  }

  @Override
  public String toString() {
    return "DefaultHeadersInterceptor{authorization=██}";
  }
}
