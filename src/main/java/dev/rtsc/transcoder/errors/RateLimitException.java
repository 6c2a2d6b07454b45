package dev.rtsc.transcoder.errors;

/**
 * HTTP 429: the account sent more than Agora's limit of 10 requests per second. Back off and retry.
 */
public final class RateLimitException extends CloudTranscoderServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  public RateLimitException(ErrorDetails details) {
    super(details);
  }
}
