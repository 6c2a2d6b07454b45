package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rtsc.transcoder.errors.AuthenticationException;
import dev.rtsc.transcoder.errors.BadRequestException;
import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.CloudTranscoderServiceException;
import dev.rtsc.transcoder.errors.ConflictException;
import dev.rtsc.transcoder.errors.PermissionDeniedException;
import dev.rtsc.transcoder.errors.RateLimitException;
import dev.rtsc.transcoder.errors.ServerException;
import dev.rtsc.transcoder.errors.TaskNotFoundException;
import dev.rtsc.transcoder.errors.UnexpectedStatusException;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The status matrix: every status class maps to its exception with status, message and id. */
class ErrorMappingTest extends LoopbackTest {

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, TaskNotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, ServerException.class),
        Arguments.of(501, ServerException.class),
        Arguments.of(502, ServerException.class),
        Arguments.of(503, ServerException.class),
        Arguments.of(504, ServerException.class),
        Arguments.of(599, ServerException.class),
        Arguments.of(304, UnexpectedStatusException.class),
        Arguments.of(405, UnexpectedStatusException.class),
        Arguments.of(408, UnexpectedStatusException.class),
        Arguments.of(418, UnexpectedStatusException.class));
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @MethodSource("statuses")
  void jsonErrorMapsToItsClassWithStatusMessageAndRequestId(
      int status, Class<? extends CloudTranscoderException> expected) throws Exception {
    String body = "{\"message\":\"reason for " + status + "\"}";
    MockResponse response =
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json")
            .setHeader("X-Request-ID", "req-" + status)
            .setHeader("X-Resource-ID", "res-" + status)
            .body(status == 304 ? "" : body)
            .build();
    if (status == 304) {
      response = TestServers.offContract("a 304 has no body", response);
    }
    server.enqueue(response);

    CloudTranscoderException e =
        assertThrows(
            CloudTranscoderException.class,
            () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertSame(expected, e.getClass());
    assertEquals(status, e.statusCode());
    assertEquals("req-" + status, e.requestId());
    assertEquals("res-" + status, e.resourceId());
    if (status == 304) {
      // A 304 has no body by definition.
      assertNull(e.agoraMessage());
      assertEquals("HTTP 304 (request-id: req-304, resource-id: res-304)", e.getMessage());
    } else {
      assertEquals("reason for " + status, e.agoraMessage());
      assertEquals(body, e.rawBody());
      assertEquals(
          "HTTP "
              + status
              + ": reason for "
              + status
              + " (request-id: req-"
              + status
              + ", resource-id: res-"
              + status
              + ")",
          e.getMessage());
    }
    assertEquals("DELETE", server.takeRequest().getMethod());
  }

  @Test
  void htmlErrorPageFromAProxyStillMapsByStatus() throws Exception {
    server.enqueue(
        TestServers.offContract(
            "an HTML error page from a proxy",
            new MockResponse.Builder()
                .code(502)
                .setHeader("Content-Type", "text/html")
                .body(Fixtures.read("error-502.html"))
                .build()));

    ServerException e =
        assertThrows(
            ServerException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    String sentId = server.takeRequest().getHeaders().get("X-Request-ID");
    assertEquals(502, e.statusCode());
    assertNull(e.agoraMessage());
    assertEquals(Fixtures.read("error-502.html"), e.rawBody());
    assertEquals(sentId, e.requestId());
    assertEquals("HTTP 502 (request-id: " + sentId + ")", e.getMessage());
  }

  @Test
  void emptyErrorBodyStillMapsByStatus() throws Exception {
    server.enqueue(
        TestServers.offContract(
            "an error without a body", new MockResponse.Builder().code(401).build()));

    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "req-empty"));

    assertEquals(401, e.statusCode());
    assertNull(e.agoraMessage());
    assertNull(e.rawBody());
    assertEquals("HTTP 401 (request-id: req-empty)", e.getMessage());
  }

  @Test
  void jsonErrorWithoutMessageOrOfAnotherShapeKeepsTheRawBody() {
    server.enqueue(
        TestServers.offContract(
            "an error body without message",
            TestServers.json(400, "{\"code\":7,\"reason\":\"bad appid\"}")));
    server.enqueue(
        TestServers.offContract(
            "an error body that is an array", TestServers.json(400, "[\"bad\"]")));

    BadRequestException objectBody =
        assertThrows(
            BadRequestException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
    BadRequestException arrayBody =
        assertThrows(
            BadRequestException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertNull(objectBody.agoraMessage());
    assertEquals("{\"code\":7,\"reason\":\"bad appid\"}", objectBody.rawBody());
    assertNull(arrayBody.agoraMessage());
    assertEquals("[\"bad\"]", arrayBody.rawBody());
  }

  @Test
  void builderTokenEchoedInAnErrorBodyIsRedacted() {
    String echoed =
        "{\"message\":\"bad token "
            + BUILDER_TOKEN
            + "\",\"url\":\"/tasks/x?builderToken="
            + BUILDER_TOKEN
            + "\"}";
    server.enqueue(
        TestServers.offContract(
            "an error body with a field that echoes the URL", TestServers.json(400, echoed)));

    BadRequestException e =
        assertThrows(
            BadRequestException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertEquals("bad token ██", e.agoraMessage());
    assertFalse(e.rawBody().contains(BUILDER_TOKEN), e.rawBody());
    assertFalse(e.getMessage().contains(BUILDER_TOKEN), e.getMessage());
  }

  @Test
  void forStatusPicksTheSameClassesForCallersThatBuildExceptions() {
    assertSame(
        TaskNotFoundException.class,
        CloudTranscoderServiceException.forStatus(
                dev.rtsc.transcoder.errors.ErrorDetails.of(404, "gone", null, "r", null))
            .getClass());
  }
}
