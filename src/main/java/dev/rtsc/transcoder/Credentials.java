package dev.rtsc.transcoder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The customer ID and customer secret that authenticate calls with HTTP Basic. Create them with
 * {@link #of} or {@link #fromEnvironment()}.
 *
 * <p>The secret never leaves this object except inside the {@code Authorization} header; {@link
 * #toString()} shows only the customer ID.
 */
public final class Credentials {
  /** Environment variable read by {@link #fromEnvironment()} for the customer ID. */
  public static final String CUSTOMER_ID_ENV = "AGORA_CUSTOMER_ID";

  /** Environment variable read by {@link #fromEnvironment()} for the customer secret. */
  public static final String CUSTOMER_SECRET_ENV = "AGORA_CUSTOMER_SECRET";

  private final String customerId;
  private final String basicToken;
  private final String authorization;

  private Credentials(String customerId, String basicToken) {
    this.customerId = customerId;
    this.basicToken = basicToken;
    this.authorization = "Basic " + basicToken;
  }

  /**
   * Credentials from Agora Console's RESTful API page.
   *
   * @throws IllegalArgumentException if either value is null or blank, or the ID contains a colon
   *     (Basic auth could not carry it)
   */
  public static Credentials of(String customerId, String customerSecret) {
    requireText(customerId, "customerId");
    requireText(customerSecret, "customerSecret");
    if (customerId.indexOf(':') >= 0) {
      throw new IllegalArgumentException("customerId must not contain ':'");
    }
    String token =
        Base64.getEncoder()
            .encodeToString((customerId + ":" + customerSecret).getBytes(StandardCharsets.UTF_8));
    return new Credentials(customerId, token);
  }

  /**
   * Credentials from the {@value #CUSTOMER_ID_ENV} and {@value #CUSTOMER_SECRET_ENV} environment
   * variables.
   *
   * @throws IllegalStateException if either variable is unset or blank
   */
  public static Credentials fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Like {@link #fromEnvironment()}, reading from {@code environment} instead of the process
   * environment.
   *
   * @throws IllegalStateException if either variable is missing or blank
   */
  public static Credentials fromEnvironment(Map<String, String> environment) {
    if (environment == null) {
      throw new IllegalArgumentException("environment == null");
    }
    String id = environment.get(CUSTOMER_ID_ENV);
    String secret = environment.get(CUSTOMER_SECRET_ENV);
    if (isBlank(id) || isBlank(secret)) {
      throw new IllegalStateException(
          "Set "
              + CUSTOMER_ID_ENV
              + " and "
              + CUSTOMER_SECRET_ENV
              + " to the customer ID and secret from Agora Console, or pass credentials to the"
              + " builder");
    }
    return of(id.trim(), secret.trim());
  }

  /** The customer ID (not a secret on its own). */
  public String customerId() {
    return customerId;
  }

  /** The value of the {@code Authorization} header. Contains the secret: never log it. */
  String authorizationHeader() {
    return authorization;
  }

  /** The Base64 part of the header alone, which redaction also masks. */
  String basicToken() {
    return basicToken;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Credentials
        && ((Credentials) other).authorization.equals(authorization);
  }

  @Override
  public int hashCode() {
    return authorization.hashCode();
  }

  /** Shows the customer ID and hides the secret. */
  @Override
  public String toString() {
    return "Credentials{customerId=" + customerId + ", customerSecret=██}";
  }

  private static void requireText(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " == null");
    }
    if (isBlank(value)) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.trim().isEmpty();
  }
}
