package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/lint-spec} (Redocly CLI and Spectral, with the rulesets in {@code openapi/})
 * passes our spec without a single problem, and fails specs that break our rules, warnings
 * included.
 */
class SpecLintTest {
  private static final String FIXTURES = "src/test/resources/contract/lint/";

  @Test
  void theSpecAndTheBaselinePassBothLintersWithoutAnyProblem() {
    Scripts.Run run =
        Scripts.run(
            "scripts/lint-spec",
            SpecExamples.OUR_SPEC.toString(),
            SpecDiffTest.BASELINE.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.output().contains("Woohoo! Your API description"), run::toString);
    assertTrue(
        run.output().contains("No results with a severity of 'warn' or higher"), run::toString);
  }

  @Test
  void bothLintersCatchEachOfOurRules() {
    System.out.println("A deliberately broken fixture: the lint below must fail.");
    Scripts.Run run = Scripts.run("scripts/lint-spec", FIXTURES + "breaks-our-rules.yaml");

    assertNotEquals(0, run.exitCode(), run::toString);
    for (String rule :
        List.of(
            // Redocly
            "rule/rtsc-https-servers",
            "operation-operationId",
            "operation-summary",
            "operation-description",
            "rule/rtsc-property-described",
            "rule/rtsc-enum-values-described",
            "rule/rtsc-response-example",
            // Spectral
            "rtsc-https-servers ",
            "rtsc-operation-documented",
            "rtsc-property-described ",
            "rtsc-schema-described",
            "rtsc-enum-values-described ",
            "enum has 9 values but 8 x-enum-descriptions",
            "rtsc-response-example ")) {
      assertTrue(run.output().contains(rule), () -> "no " + rule + " in\n" + run);
    }
  }

  @Test
  void aWarningAloneFailsTheLint() {
    System.out.println("A deliberately broken fixture: the lint below must fail.");
    Scripts.Run run = Scripts.run("scripts/lint-spec", FIXTURES + "warning-only.yaml");

    assertNotEquals(0, run.exitCode(), run::toString);
    assertTrue(run.output().contains("0 errors, 1 warning"), run::toString);
  }

  @Test
  void everyRedoclyRuleIsAnErrorBecauseRedoclyLetsWarningsPass() throws IOException {
    // `redocly lint` exits 0 on warnings, so openapi/redocly.yaml extends recommended-strict and
    // may configure rules only as error or off.
    String config = Files.readString(Path.of("openapi/redocly.yaml"));
    assertTrue(config.contains("  - recommended-strict"), "extends recommended-strict");
    Matcher warn = Pattern.compile("(?m)^[^#]*\\bwarn\\b.*$").matcher(config);
    assertTrue(!warn.find(), () -> "a warn rule in openapi/redocly.yaml: " + warn.group());
  }
}
