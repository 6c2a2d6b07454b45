package dev.rtsc.transcoder;

import java.io.IOException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the secrets of one call from text that may reach a log: the builder token (as given and
 * percent-encoded) and the Authorization header value. Error bodies from proxies and I/O messages
 * sometimes echo the request URL or headers.
 */
final class Redactor {
  static final String MASK = "██";

  private final List<String> secrets = new ArrayList<>();

  Redactor(String builderToken, String authorization) {
    add(builderToken);
    try {
      add(URLEncoder.encode(builderToken, "UTF-8"));
      add(URLEncoder.encode(builderToken, "UTF-8").replace("+", "%20"));
    } catch (java.io.UnsupportedEncodingException impossible) {
      throw new AssertionError(impossible);
    }
    add(authorization);
    add(authorization.substring(authorization.indexOf(' ') + 1));
    // Longest first, so that a secret containing another is masked whole.
    secrets.sort((a, b) -> b.length() - a.length());
  }

  private void add(String secret) {
    if (secret != null && secret.length() >= 4 && !secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** {@code cause} itself if its message is clean, else a copy with the message redacted. */
  IOException redact(IOException cause) {
    String message = cause.getMessage();
    String clean = redact(message);
    if (message == null || message.equals(clean)) {
      return cause;
    }
    IOException copy = new IOException(cause.getClass().getName() + ": " + clean, cause.getCause());
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }
}
