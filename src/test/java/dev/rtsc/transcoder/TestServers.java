package dev.rtsc.transcoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * Test servers bound to 127.0.0.1 only, and clients pointed at them. Every server checks the
 * requests it receives and the responses it serves against the spec ({@link ContractDispatcher}).
 */
final class TestServers {
  static final String CUSTOMER_ID = "test-customer-id";
  static final String CUSTOMER_SECRET = "test-customer-secret-5f3a9c";
  static final String APP_ID = "4855aaaabbbbccccddddeeeeffffeae2";
  static final String TASK_ID = "609f28f2644f1ae1ceb041b7047e3a1c";
  static final String BUILDER_TOKEN = "IqbhfE2tmZWpKOxd4rVQ2AabvnOyFPkP";

  private TestServers() {}

  static MockWebServer startLoopback() {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(ContractDispatcher.create());
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  /**
   * A client for one server with retries and the rate limiter off, so that each test sees exactly
   * the responses it enqueued. Resilience tests turn them back on.
   */
  static CloudTranscoderClient.Builder clientFor(MockWebServer server) {
    return CloudTranscoderClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials(CUSTOMER_ID, CUSTOMER_SECRET)
        .retryPolicy(RetryPolicy.disabled())
        .maxRequestsPerSecond(0);
  }

  /** The contract checks of a server made by {@link #startLoopback()}. */
  static ContractDispatcher contract(MockWebServer server) {
    return (ContractDispatcher) server.getDispatcher();
  }

  /**
   * Marks a canned response that breaks the spec on purpose, saying why, so that the server serves
   * it without reporting a violation. The request it answers is still checked.
   */
  static MockResponse offContract(String why, MockResponse response) {
    return ContractDispatcher.markOffContract(why, response);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
