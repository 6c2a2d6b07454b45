package dev.rtsc.transcoder.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.CloudTranscoderClient;
import dev.rtsc.transcoder.ContractValidator;
import dev.rtsc.transcoder.DestroyTaskResult;
import dev.rtsc.transcoder.RetryPolicy;
import dev.rtsc.transcoder.ServiceStatus;
import dev.rtsc.transcoder.TaskStatus;
import dev.rtsc.transcoder.errors.AuthenticationException;
import dev.rtsc.transcoder.errors.RequestTimeoutException;
import dev.rtsc.transcoder.errors.ServerException;
import dev.rtsc.transcoder.errors.TaskNotFoundException;
import dev.rtsc.transcoder.errors.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FakeAgoraServerTest {
  private static final String ID = "fake-id";
  private static final String SECRET = "fake-secret-9d1";

  private FakeAgoraServer agora;

  @BeforeEach
  void setUp() {
    agora = FakeAgoraServer.builder().credentials(ID, SECRET).build().start();
  }

  @AfterEach
  void tearDown() {
    // Whatever a test made the fake do, every response it served follows our spec.
    for (String served : agora.servedResponses()) {
      int space = served.indexOf(' ');
      List<String> violations =
          ContractValidator.ourSpec()
              .checkResponse(
                  "DELETE",
                  "/v1/projects/app/rtsc/cloud-transcoder/tasks/task",
                  Integer.parseInt(served.substring(0, space)),
                  Headers.of("Content-Type", "application/json"),
                  served.substring(space + 1));
      assertEquals(List.of(), violations, served);
    }
    agora.close();
  }

  private CloudTranscoderClient.Builder client() {
    return CloudTranscoderClient.builder()
        .baseUrl(agora.baseUrl())
        .credentials(ID, SECRET)
        .retryPolicy(RetryPolicy.disabled());
  }

  @ParameterizedTest
  @CsvSource({
    "IN_PROGRESS, STOPPED, serviceCompleted",
    "STARTED, STOPPED, serviceCompleted",
    "IDLE, STOPPED, serviceIdle",
    "FAILURE_STOP, FAILURE_STOP, serviceAbnormal",
    "EXIT, EXIT, serviceCompleted"
  })
  void destroyingAKnownTaskReturnsItsFinalStateAndForgetsIt(
      String before, TaskStatus after, String serviceAfter) {
    FakeAgoraServer.Task task = agora.addTask("app-1", before);

    try (CloudTranscoderClient client = client().build()) {
      DestroyTaskResult result =
          client.destroyTask(task.appId(), task.taskId(), task.builderToken(), "req-fake-1");

      assertEquals(after, result.task().status());
      assertEquals(ServiceStatus.fromValue(serviceAfter), result.task().cloudTranscoder().status());
      assertEquals(task.taskId(), result.task().taskId());
      assertEquals("req-fake-1", result.requestId());
      assertNotNull(result.resourceId());
      assertTrue(agora.tasks().isEmpty());

      assertThrows(
          TaskNotFoundException.class,
          () -> client.destroyTask(task.appId(), task.taskId(), task.builderToken()));
    }
  }

  @Test
  void unknownTasksAndWrongBuilderTokensAnswer404() {
    FakeAgoraServer.Task task = agora.addTask("app-1", "IN_PROGRESS");

    try (CloudTranscoderClient client = client().build()) {
      assertThrows(
          TaskNotFoundException.class,
          () -> client.destroyTask("app-1", "no-such-task", task.builderToken()));
      assertThrows(
          TaskNotFoundException.class,
          () -> client.destroyTask("app-1", task.taskId(), "wrong-token"));
      assertThrows(
          TaskNotFoundException.class,
          () -> client.destroyTask("other-app", task.taskId(), task.builderToken()));
    }
    assertEquals(1, agora.tasks().size(), "the task survives failed attempts");
  }

  @Test
  void wrongCredentialsAnswer401() {
    FakeAgoraServer.Task task = agora.addTask("app-1", "IN_PROGRESS");

    try (CloudTranscoderClient client = client().credentials(ID, "not-the-secret").build()) {
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () -> client.destroyTask(task.appId(), task.taskId(), task.builderToken()));
      assertEquals("Invalid authentication credentials", e.agoraMessage());
    }
  }

  @Test
  void aMissingBuilderTokenAnswers400() throws Exception {
    OkHttpClient raw = new OkHttpClient();
    okhttp3.Request request =
        new okhttp3.Request.Builder()
            .url(agora.baseUrl() + "v1/projects/app-1/rtsc/cloud-transcoder/tasks/t-1")
            .delete()
            .header("Authorization", okhttp3.Credentials.basic(ID, SECRET))
            .build();

    try (Response response = raw.newCall(request).execute()) {
      assertEquals(400, response.code());
      assertEquals("{\"message\":\"builderToken is required\"}", response.body().string());
      assertNotNull(response.header("X-Request-ID"));
      assertNotNull(response.header("X-Resource-ID"));
    }
  }

  @Test
  void theEleventhRequestInOneSecondAnswers429WithRetryAfter() throws Exception {
    // A frozen clock keeps every request in the same one-second window.
    agora.close();
    agora =
        FakeAgoraServer.builder()
            .credentials(ID, SECRET)
            .clock(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC))
            .build()
            .start();
    OkHttpClient raw = new OkHttpClient();
    okhttp3.Request request =
        new okhttp3.Request.Builder()
            .url(
                agora.baseUrl()
                    + "v1/projects/app-1/rtsc/cloud-transcoder/tasks/t-1?builderToken=x")
            .delete()
            .header("Authorization", okhttp3.Credentials.basic(ID, SECRET))
            .build();

    List<Integer> statuses = new java.util.ArrayList<>();
    String retryAfter = null;
    for (int i = 0; i < 12; i++) {
      try (Response response = raw.newCall(request).execute()) {
        statuses.add(response.code());
        if (response.code() == 429) {
          retryAfter = response.header("Retry-After");
        }
      }
    }

    assertEquals(List.of(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 429, 429), statuses);
    assertEquals("1", retryAfter);
    assertEquals(2, agora.rateLimitedCount());
  }

  @Test
  void theClientsDefaultLimiterKeepsABulkRunUnderTheLimit() {
    try (CloudTranscoderClient client = client().build()) {
      for (int i = 0; i < 25; i++) {
        FakeAgoraServer.Task task = agora.addTask("app-1", "IN_PROGRESS");
        client.destroyTask(task.appId(), task.taskId(), task.builderToken());
      }
    }
    assertEquals(0, agora.rateLimitedCount());
  }

  @Test
  void injectedFailuresAreServedBeforeNormalHandling() {
    FakeAgoraServer.Task task = agora.addTask("app-1", "IN_PROGRESS");
    agora.failNext(2, 503);

    try (CloudTranscoderClient client =
        client()
            .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build())
            .build()) {
      DestroyTaskResult result =
          client.destroyTask(task.appId(), task.taskId(), task.builderToken());
      assertEquals(3, result.attempts().size());
    }

    agora.failNext(1, 500);
    try (CloudTranscoderClient client = client().build()) {
      ServerException e =
          assertThrows(ServerException.class, () -> client.destroyTask("a", "b", "c"));
      assertEquals("injected failure", e.agoraMessage());
    }
  }

  @Test
  void injectedDisconnectsAndDelaysLookLikeNetworkFaults() {
    agora.disconnectNext(1);
    agora.delayNext(1, Duration.ofSeconds(2));

    try (CloudTranscoderClient client = client().readTimeout(Duration.ofMillis(300)).build()) {
      assertThrows(TransportException.class, () -> client.destroyTask("a", "b", "c"));
      assertThrows(RequestTimeoutException.class, () -> client.destroyTask("a", "b", "c"));
    }
  }

  @Test
  void tasksToStringHidesTheBuilderToken() {
    FakeAgoraServer.Task task = agora.addTask("app-1", "IN_PROGRESS");

    assertFalse(task.toString().contains(task.builderToken()));
  }

  @Test
  void itListensOnLoopbackOnly() {
    assertTrue(agora.address().getAddress().isLoopbackAddress(), agora.address().toString());
    assertEquals("http://127.0.0.1:" + agora.address().getPort() + "/", agora.baseUrl());
  }
}
