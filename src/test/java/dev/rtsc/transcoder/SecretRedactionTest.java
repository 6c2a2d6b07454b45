package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rtsc.transcoder.errors.BadRequestException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The secret, the Basic header and the builder token reach no log, message or toString. */
class SecretRedactionTest {
  private static final String TOKEN = "tok+en/with=Special&chars-6Hq2";

  private final FakeTime time = new FakeTime();
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Logger logger;
  private Level previousLevel;
  private MockWebServer server;

  @BeforeEach
  void setUp() {
    logger = (Logger) LoggerFactory.getLogger("dev.rtsc.transcoder");
    previousLevel = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    captured.start();
    logger.addAppender(captured);
    server = TestServers.startLoopback();
  }

  @AfterEach
  void tearDown() {
    logger.detachAppender(captured);
    logger.setLevel(previousLevel);
    server.close();
  }

  @Test
  void aFailingCallWithRetriesAndLoggingLeaksNoSecret() {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (TestServers.CUSTOMER_ID + ":" + TestServers.CUSTOMER_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
    String encodedToken = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    // A proxy that echoes the request line and headers back, then a cut connection, then a 400.
    server.enqueue(
        TestServers.json(
            503,
            "{\"message\":\"upstream failed for DELETE /x?builderToken="
                + encodedToken
                + " Authorization: Basic "
                + basic
                + "\"}"));
    server.enqueue(
        TestServers.offContract(
            "a body cut off mid-way",
            new MockResponse.Builder(TestServers.json(200, "{\"taskId\":\"" + TOKEN))
                .onResponseBody(new SocketEffect.CloseSocket())
                .build()));
    server.enqueue(TestServers.json(400, "{\"message\":\"invalid builderToken " + TOKEN + "\"}"));

    BadRequestException e;
    try (CloudTranscoderClient client =
        TestServers.clientFor(server)
            .retryPolicy(RetryPolicy.defaults())
            .ticker(time)
            .sleeper(time)
            .build()) {
      e = assertThrows(BadRequestException.class, () -> client.destroyTask(APP_ID, TASK_ID, TOKEN));
      assertNoSecret("client.toString()", client.toString());
    }

    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertNoSecret("stack trace with suppressed attempts", trace.toString());
    assertNoSecret("message", e.getMessage());
    assertNoSecret("agoraMessage", e.agoraMessage());
    assertNoSecret("rawBody", e.rawBody());
    assertNoSecret("attempts", e.attempts().toString());
    for (Throwable suppressed : e.getSuppressed()) {
      CloudTranscoderExceptionView view = new CloudTranscoderExceptionView(suppressed);
      assertNoSecret("suppressed rawBody", view.rawBody());
    }

    List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertTrue(lines.size() >= 3, "every attempt is logged: " + lines);
    assertTrue(lines.stream().anyMatch(l -> l.contains("retrying in")), lines.toString());
    for (String line : lines) {
      assertNoSecret("log line", line);
      assertFalse(line.contains(TASK_ID + "?"), "query string logged: " + line);
    }
  }

  @Test
  void aTokenEchoedAcrossTheRawBodyLimitIsMaskedWhole() {
    String body = "{\"message\":\"" + "x".repeat(4080) + TOKEN + "\"}";
    server.enqueue(TestServers.json(400, body));

    try (CloudTranscoderClient client = TestServers.clientFor(server).build()) {
      BadRequestException e =
          assertThrows(BadRequestException.class, () -> client.destroyTask(APP_ID, TASK_ID, TOKEN));
      assertFalse(e.rawBody().contains(TOKEN.substring(0, 5)), "token prefix kept in rawBody");
    }
  }

  @Test
  void shortTokensAndJsonEscapedEchoesAreMaskedToo() {
    String shortToken = "a7/";
    server.enqueue(
        TestServers.json(400, "{\"message\":\"bad token a7\\/ and " + shortToken + "\"}"));

    try (CloudTranscoderClient client = TestServers.clientFor(server).build()) {
      BadRequestException e =
          assertThrows(
              BadRequestException.class, () -> client.destroyTask(APP_ID, TASK_ID, shortToken));
      assertEquals("bad token ██ and ██", e.agoraMessage());
      assertFalse(e.rawBody().contains("a7"), e.rawBody());
    }
  }

  private static void assertNoSecret(String where, String text) {
    if (text == null) {
      return;
    }
    assertFalse(text.contains(TestServers.CUSTOMER_SECRET), where + " has the secret: " + text);
    assertFalse(text.contains(TOKEN), where + " has the builder token: " + text);
    assertFalse(
        text.contains(URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)),
        where + " has the encoded builder token: " + text);
    assertFalse(
        text.contains(
            Base64.getEncoder()
                .encodeToString(
                    (TestServers.CUSTOMER_ID + ":" + TestServers.CUSTOMER_SECRET)
                        .getBytes(StandardCharsets.UTF_8))),
        where + " has the Basic credentials: " + text);
  }

  /** Reads the raw body of a suppressed attempt failure. */
  private record CloudTranscoderExceptionView(Throwable failure) {
    String rawBody() {
      return failure instanceof dev.rtsc.transcoder.errors.CloudTranscoderException c
          ? c.rawBody()
          : null;
    }
  }
}
