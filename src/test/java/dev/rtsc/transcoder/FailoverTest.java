package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static dev.rtsc.transcoder.TestServers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rtsc.transcoder.errors.ServerException;
import dev.rtsc.transcoder.errors.TransportException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agora's availability guidance: same domain, other global domain, then regional domains. */
class FailoverTest {
  private final FakeTime time = new FakeTime();
  private MockWebServer primary;
  private MockWebServer secondary;
  private MockWebServer regional1;
  private MockWebServer regional2;

  @BeforeEach
  void setUp() {
    primary = TestServers.startLoopback();
    secondary = TestServers.startLoopback();
    regional1 = TestServers.startLoopback();
    regional2 = TestServers.startLoopback();
  }

  @AfterEach
  void tearDown() {
    primary.close();
    secondary.close();
    regional1.close();
    regional2.close();
  }

  private CloudTranscoderClient.Builder client(Endpoints endpoints) {
    return CloudTranscoderClient.builder()
        .credentials(TestServers.CUSTOMER_ID, TestServers.CUSTOMER_SECRET)
        .endpoints(endpoints)
        .maxRequestsPerSecond(0)
        .ticker(time)
        .sleeper(time)
        .random(() -> 0.0);
  }

  private Endpoints chain() {
    return Endpoints.failover(url(primary), url(secondary), url(regional1), url(regional2));
  }

  private static String url(MockWebServer server) {
    return server.url("/").toString();
  }

  @Test
  void serverErrorsMoveFromPrimaryToSecondaryToRegional() {
    primary.enqueue(json(503, "{}"));
    primary.enqueue(json(503, "{}"));
    secondary.enqueue(json(503, "{}"));
    regional1.enqueue(json(200, Fixtures.read("destroy-200.json")));

    DestroyTaskResult result;
    try (CloudTranscoderClient client = client(chain()).build()) {
      result = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    }

    assertEquals(
        List.of(host(primary), host(primary), host(secondary), host(regional1)),
        hosts(result.attempts()));
    assertEquals(List.of(503, 503, 503, 200), statuses(result.attempts()));
  }

  @Test
  void everyDomainGetsTheSamePathQueryAndHeaders() throws Exception {
    primary.enqueue(json(500, "{}"));
    primary.enqueue(json(500, "{}"));
    secondary.enqueue(json(200, Fixtures.read("destroy-200.json")));

    try (CloudTranscoderClient client = client(chain()).build()) {
      client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN, "req-fo");
    }

