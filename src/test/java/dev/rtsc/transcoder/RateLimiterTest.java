package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static dev.rtsc.transcoder.TestServers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.RequestTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final FakeTime time = new FakeTime();

  @Test
  void permitsAreSpacedSoNoSecondHoldsMoreThanTheLimit() throws Exception {
    RateLimiter limiter = new RateLimiter(10, time, time);
    List<Long> starts = new ArrayList<>();

    for (int i = 0; i < 35; i++) {
      assertTrue(limiter.acquire(Long.MAX_VALUE));
      starts.add(time.nanoTime());
    }

    for (int i = 0; i + 10 < starts.size(); i++) {
      assertTrue(
          starts.get(i + 10) - starts.get(i) >= 1_000_000_000L,
          "11 starts within one second at index " + i);
    }
    // 34 gaps of 110 ms: 1/10 s plus the 10% margin.
    assertEquals(Duration.ofMillis(3740), time.totalSlept());
  }

  @Test
  void idleTimeDoesNotBuildUpABurst() throws Exception {
    RateLimiter limiter = new RateLimiter(10, time, time);
    limiter.acquire(Long.MAX_VALUE);
    time.advance(Duration.ofSeconds(60));

    limiter.acquire(Long.MAX_VALUE);
    limiter.acquire(Long.MAX_VALUE);

    assertEquals(List.of(Duration.ofMillis(110)), time.sleeps());
  }

  @Test
  void aPermitThatWouldComeTooLateIsNotTaken() throws Exception {
    RateLimiter limiter = new RateLimiter(1, time, time);
    assertTrue(limiter.acquire(0));

    assertFalse(limiter.acquire(1_000_000_000L));
    assertTrue(limiter.acquire(1_100_000_000L));
    assertEquals(List.of(Duration.ofMillis(1100)), time.sleeps());
  }

  @Test
  void consecutiveCallsOfOneClientAreSpacedByTheLimit() {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client =
            TestServers.clientFor(server)
                .maxRequestsPerSecond(10)
                .ticker(time)
                .sleeper(time)
                .build()) {
      for (int i = 0; i < 20; i++) {
        server.enqueue(json(200, Fixtures.read("destroy-200.json")));
        client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
      }
      assertEquals(20, server.getRequestCount());
    }
    // 20 requests at 10 per second, 110 ms apart: the last one starts 2.09 s after the first.
    assertEquals(Duration.ofMillis(2090), time.totalSlept());
  }

  @Test
  void concurrentCallsOfOneClientShareTheLimit() throws Exception {
    List<Long> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());
    try (MockWebServer server = TestServers.startLoopback()) {
      server.setDispatcher(
          new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
              arrivals.add(System.nanoTime());
              return json(200, Fixtures.read("destroy-200.json"));
            }
          });
      try (CloudTranscoderClient client =
          TestServers.clientFor(server)
              .maxRequestsPerSecond(20)
              .asyncExecutor(java.util.concurrent.Executors.newFixedThreadPool(8))
              .build()) {
        List<CompletableFuture<DestroyTaskResult>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
          calls.add(client.destroyTaskAsync(APP_ID, TASK_ID, BUILDER_TOKEN));
        }
        for (CompletableFuture<DestroyTaskResult> call : calls) {
          call.get(20, TimeUnit.SECONDS);
        }
      }
    }
    List<Long> sorted = new ArrayList<>(arrivals);
    java.util.Collections.sort(sorted);
    assertEquals(24, sorted.size());
    for (int i = 0; i + 20 < sorted.size(); i++) {
      // 21 arrivals at 20 per second span at least a second, less a little network jitter.
      long span = sorted.get(i + 20) - sorted.get(i);
      assertTrue(span >= 900_000_000L, "21 requests within " + span / 1_000_000 + " ms");
    }
  }

  @Test
  void aCallThatCannotGetAPermitBeforeItsDeadlineTimesOut() {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client =
            TestServers.clientFor(server)
                .maxRequestsPerSecond(0.1) // one request per 10 s
                .retryPolicy(
                    RetryPolicy.builder().maxAttempts(1).deadline(Duration.ofSeconds(5)).build())
                .ticker(time)
                .sleeper(time)
                .build()) {
      server.enqueue(json(200, Fixtures.read("destroy-200.json")));
      client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);

      RequestTimeoutException e =
          assertThrows(
              RequestTimeoutException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertTrue(e.getMessage().contains("rate limiter"), e.getMessage());
      assertFalse(e.mayHaveReachedAgora());
      assertEquals(1, server.getRequestCount());
    }
  }

  @Test
  void negativeOrNonNumericLimitsAreRejected() {
    CloudTranscoderClient.Builder builder = CloudTranscoderClient.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.maxRequestsPerSecond(-1));
    assertThrows(IllegalArgumentException.class, () -> builder.maxRequestsPerSecond(Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.maxRequestsPerSecond(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> builder.maxRequestsPerSecond(1e-12));
  }
}
