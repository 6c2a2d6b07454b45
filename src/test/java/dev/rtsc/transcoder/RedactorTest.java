package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What redaction leaves of text that echoes secrets, including echoes that overlap. */
class RedactorTest {
  // Base64 of "abc:def" is YWJjOmRlZg==, so the Authorization header is "Basic YWJjOmRlZg==".
  private static final Credentials CREDENTIALS = Credentials.of("abc", "def");

  private static Redactor redactor(String builderToken) {
    return new Redactor(builderToken, Redactor.credentialForms(CREDENTIALS));
  }

  @Test
  void overlappingEchoesOfTwoSecretsAreMaskedAsOneStretch() {
    // The credentials' Base64 ends where the JSON-escaped token begins; masking either alone
    // first used to leave most of the other readable.
    String text = "YWJjOmRlZg==\\/abcdefgh";

    assertEquals("██", redactor("==/abcdefgh").redact(text));
  }

  @Test
  void aSecretEchoedTwiceOverlappingItselfIsMaskedWhole() {
    assertEquals("token ██ end", redactor("tok-tok").redact("token tok-tok-tok end"));
  }

  @Test
  void everyEchoIsMaskedAndTheRestOfTheTextKept() {
    String text =
        "url ?builderToken=a%2Fb%2Bc&x=1, auth Basic YWJjOmRlZg==, json \"a\\/b+c\", raw a/b+c";

    assertEquals(
        "url ?builderToken=██&x=1, auth ██, json \"██\", raw ██", redactor("a/b+c").redact(text));
  }

  @Test
  void textShorterThanEverySecretIsReturnedAsItIs() {
    String text = "task not found";

    assertSame(text, redactor("IqbhfE2tmZWpKOxd4rVQ2AabvnOyFPkP").redact(text));
  }
}
