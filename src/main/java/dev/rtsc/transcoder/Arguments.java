package dev.rtsc.transcoder;

/**
 * Checks the caller's arguments before any network call, so that a mistake fails fast with a
 * message that names the argument instead of surfacing later as an HTTP 400 or 404.
 */
final class Arguments {
  private static final int MAX_REQUEST_ID_LENGTH = 128;

  /**
   * The ASCII characters each check lets through, worked out once from the checks themselves, so
   * that a typical id costs one array read per character instead of three character-class lookups;
   * the lookups took about 5 % of a call (BENCHMARKS.md). Other characters take the full checks.
   */
  private static final boolean[] PATH_SEGMENT_ASCII = new boolean[128];

  private static final boolean[] BUILDER_TOKEN_ASCII = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      PATH_SEGMENT_ASCII[c] = !isPathDelimiter(c) && isVisible(c) && !Character.isWhitespace(c);
      BUILDER_TOKEN_ASCII[c] = isVisible(c);
    }
  }

  private Arguments() {}

  /**
   * An App ID or task ID becomes one path segment. Characters that a proxy or server could read as
   * URL structure are refused even though they would be percent-encoded: an ID never contains them,
   * so their presence means a bug in the caller, not a task to destroy.
   */
  static void checkPathSegment(String value, String name) {
    checkText(value, name);
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(name + " must not be '" + value + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128 && PATH_SEGMENT_ASCII[c]) {
        continue;
      }
      if (isPathDelimiter(c)) {
        throw new IllegalArgumentException(
            name + " must not contain '" + c + "' (found at index " + i + ")");
      }
      if (Character.isWhitespace(c) || !isVisible(c)) {
        throw new IllegalArgumentException(
            name
                + " must not contain whitespace, control or invisible characters (found at index "
                + i
                + ")");
      }
    }
  }

  /**
   * The builder token travels as a percent-encoded query value, so any printable character is fine;
   * control characters are refused. The value itself never appears in a message.
   */
  static void checkBuilderToken(String value) {
    checkText(value, "builderToken");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128 && BUILDER_TOKEN_ASCII[c]) {
        continue;
      }
      if (!isVisible(c)) {
        throw new IllegalArgumentException(
            "builderToken must not contain control or invisible characters (found at index "
                + i
                + ")");
      }
    }
  }

  /** A request id is sent as a header value, which only carries visible ASCII. */
  static void checkRequestId(String value) {
    checkText(value, "requestId");
    if (value.length() > MAX_REQUEST_ID_LENGTH) {
      throw new IllegalArgumentException(
          "requestId is longer than " + MAX_REQUEST_ID_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new IllegalArgumentException(
            "requestId must be visible ASCII without spaces (found at index " + i + ")");
      }
    }
  }

  /** Characters a proxy or server could read as URL structure. */
  private static boolean isPathDelimiter(char c) {
    return c == '/' || c == '\\' || c == '?' || c == '#' || c == '%' || c == ';';
  }

  /**
   * Neither a control character nor a format character such as a byte-order mark (U+FEFF) or a
   * zero-width space: a spreadsheet export can put those at the start of a file, and an id carrying
   * one names a different task whose 404 would hide that the real one is still running.
   */
  private static boolean isVisible(char c) {
    return !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT;
  }

  private static void checkText(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " == null");
    }
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }
}