    primary.takeRequest();
    primary.takeRequest();
    var onSecondary = secondary.takeRequest();
    assertEquals(
        "/v1/projects/" + APP_ID + "/rtsc/cloud-transcoder/tasks/" + TASK_ID,
        onSecondary.getUrl().encodedPath());
    assertEquals(BUILDER_TOKEN, onSecondary.getUrl().queryParameter("builderToken"));
    assertEquals("req-fo", onSecondary.getHeaders().get("X-Request-ID"));
    assertEquals(
        "Basic dGVzdC1jdXN0b21lci1pZDp0ZXN0LWN1c3RvbWVyLXNlY3JldC01ZjNhOWM=",
        onSecondary.getHeaders().get("Authorization"));
  }

  @Test
  void aNetworkErrorSkipsStraightToTheRegionalDomain() {
    String refusing = url(primary);
    primary.close();
    regional1.enqueue(json(200, Fixtures.read("destroy-200.json")));

    DestroyTaskResult result;
    try (CloudTranscoderClient client =
        client(Endpoints.failover(refusing, url(secondary), url(regional1))).build()) {
      result = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    }

    assertEquals(List.of(host(primary), host(regional1)), hosts(result.attempts()));
    assertEquals(0, secondary.getRequestCount());
  }

  @Test
  void aDnsFailureMovesToTheOtherGlobalDomain() {
    // "agora-primary.localhost" stands for a domain whose DNS lookup fails.
    OkHttpClient failingDns =
        new OkHttpClient.Builder()
            .dns(
                hostname -> {
                  if (hostname.startsWith("agora-primary")) {
                    throw new UnknownHostException(hostname + ": no such host");
                  }
                  return List.of(InetAddress.getByName("127.0.0.1"));
                })
            .build();
    secondary.enqueue(json(200, Fixtures.read("destroy-200.json")));

    DestroyTaskResult result;
    try (CloudTranscoderClient client =
        client(
                Endpoints.failover(
                    "http://agora-primary.localhost:" + primary.getPort() + "/",
                    url(secondary),
                    url(regional1)))
            .okHttpClient(failingDns)
            .build()) {
      result = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    }

    List<Attempt> attempts = result.attempts();
    assertEquals(3, attempts.size());
    assertEquals("agora-primary.localhost:" + primary.getPort(), attempts.get(0).host());
    assertEquals("agora-primary.localhost:" + primary.getPort(), attempts.get(1).host());
    assertEquals(host(secondary), attempts.get(2).host());
    assertEquals(0, regional1.getRequestCount());
  }

  @Test
  void aFixedBaseUrlNeverFailsOver() {
    for (int i = 0; i < 3; i++) {
      primary.enqueue(json(503, "{}"));
    }

    try (CloudTranscoderClient client =
        client(Endpoints.fixed(url(primary)))
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
            .build()) {
      ServerException e =
          assertThrows(
              ServerException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertEquals(List.of(host(primary), host(primary), host(primary)), hosts(e.attempts()));
    }
    assertEquals(0, secondary.getRequestCount());
  }

  @Test
  void theLastDomainIsKeptOnceTheChainIsExhausted() {
    String refusing = url(primary);
    primary.close();
    regional1.close();
    for (int i = 0; i < 5; i++) {
      regional2.enqueue(json(503, "{}"));
    }

    try (CloudTranscoderClient client =
        client(Endpoints.failover(refusing, url(secondary), url(regional1), url(regional2)))
            .build()) {
      ServerException e =
          assertThrows(
              ServerException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertEquals(
          List.of(
              host(primary), host(regional1), host(regional2), host(regional2), host(regional2)),
          hosts(e.attempts()));
      assertEquals(TransportException.class, e.getSuppressed()[0].getClass());
    }
  }

  @Test
  void regionsListAgorasDomainsInGuidanceOrder() {
    assertEquals(
        "Endpoints[https://api.agora.io/, https://api.sd-rtn.com/,"
            + " https://api-eu-west-1.agora.io/, https://api-eu-central-1.agora.io/]",
        Endpoints.region(Region.EU).toString());
    assertEquals(
        "Endpoints[https://api.sd-rtn.com/, https://api.agora.io/,"
            + " https://api-cn-east-1.sd-rtn.com/, https://api-cn-north-1.sd-rtn.com/]",
        Endpoints.region(Region.CN).toString());
    assertEquals(
        "Endpoints[https://api.agora.io/, https://api.sd-rtn.com/,"
            + " https://api-us-west-1.agora.io/, https://api-us-east-1.agora.io/]",
        Endpoints.region(Region.US).toString());
    assertEquals(
        "Endpoints[https://api.agora.io/, https://api.sd-rtn.com/,"
            + " https://api-ap-southeast-1.agora.io/, https://api-ap-northeast-1.agora.io/]",
        Endpoints.region(Region.AP).toString());
    assertEquals(
        "Endpoints[https://api.sd-rtn.com/, https://api.agora.io/]", Endpoints.global().toString());
  }

  @Test
  void theStepPlanFollowsTheGuidance() {
    Endpoints endpoints = Endpoints.region(Region.EU);

    assertEquals(1, endpoints.next(0, false), "same domain first");
    assertEquals(2, endpoints.next(1, false), "then the other global domain");
    assertEquals(3, endpoints.next(2, false), "then regional");
    assertEquals(4, endpoints.next(3, false));
    assertEquals(4, endpoints.next(4, false), "stays on the last");
    assertEquals(3, endpoints.next(0, true), "network error: straight to regional");
    assertEquals(4, endpoints.next(3, true));
    assertEquals(1, Endpoints.global().next(0, true), "no regional step: keep going");
  }

  private static String host(MockWebServer server) {
    return server.url("/").host() + ":" + server.getPort();
  }

  private static List<String> hosts(List<Attempt> attempts) {
    return attempts.stream().map(Attempt::host).collect(Collectors.toList());
  }

  private static List<Integer> statuses(List<Attempt> attempts) {
    return attempts.stream().map(Attempt::statusCode).collect(Collectors.toList());
  }
}
