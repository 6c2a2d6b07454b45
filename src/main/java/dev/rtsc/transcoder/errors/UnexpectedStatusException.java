package dev.rtsc.transcoder.errors;

/**
 * A non-2xx status that has no class of its own, such as a 3xx redirect (never followed, so
 * credentials are not forwarded) or an unlisted 4xx.
 */
public final class UnexpectedStatusException extends CloudTranscoderServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  public UnexpectedStatusException(ErrorDetails details) {
    super(details);
  }
}
