package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static dev.rtsc.transcoder.TestServers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.TaskNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudTranscoderClientTest extends LoopbackTest {

  @Test
  void destroyReturnsEveryFieldOfTheTask() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .setHeader("X-Request-ID", "agora-request-1")
            .setHeader("X-Resource-ID", "agora-resource-1")
            .body(Fixtures.read("destroy-200.json"))
            .build());

    DestroyTaskResult result = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);

    assertEquals(200, result.statusCode());
    assertEquals("agora-request-1", result.requestId());
    assertEquals("agora-resource-1", result.resourceId());
    TranscodingTask task = result.task();
    assertEquals("609f28f2644f1ae1ceb041b7047e3a1c", task.taskId());
    assertEquals(1661324613L, task.createTs());
    assertEquals(Instant.parse("2022-08-24T07:03:33Z"), task.createdAt());
    assertEquals(TaskStatus.STOPPED, task.status());
    assertEquals("STOPPED", task.statusRaw());
    assertEquals("0", task.sequenceId());
    assertEquals(Map.of(), task.eventHandlers());
    assertEquals(Map.of(), task.executionWorkflows());
    assertEquals(Map.of(), task.properties());
    assertEquals(Map.of(), task.variables());
    assertEquals(Map.of(), task.workflows());
    TranscoderService service = task.cloudTranscoder();
    assertEquals(ServiceStatus.SERVICE_COMPLETED, service.status());
    assertEquals("serviceCompleted", service.statusRaw());
    assertEquals("OnSlaveServiceStopped", service.message());
    assertEquals("cloudTranscoderV2", service.serviceType());
    assertEquals(1661324614L, service.createTs());
    assertEquals(Instant.ofEpochSecond(1661324614L), service.createdAt());
    assertEquals(Map.of(), service.details());
    @SuppressWarnings("unchecked")
    Map<String, Object> transcoder = (Map<String, Object>) service.config().get("transcoder");
    assertEquals(300.0, transcoder.get("idleTimeout"));
    assertEquals(
        List.of(Map.of("rtc", Map.of("rtcChannel", "room-1", "rtcUid", 123.0))),
        transcoder.get("audioInputs"));

    RecordedRequest request = server.takeRequest();
    assertEquals("DELETE", request.getMethod());
    assertEquals(
        "/v1/projects/" + APP_ID + "/rtsc/cloud-transcoder/tasks/" + TASK_ID,
        request.getUrl().encodedPath());
    assertEquals(BUILDER_TOKEN, request.getUrl().queryParameter("builderToken"));
    assertEquals(1, request.getUrl().querySize());
    assertEquals(0, request.getBodySize());
  }

  @Test
  void everyRequestCarriesAuthContentTypeUserAgentAndAFreshRequestId() throws Exception {
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    DestroyTaskResult first = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    DestroyTaskResult second = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);

    RecordedRequest firstRequest = server.takeRequest();
    String expectedAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (TestServers.CUSTOMER_ID + ":" + TestServers.CUSTOMER_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
    assertEquals(expectedAuth, firstRequest.getHeaders().get("Authorization"));
    assertEquals("application/json", firstRequest.getHeaders().get("Content-Type"));
    String userAgent = firstRequest.getHeaders().get("User-Agent");
    assertTrue(
        userAgent.matches("cloud-transcoder-client/\\S+ okhttp/5\\.\\S+"),
        "User-Agent " + userAgent);
    String firstId = firstRequest.getHeaders().get("X-Request-ID");
    assertEquals(firstId, UUID.fromString(firstId).toString());
    // Agora did not echo the header, so the result reports the id the client sent.
    assertEquals(firstId, first.requestId());
    assertNull(first.resourceId());

    String secondId = server.takeRequest().getHeaders().get("X-Request-ID");
    assertEquals(secondId, second.requestId());
    assertTrue(!firstId.equals(secondId), "each call sends a new request id");
  }

  @Test
  void callerInterceptorsNeverSeeTheAuthorizationHeaderAndCannotOverrideTheClientHeaders()
      throws Exception {
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));
    List<okhttp3.Request> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    okhttp3.OkHttpClient callers =
        new okhttp3.OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seen.add(chain.request());
                  return chain.proceed(
                      chain.request().newBuilder().header("User-Agent", "callers-agent").build());
                })
            .build();

    try (CloudTranscoderClient withInterceptor =
        TestServers.clientFor(server).okHttpClient(callers).build()) {
      withInterceptor.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    }

    assertEquals(1, seen.size());
    assertNull(seen.get(0).header("Authorization"));
    RecordedRequest request = server.takeRequest();
    assertTrue(request.getHeaders().get("Authorization").startsWith("Basic "));
    assertTrue(
        request.getHeaders().get("User-Agent").startsWith("cloud-transcoder-client/"),
        request.getHeaders().get("User-Agent"));
    assertEquals("application/json", request.getHeaders().get("Content-Type"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INFO", "DEBUG"})
  void anExceptionsStackTraceLeadsToTheCallerNotIntoTheRetryLoop(String logLevel) {
    // At DEBUG the client logs the failure's text inside the loop, which makes the exception there.
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.rtsc.transcoder");
    ch.qos.logback.classic.Level previous = log.getLevel();
    log.setLevel(ch.qos.logback.classic.Level.toLevel(logLevel));
    server.enqueue(json(404, Fixtures.read("destroy-404.json")));

    TaskNotFoundException e;
    try {
      e =
          assertThrows(
              TaskNotFoundException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
    } finally {
      log.setLevel(previous);
    }

    List<String> frames = new java.util.ArrayList<>();
    for (StackTraceElement frame : e.getStackTrace()) {
      frames.add(frame.getClassName() + "." + frame.getMethodName());
    }
    assertTrue(
        frames.contains(CloudTranscoderClient.class.getName() + ".destroyTask"), frames.toString());
    assertTrue(
        frames.stream().anyMatch(f -> f.startsWith(CloudTranscoderClientTest.class.getName())),
        frames.toString());
    assertTrue(
        frames.stream().noneMatch(f -> f.contains("CallRunner") || f.contains("ResponseDecoder")),
        "no frames of the retry loop: " + frames);
  }

  @Test
  void callerSuppliedRequestIdIsSentAndReported() throws Exception {
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    DestroyTaskResult result = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "my-trace-42");

    assertEquals("my-trace-42", result.requestId());
    assertEquals("my-trace-42", server.takeRequest().getHeaders().get("X-Request-ID"));
  }

  @ParameterizedTest
  @EnumSource(value = TaskStatus.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void everyTaskStatusValueDecodesToItsConstant(TaskStatus status) {
    server.enqueue(json(200, "{\"status\":\"" + status.value() + "\"}"));

    TranscodingTask task = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task();

    assertEquals(status, task.status());
    assertEquals(status.value(), task.statusRaw());
  }

  @ParameterizedTest
  @EnumSource(value = ServiceStatus.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void everyServiceStatusValueDecodesToItsConstant(ServiceStatus status) {
    server.enqueue(
        json(200, "{\"services\":{\"cloudTranscoder\":{\"status\":\"" + status.value() + "\"}}}"));

    TranscoderService service =
        client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task().cloudTranscoder();

    assertEquals(status, service.status());
    assertEquals(status.value(), service.statusRaw());
  }

  @Test
  void unknownTaskAndServiceStatusKeepTheirRawValues() {
    server.enqueue(unknownValuesAndFields());

    TranscodingTask task = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task();

    assertEquals(TaskStatus.UNKNOWN, task.status());
    assertEquals("HIBERNATING", task.statusRaw());
    assertEquals(ServiceStatus.UNKNOWN, task.cloudTranscoder().status());
    assertEquals("serviceMigrating", task.cloudTranscoder().statusRaw());
  }

  @Test
  void unknownFieldsAreIgnored() {
    server.enqueue(unknownValuesAndFields());

    TranscodingTask task = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task();

    assertEquals("7c0d5e4f3a2b1c0d9e8f7a6b5c4d3e2f", task.taskId());
    assertEquals("cloudTranscoderV3", task.cloudTranscoder().serviceType());
    assertEquals("OnSlaveServiceQueryUpdated", task.cloudTranscoder().message());
    assertEquals("12", task.sequenceId());
  }

  @Test
  void missingFieldsAreNull() {
    server.enqueue(json(200, Fixtures.read("destroy-200-empty-object.json")));

    TranscodingTask task = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task();

    assertNull(task.taskId());
    assertNull(task.createTs());
    assertNull(task.createdAt());
    assertNull(task.status());
    assertNull(task.statusRaw());
    assertNull(task.cloudTranscoder());
    assertNull(task.sequenceId());
    assertNull(task.eventHandlers());
    assertNull(task.executionWorkflows());
    assertNull(task.properties());
    assertNull(task.variables());
    assertNull(task.workflows());
  }

  @Test
  void missingServiceFieldsAreNull() {
    server.enqueue(json(200, "{\"services\":{\"cloudTranscoder\":{}}}"));

    TranscoderService service =
        client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task().cloudTranscoder();

    assertNull(service.config());
    assertNull(service.createTs());
    assertNull(service.createdAt());
    assertNull(service.details());
    assertNull(service.message());
    assertNull(service.serviceType());
    assertNull(service.status());
    assertNull(service.statusRaw());
  }

  @Test
  void reservedMapsAreReadOnlyAllTheWayDown() {
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    TranscodingTask task = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task();

    Map<String, Object> config = task.cloudTranscoder().config();
    assertThrows(UnsupportedOperationException.class, () -> config.put("x", 1));
    @SuppressWarnings("unchecked")
    Map<String, Object> transcoder = (Map<String, Object>) config.get("transcoder");
    assertThrows(UnsupportedOperationException.class, () -> transcoder.remove("idleTimeout"));
    List<?> inputs = (List<?>) transcoder.get("audioInputs");
    assertThrows(UnsupportedOperationException.class, inputs::clear);
  }

  @Test
  void createTsWrittenAsADecimalNumberStillDecodes() {
    server.enqueue(
        TestServers.offContract(
            "createTs written as a decimal number", json(200, "{\"createTs\":1661324613.0}")));

    assertEquals(1661324613L, client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task().createTs());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc+def/ghi==",
        "with spaces and = signs",
        "a&b=c&builderToken=evil",
        "percent%20already%2Fencoded",
        "ünïcødé-tøkén",
        "#hash?query"
      })
  void builderTokenReachesTheServerUnchanged(String token) throws Exception {
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    client.destroyTask(APP_ID, TASK_ID, token);

    RecordedRequest request = server.takeRequest();
    assertEquals(List.of(token), request.getUrl().queryParameterValues("builderToken"));
    assertEquals(1, request.getUrl().querySize());
  }

  @ParameterizedTest
  @ValueSource(strings = {"task:1", "task@host", "a+b", "uuid-with-ünïcødé", "a=b&c", "..."})
  void awkwardTaskIdsStayOnePathSegment(String taskId) throws Exception {
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    client.destroyTask(APP_ID, taskId, BUILDER_TOKEN);

    RecordedRequest request = server.takeRequest();
    List<String> segments = request.getUrl().pathSegments();
    assertEquals(
        List.of("v1", "projects", APP_ID, "rtsc", "cloud-transcoder", "tasks", taskId), segments);
  }

  @Test
  void baseUrlWithAPathPrefixKeepsThePrefix() throws Exception {
    TestServers.contract(server).expectBasePath("/agora-proxy");
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));
    try (CloudTranscoderClient proxied =
        TestServers.clientFor(server).baseUrl(server.url("/agora-proxy").toString()).build()) {
      proxied.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    }

    assertEquals(
        "/agora-proxy/v1/projects/" + APP_ID + "/rtsc/cloud-transcoder/tasks/" + TASK_ID,
        server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void asyncDestroyCompletesWithTheResult() throws Exception {
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    CompletableFuture<DestroyTaskResult> future =
        client.destroyTaskAsync(APP_ID, TASK_ID, BUILDER_TOKEN, "async-1");

    DestroyTaskResult result = future.get(10, TimeUnit.SECONDS);
    assertEquals(TaskStatus.STOPPED, result.task().status());
    assertEquals("async-1", result.requestId());
    RecordedRequest request = server.takeRequest();
    assertEquals("DELETE", request.getMethod());
    assertEquals("async-1", request.getHeaders().get("X-Request-ID"));
  }

  @Test
  void asyncDestroyFailsWithTheMappedException() {
    server.enqueue(json(404, Fixtures.read("destroy-404.json")));

    CompletableFuture<DestroyTaskResult> future =
        client.destroyTaskAsync(APP_ID, TASK_ID, BUILDER_TOKEN, "async-404");

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    TaskNotFoundException cause = (TaskNotFoundException) e.getCause();
    assertEquals(404, cause.statusCode());
    assertEquals("task not found", cause.agoraMessage());
    assertEquals("async-404", cause.requestId());
  }

  private static MockResponse unknownValuesAndFields() {
    return TestServers.offContract(
        "status values and fields that Agora may add later",
        json(200, Fixtures.read("destroy-200-unknown-values.json")));
  }

  @Test
  void toStringShowsNeitherSecretNorAuthorization() {
    String text = client.toString();

    assertTrue(text.contains(TestServers.CUSTOMER_ID), text);
    assertTrue(!text.contains(TestServers.CUSTOMER_SECRET), text);
    assertTrue(!text.contains("Basic"), text);
  }
}
