package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvalidArgumentsTest extends LoopbackTest {

  static Stream<Arguments> invalidCalls() {
    return Stream.of(
        Arguments.of(null, TASK_ID, BUILDER_TOKEN, "appId == null"),
        Arguments.of("", TASK_ID, BUILDER_TOKEN, "appId is blank"),
        Arguments.of("   ", TASK_ID, BUILDER_TOKEN, "appId is blank"),
        Arguments.of("app/other", TASK_ID, BUILDER_TOKEN, "appId must not contain '/'"),
        Arguments.of(APP_ID, null, BUILDER_TOKEN, "taskId == null"),
        Arguments.of(APP_ID, "\t", BUILDER_TOKEN, "taskId is blank"),
        Arguments.of(APP_ID, ".", BUILDER_TOKEN, "taskId must not be '.'"),
        Arguments.of(APP_ID, "..", BUILDER_TOKEN, "taskId must not be '..'"),
        Arguments.of(APP_ID, "a/../b", BUILDER_TOKEN, "taskId must not contain '/'"),
        Arguments.of(APP_ID, "a\\b", BUILDER_TOKEN, "taskId must not contain '\\'"),
        Arguments.of(APP_ID, "a?b", BUILDER_TOKEN, "taskId must not contain '?'"),
        Arguments.of(APP_ID, "a#b", BUILDER_TOKEN, "taskId must not contain '#'"),
        Arguments.of(APP_ID, "a%2Fb", BUILDER_TOKEN, "taskId must not contain '%'"),
        Arguments.of(APP_ID, "a;b", BUILDER_TOKEN, "taskId must not contain ';'"),
        Arguments.of(
            APP_ID, " padded", BUILDER_TOKEN, "taskId must not contain whitespace, control"),
        Arguments.of(APP_ID, "a\nb", BUILDER_TOKEN, "taskId must not contain whitespace, control"),
        Arguments.of(
            "\uFEFF" + APP_ID,
            TASK_ID,
            BUILDER_TOKEN,
            "appId must not contain whitespace, control"),
        Arguments.of(
            APP_ID, "task\u200Bid", BUILDER_TOKEN, "taskId must not contain whitespace, control"),
        Arguments.of(APP_ID, TASK_ID, null, "builderToken == null"),
        Arguments.of(APP_ID, TASK_ID, " ", "builderToken is blank"),
        Arguments.of(
            APP_ID, TASK_ID, "tok\r\nen", "builderToken must not contain control or invisible"));
  }

  @ParameterizedTest
  @MethodSource("invalidCalls")
  void invalidArgumentsFailBeforeAnyRequest(
      String appId, String taskId, String token, String expectedMessage) {
    IllegalArgumentException sync =
        assertThrows(
            IllegalArgumentException.class, () -> client.destroyTask(appId, taskId, token));
    IllegalArgumentException async =
        assertThrows(
            IllegalArgumentException.class, () -> client.destroyTaskAsync(appId, taskId, token));

    assertTrue(sync.getMessage().startsWith(expectedMessage), sync.getMessage());
    assertEquals(sync.getMessage(), async.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void rejectedBuilderTokenIsNotEchoedInTheMessage() {
    String token = "secret-token\u0000";

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> client.destroyTask(APP_ID, TASK_ID, token));

    assertFalse(e.getMessage().contains("secret-token"), e.getMessage());
  }

  @Test
  void invalidRequestIdsFailBeforeAnyRequest() {
    assertThrows(
        IllegalArgumentException.class,
        () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "has space"));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "ünïcødé"));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "x".repeat(129)));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void badBuilderSettingsFailWithClearMessages() {
    CloudTranscoderClient.Builder builder = CloudTranscoderClient.builder();
    assertEquals(
        "baseUrl is not an http or https URL: ftp://example.com",
        assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("ftp://example.com"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("https://example.com/?a=b"));
    assertThrows(
        IllegalArgumentException.class, () -> builder.baseUrl("https://user:pw@example.com/"));
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.readTimeout(java.time.Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> builder.credentials(null));
  }

  private static void assertTrue(boolean condition, String message) {
    org.junit.jupiter.api.Assertions.assertTrue(condition, message);
  }
}
