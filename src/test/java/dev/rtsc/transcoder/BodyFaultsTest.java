package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.ErrorDetails;
import dev.rtsc.transcoder.errors.InvalidResponseException;
import dev.rtsc.transcoder.errors.ServerException;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fault family: a response arrives whole, but its body is not what the contract promises. */
class BodyFaultsTest extends LoopbackTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"taskId\":\"abc\"", // truncated
        "{\"taskId\":\"abc\",\"services\":{\"cloudTrans",
        "not json at all",
        "[1,2,3]",
        "{\"createTs\":\"yesterday\"}",
        "{\"services\":\"cloudTranscoder\"}",
        "{\"taskId\":\"a\"} trailing",
        "null"
      })
  void a200WithABodyThatIsNotATaskIsAnInvalidResponse(String body) {
    server.enqueue(
        TestServers.offContract(
            "a 200 whose body is not a task",
            new MockResponse.Builder(TestServers.json(200, body))
                .setHeader("X-Request-ID", "req-malformed")
                .build()));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertEquals(200, e.statusCode());
    assertEquals(body, e.rawBody());
    assertEquals("req-malformed", e.requestId());
    assertTrue(e.getMessage().startsWith("HTTP 200 with an invalid body: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(request-id: req-malformed)"), e.getMessage());
  }

  @Test
  void anEmpty200IsAnInvalidResponse() throws Exception {
    server.enqueue(
        TestServers.offContract(
            "a 200 without a body", new MockResponse.Builder().code(200).build()));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertEquals(200, e.statusCode());
    assertNull(e.rawBody());
    String sentId = server.takeRequest().getHeaders().get("X-Request-ID");
    assertEquals(
        "HTTP 200 with an invalid body: body is empty (request-id: " + sentId + ")",
        e.getMessage());
  }

  @Test
  void a204IsAnInvalidResponseBecauseTheTaskIsMissing() {
    server.enqueue(
        TestServers.offContract(
            "a 204 instead of the task", new MockResponse.Builder().code(204).build()));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertEquals(204, e.statusCode());
  }

  @Test
  void aTaskServedWithTheWrongContentTypeIsStillRead() {
    // Some gateways relabel bodies; the bytes decide, not the label.
    server.enqueue(
        TestServers.offContract(
            "a task labelled text/plain",
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .body(Fixtures.read("destroy-200.json"))
                .build()));

    assertEquals(
        TaskStatus.STOPPED, client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task().status());
  }

  @Test
  void anHtmlPageServedAs200IsAnInvalidResponseWithThePageKept() {
    server.enqueue(
        TestServers.offContract(
            "an HTML page served as 200",
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body(Fixtures.read("error-502.html"))
                .build()));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertEquals(Fixtures.read("error-502.html"), e.rawBody());
  }

  @Test
  void aHugeSuccessBodyFailsClearlyWithoutReadingItAll() {
    server.enqueue(TestServers.offContract("a 64 MiB body", TestServers.json(200, hugeJson())));

    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertTrue(e.getMessage().contains("larger than 1048576 bytes"), e.getMessage());
    assertEquals(ErrorDetails.MAX_RAW_BODY_CHARS, e.rawBody().length());
  }

  @Test
  void aHugeErrorBodyStillMapsByStatusWithABoundedCopy() {
    server.enqueue(TestServers.offContract("a 64 MiB body", TestServers.json(503, hugeJson())));

    ServerException e =
        assertThrows(
            ServerException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertEquals(503, e.statusCode());
    assertNull(e.agoraMessage());
    assertEquals(ErrorDetails.MAX_RAW_BODY_CHARS, e.rawBody().length());
  }

  /** 64 MiB: far past the limit, so reading it all would show up as time and heap. */
  private static String hugeJson() {
    Buffer buffer = new Buffer().writeUtf8("{\"message\":\"");
    String chunk = "x".repeat(64 * 1024);
    for (int i = 0; i < 1024; i++) {
      buffer.writeUtf8(chunk);
    }
    return buffer.writeUtf8("\"}").readUtf8();
  }
}
