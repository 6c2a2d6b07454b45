package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void toStringShowsTheIdAndHidesTheSecret() {
    Credentials credentials = Credentials.of("customer-1", "very-secret-value");

    assertEquals("Credentials{customerId=customer-1, customerSecret=██}", credentials.toString());
  }

  @Test
  void authorizationHeaderIsBasicOfIdAndSecret() {
    // base64("Aladdin:open sesame"), the example of RFC 7617.
    assertEquals(
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        Credentials.of("Aladdin", "open sesame").authorizationHeader());
  }

  @Test
  void environmentVariablesProvideCredentials() {
    Credentials credentials =
        Credentials.fromEnvironment(
            Map.of("AGORA_CUSTOMER_ID", "env-id", "AGORA_CUSTOMER_SECRET", " env-secret \n"));

    assertEquals("env-id", credentials.customerId());
    assertEquals(Credentials.of("env-id", "env-secret"), credentials);
  }

  @Test
  void missingEnvironmentVariablesNameBothVariables() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Credentials.fromEnvironment(Map.of("AGORA_CUSTOMER_ID", "env-id")));

    assertTrue(e.getMessage().contains("AGORA_CUSTOMER_ID"), e.getMessage());
    assertTrue(e.getMessage().contains("AGORA_CUSTOMER_SECRET"), e.getMessage());
  }

  @Test
  void builderWithoutCredentialsFallsBackToTheEnvironment() {
    boolean environmentHasCredentials =
        System.getenv("AGORA_CUSTOMER_ID") != null
            && System.getenv("AGORA_CUSTOMER_SECRET") != null;
    if (environmentHasCredentials) {
      try (CloudTranscoderClient client = CloudTranscoderClient.builder().build()) {
        assertTrue(client.toString().contains(System.getenv("AGORA_CUSTOMER_ID")));
      }
    } else {
      assertThrows(IllegalStateException.class, () -> CloudTranscoderClient.builder().build());
    }
  }

  @Test
  void invalidCredentialsAreRejectedWithoutEchoingTheSecret() {
    assertEquals(
        "customerId == null",
        assertThrows(IllegalArgumentException.class, () -> Credentials.of(null, "s")).getMessage());
    assertEquals(
        "customerSecret is blank",
        assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", " ")).getMessage());
    IllegalArgumentException colon =
        assertThrows(IllegalArgumentException.class, () -> Credentials.of("a:b", "hunter2-secret"));
    assertFalse(colon.getMessage().contains("hunter2-secret"));
  }
}
