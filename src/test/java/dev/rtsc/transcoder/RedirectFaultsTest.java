package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rtsc.transcoder.errors.UnexpectedStatusException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fault family: a response tries to send the call elsewhere. */
class RedirectFaultsTest {

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void redirectsToAnotherHostAreNotFollowedAndForwardNothing(int code) {
    try (MockWebServer server = TestServers.startLoopback();
        MockWebServer elsewhere = TestServers.startLoopback();
        CloudTranscoderClient client = TestServers.clientFor(server).build()) {
      server.enqueue(
          TestServers.offContract(
              "a redirect, which Agora never sends",
              new MockResponse.Builder()
                  .code(code)
                  .setHeader("Location", elsewhere.url("/steal").toString())
                  .build()));

      UnexpectedStatusException e =
          assertThrows(
              UnexpectedStatusException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

      assertEquals(code, e.statusCode());
      assertEquals(1, server.getRequestCount());
      assertEquals(0, elsewhere.getRequestCount(), "credentials and token stay home");
    }
  }
}
