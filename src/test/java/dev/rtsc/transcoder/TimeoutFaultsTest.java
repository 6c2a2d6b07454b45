package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.RequestTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Fault family: the server is slow to answer, or answers too slowly to finish in time. */
class TimeoutFaultsTest {

  @Test
  void headersLatePastTheReadTimeoutIsATimeout() throws Exception {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client =
            TestServers.clientFor(server).readTimeout(Duration.ofMillis(200)).build()) {
      server.enqueue(
          new MockResponse.Builder(TestServers.json(200, Fixtures.read("destroy-200.json")))
              .headersDelay(2, TimeUnit.SECONDS)
              .build());

      RequestTimeoutException e =
          assertThrows(
              RequestTimeoutException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "req-slow"));

      assertEquals(0, e.statusCode());
      assertEquals("req-slow", e.requestId());
      assertTrue(e.mayHaveReachedAgora());
      assertTrue(e.getMessage().startsWith("Timed out: "), e.getMessage());
      assertEquals("DELETE", server.takeRequest().getMethod());
    }
  }

  @Test
  void aBodyTrickledPastTheCallTimeoutIsATimeout() {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client =
            TestServers.clientFor(server).callTimeout(Duration.ofMillis(500)).build()) {
      // Each read arrives well within the read timeout, but the whole body takes ~10 s.
      server.enqueue(
          new MockResponse.Builder(TestServers.json(200, Fixtures.read("destroy-200.json")))
              .throttleBody(64, 1, TimeUnit.SECONDS)
              .build());

      RequestTimeoutException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () ->
                  assertThrows(
                      RequestTimeoutException.class,
                      () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN)));

      assertEquals(200, e.statusCode());
    }
  }

  @Test
  void theRetryDeadlineBoundsTheWholeCallIncludingTheAttemptInFlight() {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client =
            TestServers.clientFor(server)
                .retryPolicy(
                    RetryPolicy.builder()
                        .deadline(Duration.ofMillis(800))
                        .initialBackoff(Duration.ofMillis(10))
                        .build())
                .build()) {
      for (int i = 0; i < 5; i++) {
        server.enqueue(
            new MockResponse.Builder(TestServers.json(200, Fixtures.read("destroy-200.json")))
                .throttleBody(64, 1, TimeUnit.SECONDS)
                .build());
      }

      long started = System.nanoTime();
      RequestTimeoutException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () ->
                  assertThrows(
                      RequestTimeoutException.class,
                      () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN)));
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      assertTrue(tookMillis < 3000, "deadline 800 ms, took " + tookMillis + " ms");
      assertEquals(1, e.attempts().size(), "no time was left to retry");
    }
  }
}
