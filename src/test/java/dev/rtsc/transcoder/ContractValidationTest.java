package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.errors.InvalidResponseException;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mock servers' contract checks catch what they should, and only that. */
class ContractValidationTest extends LoopbackTest {
  private final OkHttpClient raw = new OkHttpClient();

  @AfterEach
  void closeRawClient() {
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
  }

  @Test
  void aRequestWithoutTheBuilderTokenIsAViolation() throws Exception {
    server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));

    send(destroyUrl().removeAllQueryParameters("builderToken").build(), "req-1");

    assertViolations("builderToken", "validation.request.parameter.query.missing");
  }

  @Test
  void aRequestWithAnUndefinedQueryParameterIsAViolation() throws Exception {
    server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));

    send(destroyUrl().addQueryParameter("debug", "1").build(), "req-2");

    assertViolations("debug", "validation.request.parameter.query.unexpected");
  }

  @Test
  void aRequestIdLongerThanTheSpecAllowsIsAViolation() throws Exception {
    server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));

    send(destroyUrl().build(), "x".repeat(129));

    assertViolations("is too long (length: 129, maximum allowed: 128)", "maxLength");
  }

  @Test
  void aRequestWithoutCredentialsIsAViolation() throws Exception {
    server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));

    try (Response response =
        raw.newCall(new Request.Builder().url(destroyUrl().build()).delete().build()).execute()) {
      response.body().string();
    }

    assertViolations("requires security parameters", "validation.request.security.missing");
  }

  @Test
  void aRequestToAPathTheSpecDoesNotHaveIsAViolation() throws Exception {
    server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));

    send(server.url("/v2/projects/" + APP_ID + "/tasks/" + TASK_ID), "req-3");

    assertViolations("/v2/projects/", "validation.request.path.missing");
  }

  @Test
  void aCannedResponseThatBreaksTheSpecIsAViolation() {
    server.enqueue(TestServers.json(200, "{\"taskId\":\"t\",\"createTs\":\"yesterday\"}"));

    assertThrows(
        InvalidResponseException.class, () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertViolations("-> 200: response breaks the contract", "/createTs", "integer");
  }

  @Test
  void aCannedResponseWithAFieldTheSpecDoesNotDefineIsAViolation() {
    // Stricter than JSON Schema on purpose: a misspelt field in a canned response is drift.
    server.enqueue(TestServers.json(200, "{\"taskID\":\"t\"}"));

    client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);

    assertViolations("taskID", "additionalProperties");
  }

  @Test
  void anErrorResponseWithTheWrongContentTypeIsAViolation() {
    server.enqueue(
        new mockwebserver3.MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "text/plain")
            .body("task not found")
            .build());

    assertThrows(
        dev.rtsc.transcoder.errors.TaskNotFoundException.class,
        () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));

    assertViolations("-> 404", "validation.response.contentType.notAllowed");
  }

  @Test
  void anOffContractResponseIsServedQuietlyButItsRequestIsStillChecked() throws Exception {
    server.enqueue(TestServers.offContract("an HTML page", TestServers.json(200, "<html>")));

    send(destroyUrl().removeAllQueryParameters("builderToken").build(), "req-4");

    List<String> violations = TestServers.contract(server).takeViolations();
    assertEquals(1, violations.size(), violations::toString);
    assertTrue(violations.get(0).contains(": request breaks the contract:"), violations::toString);
  }

  @Test
  void theClientsRequestsFollowTheSpec() {
    server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));
    server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));

    client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN);
    client.destroyTask("a:b@c", "uuid-with-ünïcødé", "a&b=c&builderToken=evil", "trace-1");

    assertEquals(List.of(), TestServers.contract(server).takeViolations());
  }

  @Test
  void theExtensionFailsATestWhoseTrafficBrokeTheSpec() throws Exception {
    server.enqueue(TestServers.json(200, Fixtures.read("destroy-200.json")));
    send(destroyUrl().removeAllQueryParameters("builderToken").build(), "req-5");
    server.close(); // as every test's @AfterEach does, before the extension runs

    AssertionError failure =
        assertThrows(AssertionError.class, () -> new ContractCheckExtension().afterEach(null));

    assertTrue(failure.getMessage().contains("builderToken"), failure.getMessage());
    assertTrue(failure.getMessage().contains("TestServers.offContract"), failure.getMessage());
    // The violations were reported once; the real afterEach of this test finds none left.
  }

  private HttpUrl.Builder destroyUrl() {
    return server
        .url("/v1/projects/" + APP_ID + "/rtsc/cloud-transcoder/tasks/" + TASK_ID)
        .newBuilder()
        .addQueryParameter("builderToken", BUILDER_TOKEN);
  }

  private void send(HttpUrl url, String requestId) throws Exception {
    Request request =
        new Request.Builder()
            .url(url)
            .delete()
            .header("Authorization", Credentials.basic("id", "secret"))
            .header("X-Request-ID", requestId)
            .build();
    try (Response response = raw.newCall(request).execute()) {
      response.body().string();
    }
  }

  private void assertViolations(String... expectedParts) {
    List<String> violations = TestServers.contract(server).takeViolations();
    assertTrue(!violations.isEmpty(), "expected a violation");
    String all = String.join("\n", violations);
    for (String part : expectedParts) {
      assertTrue(all.contains(part), () -> "expected '" + part + "' in:\n" + all);
    }
  }
}
