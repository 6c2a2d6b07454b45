package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.TransportException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** Fault family: the connection is refused, or drops before or during the response. */
class ConnectionFaultsTest {

  @Test
  void connectionRefusedIsATransportFailureThatNeverReachedAgora() {
    MockWebServer server = TestServers.startLoopback();
    CloudTranscoderClient.Builder builder = TestServers.clientFor(server);
    server.close(); // nothing listens on the port any more

    try (CloudTranscoderClient client = builder.build()) {
      TransportException e =
          assertThrows(
              TransportException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "req-refused"));

      assertEquals(TransportException.Phase.CONNECT, e.phase());
      assertFalse(e.mayHaveReachedAgora());
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
  void disconnectBeforeTheResponseMayHaveReachedAgora() throws Exception {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client = TestServers.clientFor(server).build()) {
      server.enqueue(
          TestServers.offContract(
              "the connection drops before any response",
              new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build()));

      TransportException e =
          assertThrows(
              TransportException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

      assertEquals(TransportException.Phase.EXCHANGE, e.phase());
      assertTrue(e.mayHaveReachedAgora());
      assertEquals(0, e.statusCode());
      assertEquals("DELETE", server.takeRequest().getMethod());
    }
  }

  @Test
  void disconnectInTheMiddleOfTheBodyKeepsTheStatusAndRequestId() {
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client = TestServers.clientFor(server).build()) {
      server.enqueue(
          new MockResponse.Builder(TestServers.json(200, Fixtures.read("destroy-200.json")))
              .setHeader("X-Request-ID", "req-cut")
              .onResponseBody(new SocketEffect.CloseSocket())
              .build());

      TransportException e =
          assertThrows(
              TransportException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

      assertEquals(200, e.statusCode());
      assertEquals("req-cut", e.requestId());
      assertTrue(e.mayHaveReachedAgora());
    }
  }

  @Test
  void aDroppedConnectionIsRetriedOnAFreshOne() {
    FakeTime time = new FakeTime();
    try (MockWebServer server = TestServers.startLoopback();
        CloudTranscoderClient client =
            TestServers.clientFor(server)
                .retryPolicy(RetryPolicy.defaults())
                .ticker(time)
                .sleeper(time)
                .build()) {
      server.enqueue(
          TestServers.offContract(
              "the connection drops before any response",
              new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build()));
      server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));

      DestroyTaskResult result = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);

      assertEquals(TaskStatus.STOPPED, result.task().status());
      assertEquals(2, result.attempts().size());
    }
  }
}
