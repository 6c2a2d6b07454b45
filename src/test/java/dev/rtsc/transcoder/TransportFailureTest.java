package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.RequestTimeoutException;
import dev.rtsc.transcoder.errors.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class TransportFailureTest {

  @Test
  void connectionRefusedIsATransportFailureWithTheSentRequestId() {
    MockWebServer server = TestServers.startLoopback();
    CloudTranscoderClient.Builder builder = TestServers.clientFor(server);
    server.close(); // nothing listens on the port any more

    try (CloudTranscoderClient client = builder.build()) {
      TransportException e =
          assertThrows(
              TransportException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "req-refused"));

      assertEquals(0, e.statusCode());
      assertNull(e.agoraMessage());
      assertNull(e.rawBody());
      assertEquals("req-refused", e.requestId());
      assertInstanceOf(IOException.class, e.getCause());
      assertTrue(e.getMessage().startsWith("I/O failure: "), e.getMessage());
      assertTrue(e.getMessage().endsWith("(request-id: req-refused)"), e.getMessage());
    }
  }

  @Test
  void connectionRefusedFailsTheAsyncFutureToo() {
    MockWebServer server = TestServers.startLoopback();
    CloudTranscoderClient.Builder builder = TestServers.clientFor(server);
    server.close();

    try (CloudTranscoderClient client = builder.build()) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  client
                      .destroyTaskAsync(APP_ID, TASK_ID, BUILDER_TOKEN)
                      .get(10, TimeUnit.SECONDS));
      assertInstanceOf(TransportException.class, e.getCause());
    }
  }

  @Test
  void headersLatePastTheReadTimeoutIsATimeout() throws Exception {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client =
            TestServers.clientFor(server).readTimeout(Duration.ofMillis(200)).build()) {
      server.enqueue(
          new MockResponse.Builder()
              .headersDelay(2, TimeUnit.SECONDS)
              .code(200)
              .body(Fixtures.read("destroy-200.json"))
              .build());

      RequestTimeoutException e =
          assertThrows(
              RequestTimeoutException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "req-slow"));

      assertEquals(0, e.statusCode());
      assertEquals("req-slow", e.requestId());
      assertTrue(e.getMessage().startsWith("Timed out: "), e.getMessage());
      assertEquals("DELETE", server.takeRequest().getMethod());
    }
  }

  @Test
  void disconnectInTheMiddleOfTheBodyIsATransportFailureThatKnowsTheStatus() throws Exception {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client = TestServers.clientFor(server).build()) {
      Buffer body = new Buffer().writeUtf8(Fixtures.read("destroy-200.json"));
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .setHeader("X-Request-ID", "req-cut")
              .body(body)
              .onResponseBody(new SocketEffect.CloseSocket())
              .build());

      TransportException e =
          assertThrows(
              TransportException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

      assertEquals(200, e.statusCode());
      assertEquals("req-cut", e.requestId());
    }
  }
}
