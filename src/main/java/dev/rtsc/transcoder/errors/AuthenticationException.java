package dev.rtsc.transcoder.errors;

/** HTTP 401: the customer ID and secret were missing or wrong. */
public final class AuthenticationException extends CloudTranscoderServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  public AuthenticationException(ErrorDetails details) {
    super(details);
  }
}
