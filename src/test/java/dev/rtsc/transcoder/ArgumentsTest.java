package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The argument checks decide ASCII from a precomputed table and everything else with the character
 * classes; these walk every UTF-16 unit through both checks against the rules as documented.
 */
class ArgumentsTest {

  @Test
  void everyCharacterInAnIdIsJudgedByTheDocumentedRules() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      boolean refused =
          "/\\?#%;".indexOf(c) >= 0
              || Character.isWhitespace(c)
              || Character.isISOControl(c)
              || Character.getType(c) == Character.FORMAT;
      assertEquals(
          refused,
          throwsIllegalArgument(() -> Arguments.checkPathSegment("a" + c + "b", "taskId")),
          () -> String.format("U+%04X in a task id", (int) c));
    }
  }

  @Test
  void everyCharacterInABuilderTokenIsJudgedByTheDocumentedRules() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      boolean refused = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
      assertEquals(
          refused,
          throwsIllegalArgument(() -> Arguments.checkBuilderToken("a" + c + "b")),
          () -> String.format("U+%04X in a builder token", (int) c));
    }
  }

  private static boolean throwsIllegalArgument(Runnable check) {
    try {
      check.run();
      return false;
    } catch (IllegalArgumentException expected) {
      return true;
    }
  }
}
