package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.CloudTranscoderException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever the server sends and whatever the caller passes, only documented outcomes come out: a
 * result, a {@link CloudTranscoderException}, or an {@link IllegalArgumentException} for bad
 * arguments before anything is sent. Nothing hangs.
 */
class ArbitraryInputPropertiesTest {
  private static MockWebServer server;
  private static CloudTranscoderClient client;
  private static final AtomicReference<MockResponse> next = new AtomicReference<>();

  @BeforeContainer
  static void start() {
    server = TestServers.startLoopback();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return next.get();
          }
        });
    client =
        TestServers.clientFor(server)
            .callTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2))
            .build();
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.close();
  }

  @Property(tries = 300)
  void arbitraryBodiesYieldAResultOrADocumentedException(
      @ForAll("statuses") int status, @ForAll("bodies") String body) {
    next.set(TestServers.json(status, body));

    Object outcome =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> {
              try {
                return client.destroyTask(
                    TestServers.APP_ID, TestServers.TASK_ID, TestServers.BUILDER_TOKEN);
              } catch (CloudTranscoderException documented) {
                return documented;
              }
            });

    if (outcome instanceof CloudTranscoderException e) {
      if (!(e instanceof dev.rtsc.transcoder.errors.TransportException)) {
        // A transport failure can come before the status line is accepted (a 204 with a body is
        // a protocol error); every other failure carries the status.
        assertEquals(status, e.statusCode());
      }
      assertTrue(e.requestId() != null && !e.requestId().isEmpty());
    } else {
      assertTrue(status >= 200 && status < 300, "success only for 2xx, got " + status);
    }
  }

  @Property(tries = 300)
  void arbitraryArgumentsAreRejectedUpFrontOrSentUnchanged(
      @ForAll("strings") String appId,
      @ForAll("strings") String taskId,
      @ForAll("strings") String token)
      throws Exception {
    next.set(TestServers.json(200, Fixtures.read("destroy-200.json")));
    int before = server.getRequestCount();

    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(5), () -> client.destroyTask(appId, taskId, token));
    } catch (IllegalArgumentException rejected) {
      assertEquals(before, server.getRequestCount(), "rejected arguments must not be sent");
      return;
    }

    RecordedRequest request = server.takeRequest();
    List<String> segments = request.getUrl().pathSegments();
    assertEquals(appId, segments.get(2));
    assertEquals(taskId, segments.get(6));
    assertEquals(List.of(token), request.getUrl().queryParameterValues("builderToken"));
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.oneOf(
        Arbitraries.of(200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 503),
        Arbitraries.integers().between(200, 599));
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        json(3),
        json(3).map(j -> j.substring(0, j.length() / 2)),
        Arbitraries.of(Fixtures.read("destroy-200.json"), "{}", "null", "[]", ""));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40),
        Arbitraries.of(".", "..", "a/b", "%2F", " x", "ok-id", "ünï", "tok+en/=="));
  }

  /** JSON-ish documents that use the task's field names with values of any type. */
  private static Arbitrary<String> json(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().ofMaxLength(10).map(s -> "\"" + s + "\""),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.of("true", "false", "null"));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> key =
        Arbitraries.of(
            "taskId",
            "createTs",
            "status",
            "services",
            "cloudTranscoder",
            "config",
            "message",
            "sequenceId",
            "execution",
            "workflows",
            "other");
    Arbitrary<String> member =
        Combinators.combine(key, json(depth - 1)).as((k, v) -> "\"" + k + "\":" + v);
    Arbitrary<String> object = member.list().ofMaxSize(5).map(m -> "{" + String.join(",", m) + "}");
    Arbitrary<String> array =
        json(depth - 1).list().ofMaxSize(3).map(m -> "[" + String.join(",", m) + "]");
    return Arbitraries.oneOf(scalar, object, array);
  }
}
