package dev.rtsc.transcoder;

import static dev.rtsc.transcoder.TestServers.APP_ID;
import static dev.rtsc.transcoder.TestServers.BUILDER_TOKEN;
import static dev.rtsc.transcoder.TestServers.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtsc.transcoder.SpecExamples.Example;
import dev.rtsc.transcoder.errors.CloudTranscoderServiceException;
import io.swagger.v3.core.util.Json;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our spec's examples are valid, and every destroy example (ours and Agora's) parses. */
class SpecExamplesTest extends LoopbackTest {
  private static final String CONCRETE_PATH =
      "/v1/projects/" + APP_ID + "/rtsc/cloud-transcoder/tasks/" + TASK_ID;

  static List<Example> ourExamples() {
    return SpecExamples.destroyExamples(SpecExamples.OUR_SPEC);
  }

  /**
   * The destroy examples of Agora's published spec: read from {@code ../shared/reference/} when it
   * sits beside the checkout, else from the copies committed under {@code fixtures/}, so that a
   * fresh clone checks them too.
   */
  static List<Example> agoraExamples() {
    return Files.exists(SpecExamples.AGORA_SPEC)
        ? SpecExamples.destroyExamples(SpecExamples.AGORA_SPEC)
        : committedAgoraExamples();
  }

  private static List<Example> committedAgoraExamples() {
    return List.of(
        new Example("200", "example", Fixtures.read("agora-destroy-200.json")),
        new Example("default", "example", Fixtures.read("agora-destroy-default.json")));
  }

  @Test
  void ourSpecHasAnExampleForEveryResponse() {
    Set<String> withExamples =
        ourExamples().stream()
            .map(Example::responseKey)
            .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(
        new TreeSet<>(
            Set.of(
                "200", "400", "401", "403", "404", "409", "429", "500", "503", "504", "default")),
        withExamples);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourExamples")
  void everyExampleInOurSpecValidatesAgainstItsSchema(Example example) {
    List<String> problems = validate(statusFor(example), example.json());

    assertEquals(List.of(), problems, example::toString);
  }

  @Test
  void theValidatorRejectsAnOffContractBody() {
    // Guards the check above: an unknown enum value is outside the contract and must be reported.
    List<String> problems = validate(200, Fixtures.read("destroy-200-unknown-values.json"));

    assertTrue(problems.toString().contains("HIBERNATING"), problems::toString);
  }

  @Test
  void fixturesServedByTestsFollowTheSpec() {
    assertEquals(List.of(), validate(200, Fixtures.read("destroy-200.json")));
    assertEquals(List.of(), validate(200, Fixtures.read("destroy-200-empty-object.json")));
    assertEquals(List.of(), validate(404, Fixtures.read("destroy-404.json")));
  }

  @ParameterizedTest(name = "ours {0}")
  @MethodSource("ourExamples")
  void everyExampleInOurSpecParsesThroughTheClient(Example example) throws Exception {
    assertParses(example);
  }

  @ParameterizedTest(name = "Agora {0}")
  @MethodSource("agoraExamples")
  void everyDestroyExampleInAgorasSpecParsesThroughTheClient(Example example) throws Exception {
    assertParses(example);
  }

  @Test
  void committedCopiesOfAgorasExamplesMatchThePublishedSpec() throws Exception {
    assumeTrue(
        Files.exists(SpecExamples.AGORA_SPEC),
        "Agora's spec is not beside this checkout; the committed copies are used instead");
    List<Example> published = SpecExamples.destroyExamples(SpecExamples.AGORA_SPEC);
    List<Example> committed = committedAgoraExamples();

    assertEquals(published.size(), committed.size());
    for (int i = 0; i < published.size(); i++) {
      assertEquals(published.get(i).responseKey(), committed.get(i).responseKey());
      assertEquals(
          Json.mapper().readTree(published.get(i).json()),
          Json.mapper().readTree(committed.get(i).json()));
    }
  }

  @Test
  void agorasSpecHasADestroySuccessExample() {
    assertTrue(agoraExamples().stream().anyMatch(e -> e.responseKey().equals("200")));
  }

  private void assertParses(Example example) throws Exception {
    int status = statusFor(example);
    JsonNode expected = Json.mapper().readTree(example.json());
    server.enqueue(TestServers.json(status, example.json()));

    if (status == 200) {
      TranscodingTask task = client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN).task();
      assertEquals(expected.path("taskId").asText(), task.taskId());
      assertEquals(expected.path("createTs").asLong(), task.createTs());
      assertEquals(expected.path("status").asText(), task.statusRaw());
      assertTrue(task.status() != TaskStatus.UNKNOWN, "known status " + task.statusRaw());
      assertEquals(expected.path("sequenceId").asText(), task.sequenceId());
      JsonNode service = expected.path("services").path("cloudTranscoder");
      assertEquals(service.path("status").asText(), task.cloudTranscoder().statusRaw());
      assertTrue(task.cloudTranscoder().status() != ServiceStatus.UNKNOWN);
      assertEquals(service.path("message").asText(), task.cloudTranscoder().message());
      assertEquals(service.path("serviceType").asText(), task.cloudTranscoder().serviceType());
      assertEquals(service.path("createTs").asLong(), task.cloudTranscoder().createTs());
    } else {
      CloudTranscoderServiceException e =
          assertThrows(
              CloudTranscoderServiceException.class,
              () -> client.destroyTask(APP_ID, TASK_ID, BUILDER_TOKEN));
      assertEquals(status, e.statusCode());
      assertEquals(expected.path("message").asText(), e.agoraMessage());
    }
    assertEquals("DELETE", server.takeRequest().getMethod());
  }

  private static int statusFor(Example example) {
    // "default" covers every status without its own entry; 501 is one Agora documents.
    return example.responseKey().equals("default") ? 501 : Integer.parseInt(example.responseKey());
  }

  private static List<String> validate(int status, String body) {
    return ContractValidator.ourSpec()
        .checkResponse(
            "DELETE", CONCRETE_PATH, status, Headers.of("Content-Type", "application/json"), body);
  }
}
