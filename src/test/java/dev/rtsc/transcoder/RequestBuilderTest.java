package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rtsc.transcoder.generated.api.CloudTranscoderApi;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The client builds its requests with the builder generated beside the Retrofit interface, not
 * through Retrofit. Both come from the same spec; this holds them to the same request for any
 * input, so the interface stays the contract.
 */
class RequestBuilderTest {
  private static final String REQUEST_ID = "3f2c9a6e-1b7d-4c8e-9a51-2d64f0b7c913";

  @ParameterizedTest
  @CsvSource(
      delimiterString = " ~ ",
      value = {
        "https://api.sd-rtn.com/ ~ 4855eae2 ~ 609f3a1c ~ IqbhfE2tmZWpKOxd",
        "http://127.0.0.1:8080/proxy/agora/ ~ app ~ task ~ token",
        "https://api.agora.io/ ~ app id ~ tâsk ~ a b+c&d=e%f/g?h#i",
        "https://api.agora.io/ ~ \"<>^`{}|[]@:;,=!$()* ~ ü€😀 ~ |\\%2e%2E",
      })
  void buildsTheRequestRetrofitBuilds(String base, String appId, String taskId, String token) {
    assertSameRequest(base, appId, taskId, token, REQUEST_ID);
  }

  @Property(tries = 500)
  void buildsTheRequestRetrofitBuildsForAnyArguments(
      @ForAll("segments") String appId,
      @ForAll("segments") String taskId,
      @ForAll String builderToken,
      @ForAll("requestIds") String requestId) {
    assertSameRequest("https://api.sd-rtn.com/v0/", appId, taskId, builderToken, requestId);
  }

  /** One instance, as the client keeps it, reused for every input. */
  private final CloudTranscoderApi.DestroyCloudTranscodingTaskRequests shared =
      new CloudTranscoderApi.DestroyCloudTranscodingTaskRequests(
          HttpUrl.get("http://127.0.0.1:8080/proxy/agora/"));

  @Property(tries = 300)
  void aReusedBuilderBuildsTheRequestRetrofitBuildsEveryTime(
      @ForAll("segments") String appId,
      @ForAll("segments") String taskId,
      @ForAll String builderToken) {
    HttpUrl base = HttpUrl.get("http://127.0.0.1:8080/proxy/agora/");
    Request expected =
        retrofit(base)
            .destroyCloudTranscodingTask(appId, taskId, builderToken, REQUEST_ID)
            .request();

    Request actual = shared.newBuilder(appId, taskId, builderToken, REQUEST_ID).build();

    assertEquals(expected.url(), actual.url());
    assertEquals(expected.headers(), actual.headers());
    assertEquals(expected.method(), actual.method());
  }

  @Provide
  Arbitrary<String> segments() {
    return Arbitraries.strings().ofMinLength(1).filter(s -> !s.equals(".") && !s.equals(".."));
  }

  @Provide
  Arbitrary<String> requestIds() {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(128);
  }

  @ParameterizedTest
  @CsvSource({".", ".."})
  void refusesPathTraversalLikeRetrofit(String taskId) {
    HttpUrl base = HttpUrl.get("https://api.sd-rtn.com/");
    IllegalArgumentException generated =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CloudTranscoderApi.destroyCloudTranscodingTaskRequest(
                    base, "app", taskId, "token", null));
    IllegalArgumentException retrofit =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                retrofit(base).destroyCloudTranscodingTask("app", taskId, "token", null).request());
    assertEquals(retrofit.getMessage(), generated.getMessage());
  }

  @org.junit.jupiter.api.Test
  void leavesOutANullHeaderLikeRetrofit() {
    HttpUrl base = HttpUrl.get("https://api.sd-rtn.com/");
    Request request =
        CloudTranscoderApi.destroyCloudTranscodingTaskRequest(base, "app", "task", "token", null);

    assertNull(request.header("X-Request-ID"));
    assertSameRequest(base.toString(), "app", "task", "token", null);
  }

  private static void assertSameRequest(
      String base, String appId, String taskId, String token, String requestId) {
    HttpUrl baseUrl = HttpUrl.get(base);
    Request expected =
        retrofit(baseUrl).destroyCloudTranscodingTask(appId, taskId, token, requestId).request();
    Request actual =
        CloudTranscoderApi.destroyCloudTranscodingTaskRequest(
            baseUrl, appId, taskId, token, requestId);

    assertEquals(expected.method(), actual.method());
    assertEquals(expected.url(), actual.url());
    assertEquals(expected.headers(), actual.headers());
    assertEquals(expected.body(), actual.body());
  }

  private static CloudTranscoderApi retrofit(HttpUrl baseUrl) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .addConverterFactory(MoshiConverterFactory.create())
        .validateEagerly(true)
        .build()
        .create(CloudTranscoderApi.class);
  }
}
