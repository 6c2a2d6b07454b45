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
  private final List<String> credentialForms;
  private final int shortest;
  // Built on first use: one is made per call, and a call that succeeds never redacts anything.
  private volatile List<String> secrets;

  /**
   * @param credentialForms the client's {@link #credentialForms}, made once per client: the
   *     credentials never change, and building their forms took most of a 404's redaction time
   */
  Redactor(String builderToken, List<String> credentialForms) {
    this.builderToken = builderToken;
    this.credentialForms = credentialForms;
    // Encoding and escaping never shorten a secret, so no form is shorter than this.
    this.shortest =
        credentialForms.isEmpty()
            ? builderToken.length()
            : Math.min(
                builderToken.length(), credentialForms.get(credentialForms.size() - 1).length());
  }

  /** The forms in which the credentials could be echoed, longest first. */
  static List<String> credentialForms(Credentials credentials) {
    List<String> forms = new ArrayList<>();
    add(forms, credentials.authorizationHeader());
    add(forms, credentials.basicToken());
    return withEscapedSlashesLongestFirst(forms);
  }

  private List<String> secrets() {
    List<String> result = secrets;
    if (result == null) {
      List<String> token = new ArrayList<>();
      add(token, builderToken);
      // Typical tokens are letters and digits, which encoding leaves as they are.
      if (!encodesToItself(builderToken)) {
        try {
          add(token, URLEncoder.encode(builderToken, "UTF-8"));
          add(token, URLEncoder.encode(builderToken, "UTF-8").replace("+", "%20"));
        } catch (java.io.UnsupportedEncodingException impossible) {
          throw new AssertionError(impossible);
        }
      }
      result = merge(withEscapedSlashesLongestFirst(token), credentialForms);
      secrets = result;
    }
    return result;
  }

  /**
   * {@code forms} and their copies with '/' escaped as a JSON body may write it, longest first, so
   * that a secret containing another is masked whole.
   */
  private static List<String> withEscapedSlashesLongestFirst(List<String> forms) {
    for (String form : new ArrayList<>(forms)) {
      add(forms, form.replace("/", "\\/"));
    }
    forms.sort((a, b) -> b.length() - a.length());
    return forms;
  }

  /** Two lists sorted longest first, merged into one that stays so, without duplicates. */
  private static List<String> merge(List<String> a, List<String> b) {
    List<String> result = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      String next =
          j >= b.size() || (i < a.size() && a.get(i).length() >= b.get(j).length())
              ? a.get(i++)
              : b.get(j++);
      if (!result.contains(next)) {
        result.add(next);
      }
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
    if (text.length() < shortest) {
      // Too short to hold any secret: a typical error message such as "task not found".
      return text;
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
