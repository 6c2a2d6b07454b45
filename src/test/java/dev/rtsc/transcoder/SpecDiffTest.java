package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The breaking-change gate: the spec must stay compatible with the last released one in {@code
 * openapi/baseline/}, and the gate must catch each kind of breaking change.
 */
class SpecDiffTest {
  static final Path BASELINE = Path.of("openapi/baseline/cloud-transcoder.yaml");
  private static final Path FIXTURES = Path.of("src/test/resources/contract");

  @Test
  void theSpecIsCompatibleWithTheLastReleasedBaseline() throws IOException {
    SpecDiff.Result result = SpecDiff.compare(BASELINE, SpecExamples.OUR_SPEC);

    if (Boolean.getBoolean("spec.bless")) { // scripts/bless-spec
      System.out.println(SpecDiff.bless(BASELINE, SpecExamples.OUR_SPEC));
      return;
    }
    assertFalse(
        result.breaking(),
        () ->
            "openapi/cloud-transcoder.yaml breaks clients built from "
                + BASELINE
                + ":\n"
                + result.report()
                + "\nIf this is deliberate: bump the major of info.version in the spec, then run"
                + " scripts/bless-spec and commit openapi/baseline/. See the README, 'Reviewing a"
                + " contract change'.");
  }

  static Stream<Arguments> breakingChanges() {
    return Stream.of(
        Arguments.of("removed-response-field", "removed propert(ies) [taskId]"),
        Arguments.of("renamed-query-parameter", "builderToken"),
        Arguments.of("parameter-made-required", "X-Request-ID"),
        Arguments.of("removed-enum-value", "removed enum value(s) [serviceUnknown]"),
        Arguments.of("changed-field-type", "createTs"),
        Arguments.of("removed-error-response", "404"),
        Arguments.of("narrowed-request-id", "X-Request-ID"),
        Arguments.of(
            "removed-operation", "/v1/projects/{appId}/rtsc/cloud-transcoder/tasks/{taskId}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakingChanges")
  void eachKindOfBreakingChangeFailsTheGate(String fixture, String reportMentions) {
    SpecDiff.Result result = diffFixture("breaking/" + fixture);

    assertTrue(result.breaking(), () -> fixture + " passed the gate:\n" + result.report());
    assertTrue(
        result.report().contains(reportMentions),
        () -> "the report does not name " + reportMentions + ":\n" + result.report());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"added-response-enum-value", "added-response-field", "reworded-descriptions"})
  void compatibleChangesPassTheGate(String fixture) {
    SpecDiff.Result result = diffFixture("compatible/" + fixture);

    assertFalse(result.breaking(), result::report);
  }

  @Test
  void addedResponseEnumValueIsCompatibleOnlyThanksToOurRule() {
    // Documents why SpecDiff overrides openapi-diff: its default calls this change breaking.
    Path base = FIXTURES.resolve("base.yaml");
    Path added = FIXTURES.resolve("compatible/added-response-enum-value.yaml");

    assertTrue(SpecDiff.compare(base, added, false).breaking());
    assertFalse(SpecDiff.compare(base, added, true).breaking());
  }

  @Test
  void removedResponseEnumValueIsBreakingOnlyThanksToOurRule() {
    Path base = FIXTURES.resolve("base.yaml");
    Path removed = FIXTURES.resolve("breaking/removed-enum-value.yaml");

    assertFalse(SpecDiff.compare(base, removed, false).breaking());
    assertTrue(SpecDiff.compare(base, removed, true).breaking());
  }

  @Test
  void removedOptionalResponseFieldIsBreakingOnlyThanksToOurRule() {
    Path base = FIXTURES.resolve("base.yaml");
    Path removed = FIXTURES.resolve("breaking/removed-response-field.yaml");

    assertFalse(SpecDiff.compare(base, removed, false).breaking());
    assertTrue(SpecDiff.compare(base, removed, true).breaking());
  }

  @Test
  void theSpecComparedWithItselfIsUnchanged() {
    SpecDiff.Result result = SpecDiff.compare(SpecExamples.OUR_SPEC, SpecExamples.OUR_SPEC);

    assertFalse(result.breaking());
    assertTrue(result.report().contains("No differences"), result::report);
  }

  @Test
  void blessingABreakingChangeNeedsANewMajorVersion(@TempDir Path dir) throws IOException {
    Path baseline = Files.copy(FIXTURES.resolve("base.yaml"), dir.resolve("baseline.yaml"));
    Path spec = Files.copy(FIXTURES.resolve("breaking/removed-enum-value.yaml"), dir.resolve("s"));

    AssertionError refused =
        assertThrows(AssertionError.class, () -> SpecDiff.bless(baseline, spec));
    assertTrue(refused.getMessage().contains("bump the major of info.version"));
    assertEquals(Files.readString(FIXTURES.resolve("base.yaml")), Files.readString(baseline));

    Files.writeString(spec, Files.readString(spec).replace("version: 1.0.0", "version: 2.0.0"));
    SpecDiff.bless(baseline, spec);
    assertEquals(Files.readString(spec), Files.readString(baseline));
  }

  @Test
  void blessingACompatibleChangeJustCopiesTheSpec(@TempDir Path dir) throws IOException {
    Path baseline = Files.copy(FIXTURES.resolve("base.yaml"), dir.resolve("baseline.yaml"));
    Path spec = FIXTURES.resolve("compatible/added-response-field.yaml");

    SpecDiff.bless(baseline, spec);

    assertEquals(Files.readString(spec), Files.readString(baseline));
  }

  private static SpecDiff.Result diffFixture(String name) {
    return SpecDiff.compare(FIXTURES.resolve("base.yaml"), FIXTURES.resolve(name + ".yaml"));
  }
}
