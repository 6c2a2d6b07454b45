package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static dev.rtsc.transcoder.TestServers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.RateLimitException;
import dev.rtsc.transcoder.errors.ServerException;
import dev.rtsc.transcoder.errors.TaskNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
  private final FakeTime time = new FakeTime();
  private MockWebServer server;

  @BeforeEach
  void setUp() {
    server = TestServers.startLoopback();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** Defaults, with fake time and jitter pinned to "no reduction". */
  private CloudTranscoderClient.Builder retrying() {
    return TestServers.clientFor(server)
        .retryPolicy(RetryPolicy.defaults())
        .ticker(time)
        .sleeper(time)
        .random(() -> 0.0);
  }

  private static MockResponse status(int code) {
    return json(code, "{\"message\":\"status " + code + "\"}");
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoffUntilSuccess() throws Exception {
    server.enqueue(status(503));
    server.enqueue(status(500));
    server.enqueue(status(502));
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    DestroyTaskResult result;
    try (CloudTranscoderClient client = retrying().build()) {
      result = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "req-retry");
    }

    assertEquals(TaskStatus.STOPPED, result.task().status());
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
        time.sleeps());
    assertEquals(List.of(503, 500, 502, 200), statuses(result.attempts()));
    assertTrue(result.attempts().get(3).succeeded());
    assertEquals("HTTP 503: status 503", result.attempts().get(0).failure());
    for (int i = 0; i < 4; i++) {
      assertEquals("req-retry", server.takeRequest().getHeaders().get("X-Request-ID"));
    }
  }

  @Test
  void jitterShortensTheWaitByUpToHalf() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertEquals(Duration.ofMillis(1000), policy.backoff(2, 0.0));
    assertEquals(Duration.ofMillis(500), policy.backoff(2, 1.0));
    assertEquals(Duration.ofMillis(1500), policy.backoff(3, 0.5));
    assertEquals(Duration.ofSeconds(8), policy.backoff(5, 0.0));
    assertEquals(Duration.ofSeconds(15), policy.backoff(6, 0.0), "capped at maxBackoff");
    assertEquals(Duration.ofSeconds(15), policy.backoff(60, 0.0), "no overflow");
  }

  @Test
  void retriesStopAtMaxAttemptsAndReportEveryAttempt() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(503));
    }

    ServerException e;
    try (CloudTranscoderClient client =
        retrying().retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build()) {
      e =
          assertThrows(
              ServerException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
    }

    assertEquals(3, server.getRequestCount());
    assertEquals(List.of(503, 503, 503), statuses(e.attempts()));
    assertEquals(2, e.getSuppressed().length);
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), time.sleeps());
  }

  @Test
  void noWaitStartsThatWouldPassTheDeadline() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(status(503));
    }

    try (CloudTranscoderClient client =
        retrying()
            .retryPolicy(RetryPolicy.builder().deadline(Duration.ofMillis(2500)).build())
            .build()) {
      ServerException e =
          assertThrows(
              ServerException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      // 1 s after the first attempt fits; the 2 s after the second would end at 3 s > 2.5 s.
      assertEquals(2, e.attempts().size());
    }
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
  }

  @Test
  void retryAfterInSecondsReplacesTheBackoff() {
    server.enqueue(new MockResponse.Builder(status(429)).setHeader("Retry-After", "7").build());
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    try (CloudTranscoderClient client = retrying().build()) {
      client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    }

    assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps());
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    server.enqueue(
        new MockResponse.Builder(status(503))
            .setHeader("Retry-After", "Thu, 03 Dec 2026 10:00:12 GMT")
            .build());
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    try (CloudTranscoderClient client =
        retrying().wallClock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    }

    assertEquals(List.of(Duration.ofSeconds(12)), time.sleeps());
  }

  @Test
  void rateLimitedWithoutRetryAfterBacksOff() {
    server.enqueue(status(429));
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    try (CloudTranscoderClient client = retrying().build()) {
      client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    }

    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
  }

  @Test
  void retryAfterLongerThanTheDeadlineFailsAtOnceAndKeepsTheWait() {
    server.enqueue(new MockResponse.Builder(status(429)).setHeader("Retry-After", "3600").build());

    try (CloudTranscoderClient client = retrying().build()) {
      RateLimitException e =
          assertThrows(
              RateLimitException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertEquals(Duration.ofHours(1), e.retryAfter());
    }
    assertEquals(List.of(), time.sleeps());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 418, 501, 302})
  void statusesThatCannotImproveAreNeverRetried(int code) {
    server.enqueue(status(code));

    try (CloudTranscoderClient client = retrying().build()) {
      CloudTranscoderException e =
          assertThrows(
              CloudTranscoderException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertEquals(code, e.statusCode());
    }
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void requestTimeoutStatusIsRetried() {
    server.enqueue(status(408));
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    try (CloudTranscoderClient client = retrying().build()) {
      assertEquals(2, client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).attempts().size());
    }
  }

  @Test
  void aConnectionCutMidBodyIsRetried() {
    server.enqueue(
        new MockResponse.Builder(json(200, Fixtures.read("destroy-200.json")))
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    try (CloudTranscoderClient client = retrying().build()) {
      DestroyTaskResult result = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
      assertEquals(2, result.attempts().size());
      assertFalse(result.attempts().get(0).succeeded());
    }
  }

  @Test
  void durationsThatWouldOverflowTheDeadlineArithmeticAreRejected() {
    RetryPolicy.Builder builder = RetryPolicy.builder();

    assertThrows(
        IllegalArgumentException.class, () -> builder.deadline(Duration.ofHours(999_999_999)));
    assertThrows(IllegalArgumentException.class, () -> builder.maxBackoff(Duration.ofDays(2)));
    assertThrows(IllegalArgumentException.class, () -> builder.deadline(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> builder.maxAttempts(0));
  }

  @Test
  void retriesCanBeSwitchedOff() {
    server.enqueue(status(503));

    try (CloudTranscoderClient client = retrying().retryPolicy(RetryPolicy.disabled()).build()) {
      assertThrows(ServerException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void notFoundAfterATimedOutAttemptSaysAnEarlierAttemptMayHaveDestroyedTheTask() {
    server.enqueue(
        new MockResponse.Builder(json(200, Fixtures.read("destroy-200.json")))
            .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
            .build());
    server.enqueue(json(404, Fixtures.read("destroy-404.json")));

    try (CloudTranscoderClient client = retrying().readTimeout(Duration.ofMillis(200)).build()) {
      TaskNotFoundException e =
          assertThrows(
              TaskNotFoundException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "req-unknown"));

      assertTrue(e.possiblyDestroyedByEarlierAttempt());
      assertEquals(
          "HTTP 404: task not found; an earlier attempt whose outcome is unknown may have"
              + " destroyed it (request-id: req-unknown)",
          e.getMessage());
      assertInstanceOf(
          dev.rtsc.transcoder.errors.RequestTimeoutException.class, e.getSuppressed()[0]);
    }
  }

  @Test
  void notFoundAfterAGatewayTimeoutIsFlaggedToo() {
    server.enqueue(status(504));
    server.enqueue(json(404, Fixtures.read("destroy-404.json")));

    try (CloudTranscoderClient client = retrying().build()) {
      TaskNotFoundException e =
          assertThrows(
              TaskNotFoundException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertTrue(e.possiblyDestroyedByEarlierAttempt());
    }
  }

  @Test
  void notFoundAfterAnAttemptAgoraRefusedIsAPlainNotFound() {
    server.enqueue(status(429));
    server.enqueue(status(503));
    server.enqueue(json(404, Fixtures.read("destroy-404.json")));

    try (CloudTranscoderClient client = retrying().build()) {
      TaskNotFoundException e =
          assertThrows(
              TaskNotFoundException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertFalse(e.possiblyDestroyedByEarlierAttempt());
    }
  }

  @Test
  void notFoundOnTheFirstAttemptIsAPlainNotFound() {
    server.enqueue(json(404, Fixtures.read("destroy-404.json")));

    try (CloudTranscoderClient client = retrying().build()) {
      TaskNotFoundException e =
          assertThrows(
              TaskNotFoundException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertFalse(e.possiblyDestroyedByEarlierAttempt());
      assertEquals(1, e.attempts().size());
    }
  }

  @Test
  void asyncCallsRetryToo() throws Exception {
    server.enqueue(status(503));
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    try (CloudTranscoderClient client = retrying().build()) {
      DestroyTaskResult result =
          client
              .destroyTaskAsync(APP_ID, TASK_ID, BUILDER_TOKEN)
              .get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(List.of(503, 200), statuses(result.attempts()));
    }
  }

  @Test
  void cancellingAnAsyncCallStopsTheAttemptInFlightAndAnyRetry() throws Exception {
    server.enqueue(
        new MockResponse.Builder(json(200, Fixtures.read("destroy-200.json")))
            .headersDelay(10, java.util.concurrent.TimeUnit.SECONDS)
            .build());
    server.enqueue(json(200, Fixtures.read("destroy-200.json")));

    okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
    try (CloudTranscoderClient client = retrying().okHttpClient(shared).build()) {
      java.util.concurrent.CompletableFuture<DestroyTaskResult> future =
          client.destroyTaskAsync(APP_ID, TASK_ID, BUILDER_TOKEN);
      server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(1, shared.dispatcher().runningCallsCount());

      assertTrue(future.cancel(true));
      for (int i = 0; i < 50 && shared.dispatcher().runningCallsCount() > 0; i++) {
        Thread.sleep(20);
      }

      assertEquals(0, shared.dispatcher().runningCallsCount(), "the HTTP call was cancelled");
      assertTrue(future.isCancelled());
      assertEquals(1, server.getRequestCount(), "no retry after cancel");
      assertEquals(List.of(), time.sleeps());
    }
  }

  @Test
  void cancellingDuringABackoffWaitFreesTheThreadAtOnce() throws Exception {
    server.enqueue(new MockResponse.Builder(status(503)).setHeader("Retry-After", "20").build());
    java.util.concurrent.ExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadExecutor();

    // Real time: the wait itself must end when the future is cancelled.
    try (CloudTranscoderClient client =
        TestServers.clientFor(server)
            .retryPolicy(RetryPolicy.defaults())
            .asyncExecutor(executor)
            .build()) {
      java.util.concurrent.CompletableFuture<DestroyTaskResult> future =
          client.destroyTaskAsync(APP_ID, TASK_ID, BUILDER_TOKEN);
      server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
      Thread.sleep(100); // into the 20 s Retry-After wait

      future.cancel(true);

      // The single executor thread is free again only once the call has stopped waiting.
      executor.submit(() -> null).get(3, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(1, server.getRequestCount(), "no retry after cancel");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aCallInterruptedInItsBackoffWaitEndsWithItsLastFailureAndTheEarlierOnesSuppressed() {
    server.enqueue(status(503));
    server.enqueue(status(502));
    server.enqueue(status(504));
    java.util.concurrent.atomic.AtomicInteger sleeps =
        new java.util.concurrent.atomic.AtomicInteger();
    Sleeper interruptedOnTheSecondWait =
        (nanos, wakeUp) -> {
          if (sleeps.incrementAndGet() == 2) {
            throw new InterruptedException();
          }
        };

    ServerException e;
    try (CloudTranscoderClient client = retrying().sleeper(interruptedOnTheSecondWait).build()) {
      e =
          assertThrows(
              ServerException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
    } finally {
      assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");
    }

    assertEquals(502, e.statusCode());
    assertEquals(2, e.attempts().size());
    assertEquals(1, e.getSuppressed().length);
    assertEquals(503, ((ServerException) e.getSuppressed()[0]).statusCode());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void closingTheClientStopsACallInItsBackoffWaitWithItsLastFailure() throws Exception {
    server.enqueue(new MockResponse.Builder(status(503)).setHeader("Retry-After", "20").build());
    CloudTranscoderClient client =
        TestServers.clientFor(server).retryPolicy(RetryPolicy.defaults()).build();
    java.util.concurrent.CompletableFuture<CloudTranscoderException> outcome =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
                return null;
              } catch (CloudTranscoderException e) {
                return e;
              }
            });
    server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    Thread.sleep(100);

    client.close();

    CloudTranscoderException e = outcome.get(3, java.util.concurrent.TimeUnit.SECONDS);
    assertInstanceOf(ServerException.class, e);
    assertEquals(503, e.statusCode());
    assertThrows(
        IllegalStateException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aFutureEndedByTheCallerStopsTheWorkBehindIt() throws Exception {
    server.enqueue(new MockResponse.Builder(status(503)).setHeader("Retry-After", "20").build());
    java.util.concurrent.ExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadExecutor();

    try (CloudTranscoderClient client =
        TestServers.clientFor(server)
            .retryPolicy(RetryPolicy.defaults())
            .asyncExecutor(executor)
            .build()) {
      java.util.concurrent.CompletableFuture<DestroyTaskResult> future =
          client
              .destroyTaskAsync(APP_ID, TASK_ID, BUILDER_TOKEN)
              .orTimeout(200, java.util.concurrent.TimeUnit.MILLISECONDS);

      assertThrows(
          java.util.concurrent.ExecutionException.class,
          () -> future.get(3, java.util.concurrent.TimeUnit.SECONDS));
      executor.submit(() -> null).get(3, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(1, server.getRequestCount());
    } finally {
      executor.shutdownNow();
    }
  }

  private static List<Integer> statuses(List<Attempt> attempts) {
    return attempts.stream().map(Attempt::statusCode).collect(Collectors.toList());
  }
}
