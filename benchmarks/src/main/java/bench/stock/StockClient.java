package bench.stock;

import bench.stock.generated.ApiClient;
import bench.stock.generated.JSON;
import bench.stock.generated.api.CloudTranscoderApi;
import bench.stock.generated.model.CloudTranscoderTask;
import bench.stock.generated.model.ErrorResponse;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * stock: the client openapi-generator's default java/retrofit2/gson templates produce from our spec
 * ({@code ApiClient}, {@code HttpBasicAuth}, {@code CloudTranscoderApi}, Gson models; all generated
 * into target/ at build time), plus the few lines a user must add around it: the Content-Type and
 * User-Agent headers, a request id, reading the ids from the response, and turning an error
 * response into an exception with Agora's message decoded by the generated Gson setup.
 */
public final class StockClient {
  static final String USER_AGENT = "bench-stock/1.0 okhttp/" + OkHttp.VERSION;

  private final CloudTranscoderApi api;
  private final Gson gson;

  /**
   * @param base the shared OkHttpClient settings
   * @param innermost an interceptor to run last (the canned transport), or null
   */
  public StockClient(
      OkHttpClient base, String baseUrl, String customerId, String secret, Interceptor innermost) {
    ApiClient client = new ApiClient("basicAuth", customerId, secret);
    client.configureFromOkclient(base); // base's settings plus the generated HttpBasicAuth
    client
        .getOkBuilder()
        .addInterceptor(
            chain ->
                chain.proceed(
                    chain
                        .request()
                        .newBuilder()
                        .header("Content-Type", "application/json")
                        .header("User-Agent", USER_AGENT)
                        .build()));
    if (innermost != null) {
      client.getOkBuilder().addInterceptor(innermost);
    }
    client.getAdapterBuilder().baseUrl(baseUrl);
    this.api = client.createService(CloudTranscoderApi.class);
    this.gson = new JSON().getGson();
  }

  public StockResult destroyTask(String appId, String taskId, String builderToken) {
    String requestId = UUID.randomUUID().toString();
    Response<CloudTranscoderTask> response;
    try {
      response = api.destroyCloudTranscodingTask(appId, taskId, builderToken, requestId).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String responseRequestId = response.headers().get("X-Request-ID");
    if (responseRequestId == null) {
      responseRequestId = requestId;
    }
    if (response.isSuccessful()) {
      return new StockResult(
          response.body(),
          response.code(),
          responseRequestId,
          response.headers().get("X-Resource-ID"));
    }
    String message = null;
    try (ResponseBody errorBody = response.errorBody()) {
      ErrorResponse error = gson.fromJson(errorBody.charStream(), ErrorResponse.class);
      message = error == null ? null : error.getMessage();
    } catch (JsonParseException notJson) {
      // The status alone classifies the failure.
    }
    throw new StockException(response.code(), message, responseRequestId);
  }
}
