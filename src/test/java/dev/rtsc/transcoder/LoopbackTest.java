package dev.rtsc.transcoder;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test against one contract-checked loopback server ({@link TestServers#startLoopback()}) and a
 * client for it with retries and the rate limiter off ({@link TestServers#clientFor}), both fresh
 * for every test method.
 */
abstract class LoopbackTest {
  protected MockWebServer server;
  protected CloudTranscoderClient client;

  @BeforeEach
  void startServerAndClient() {
    server = TestServers.startLoopback();
    client = TestServers.clientFor(server).build();
  }

  @AfterEach
  void closeClientAndServer() {
    client.close();
    server.close();
  }
}
