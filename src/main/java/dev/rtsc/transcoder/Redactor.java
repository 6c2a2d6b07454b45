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

  private final String builderToken;
  private final Credentials credentials;
  // Built on first use: one is made per call, and a call that succeeds never redacts anything.
  private volatile List<String> secrets;

  Redactor(String builderToken, Credentials credentials) {
    this.builderToken = builderToken;
    this.credentials = credentials;
  }

  private List<String> secrets() {
    List<String> result = secrets;
    if (result == null) {
      result = new ArrayList<>();
      add(result, builderToken);
      // Typical tokens are letters and digits, which encoding leaves as they are.
      if (!encodesToItself(builderToken)) {
        try {
          add(result, URLEncoder.encode(builderToken, "UTF-8"));
          add(result, URLEncoder.encode(builderToken, "UTF-8").replace("+", "%20"));
        } catch (java.io.UnsupportedEncodingException impossible) {
          throw new AssertionError(impossible);
        }
      }
      add(result, credentials.authorizationHeader());
      add(result, credentials.basicToken());
      // A JSON body that echoes a secret may escape its slashes.
      for (String secret : new ArrayList<>(result)) {
        add(result, secret.replace("/", "\\/"));
      }
      // Longest first, so that a secret containing another is masked whole.
      result.sort((a, b) -> b.length() - a.length());
      secrets = result;
    }
    return result;
  }

  /** Whether {@link URLEncoder} leaves {@code text} unchanged: only [A-Za-z0-9.*_-]. */
  static boolean encodesToItself(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '*'
              || c == '_'
              || c == '-';
      if (!unreserved) {
        return false;
      }
    }
    return true;
  }

  private static void add(List<String> secrets, String secret) {
    // Short tokens are unusual but still credentials; below 3 characters, masking would rewrite
    // ordinary words in the message instead of hiding anything.
    if (secret != null && secret.length() >= 3 && !secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets()) {
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
