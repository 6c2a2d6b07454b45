package dev.rtsc.transcoder;

import java.io.IOException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Arrays;
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
    int shortest = builderToken.length();
    for (String form : credentialForms) {
      shortest = Math.min(shortest, form.length());
    }
    this.shortest = shortest;
  }

  /** The forms in which the credentials could be echoed. */
  static List<String> credentialForms(Credentials credentials) {
    List<String> forms = new ArrayList<>();
    add(forms, credentials.authorizationHeader());
    add(forms, credentials.basicToken());
    return withEscapedSlashes(forms);
  }

  private List<String> secrets() {
    List<String> result = secrets;
    if (result == null) {
      List<String> forms = new ArrayList<>();
      add(forms, builderToken);
      // Typical tokens are letters and digits, which encoding leaves as they are.
      if (!encodesToItself(builderToken)) {
        try {
          add(forms, URLEncoder.encode(builderToken, "UTF-8"));
          add(forms, URLEncoder.encode(builderToken, "UTF-8").replace("+", "%20"));
        } catch (java.io.UnsupportedEncodingException impossible) {
          throw new AssertionError(impossible);
        }
      }
      withEscapedSlashes(forms);
      for (String form : credentialForms) {
        add(forms, form);
      }
      result = forms;
      secrets = result;
    }
    return result;
  }

  /** Adds to {@code forms} their copies with '/' escaped, as a JSON body may write it. */
  private static List<String> withEscapedSlashes(List<String> forms) {
    for (String form : new ArrayList<>(forms)) {
      add(forms, form.replace("/", "\\/"));
    }
    return forms;
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

  /**
   * {@code text} with every stretch that is covered by an occurrence of any secret replaced by one
   * {@link #MASK}. Occurrences are found in the original text, all of them, before anything is
   * replaced: masking one secret first could cut another that overlaps it, and leave the rest of
   * that one readable.
   */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() < shortest) {
      // Too short to hold any secret: a typical error message such as "task not found".
      return text;
    }
    boolean[] covered = null;
    for (String secret : secrets()) {
      for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
        if (covered == null) {
          covered = new boolean[text.length()];
        }
        Arrays.fill(covered, at, at + secret.length(), true);
      }
    }
    if (covered == null) {
      return text;
    }
    StringBuilder result = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      if (covered[i]) {
        result.append(MASK);
        while (i < text.length() && covered[i]) {
          i++;
        }
      } else {
        result.append(text.charAt(i++));
      }
    }
    return result.toString();
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
