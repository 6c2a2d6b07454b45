package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/docs} renders the spec to one self-contained page and checks it in headless
 * Chromium; the check fails for a page that lacks the operation or an enum value.
 */
class ReviewPageTest {
  private static final Path PAGE = Path.of("target/docs/cloud-transcoder.html");
  private static final String BASE = "src/test/resources/contract/base.yaml";

  @Test
  void theReviewPageShowsTheOperationAndBothEnums() throws IOException {
    Scripts.Run run = Scripts.run("scripts/docs");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.output().contains("shows 1 operation(s) and 2 enum(s) (TaskStatus, ServiceStatus)"),
        run::toString);
    String html = Files.readString(PAGE);
    assertFalse(html.matches("(?s).*<script[^>]+src=\"https?:.*"), "scripts are inlined");
    assertTrue(Files.size(Path.of("target/docs/cloud-transcoder.png")) > 0, "screenshot");
  }

  @Test
  void theCheckFailsForAPageWithoutAnEnumValue() {
    Scripts.Run run = checkPageOf("breaking/removed-enum-value");

    assertNotEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.output().contains("enum ServiceStatus: the page does not show \"serviceUnknown\""),
        run::toString);
  }

  @Test
  void theCheckFailsForAPageWithoutTheOperation() {
    Scripts.Run run = checkPageOf("breaking/removed-operation");

    assertNotEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.output()
            .contains(
                "the page does not show \"/v1/projects/{appId}/rtsc/cloud-transcoder/tasks/{taskId}\""),
        run::toString);
  }

  /** Renders a fixture spec, then checks the page against the spec it was changed from. */
  private static Scripts.Run checkPageOf(String fixture) {
    String page = "target/docs-fixtures/" + fixture.replace('/', '-') + ".html";
    Scripts.Run build =
        Scripts.withNodeTools(
            "redocly build-docs --inlineBundle --config openapi/redocly.yaml"
                + " src/test/resources/contract/"
                + fixture
                + ".yaml -o "
                + page);
    assertEquals(0, build.exitCode(), build::toString);
    System.out.println("A deliberately broken page: the check below must fail.");
    return Scripts.run("scripts/check-docs", page, BASE);
  }
}
