package bench.floor;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor: the best a user could do by hand with plain OkHttp and Moshi, in about 30 lines. One
 * shared OkHttpClient and cached Moshi adapters; per call only the URL, the request, a request id,
 * the response and the parsed body. It sends the same headers as the library and maps an error body
 * to one small exception, but has no argument checks, retries, rate limit or typed errors.
 */
public final class FloorClient {
  static final String USER_AGENT = "bench-floor/1.0 okhttp/" + OkHttp.VERSION;

  private final OkHttpClient http;
  private final HttpUrl base;
  private final String authorization;
  private final JsonAdapter<FloorTask> taskAdapter;
  private final JsonAdapter<FloorTask.Error> errorAdapter;

  public FloorClient(OkHttpClient http, String baseUrl, String customerId, String secret) {
    this.http = http;
    this.base = HttpUrl.get(baseUrl);
    this.authorization = okhttp3.Credentials.basic(customerId, secret);
    Moshi moshi = new Moshi.Builder().build();
    this.taskAdapter = moshi.adapter(FloorTask.class);
    this.errorAdapter = moshi.adapter(FloorTask.Error.class);
  }

  public FloorResult destroyTask(String appId, String taskId, String builderToken) {
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("v1/projects")
            .addPathSegment(appId)
            .addPathSegments("rtsc/cloud-transcoder/tasks")
            .addPathSegment(taskId)
            .addQueryParameter("builderToken", builderToken)
            .build();
    String requestId = UUID.randomUUID().toString();
    Request request =
        new Request.Builder()
            .url(url)
            .method("DELETE", null)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("X-Request-ID", requestId)
            .build();
    try (Response response = http.newCall(request).execute()) {
      String responseRequestId = response.header("X-Request-ID", requestId);
      if (response.isSuccessful()) {
        FloorTask task = taskAdapter.fromJson(response.body().source());
        return new FloorResult(
            task, response.code(), responseRequestId, response.header("X-Resource-ID"));
      }
      String message = null;
      try {
        FloorTask.Error error = errorAdapter.fromJson(response.body().source());
        message = error == null ? null : error.message;
      } catch (JsonDataException | IOException notJson) {
        // The status alone classifies the failure.
      }
      throw new FloorException(response.code(), message, responseRequestId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
