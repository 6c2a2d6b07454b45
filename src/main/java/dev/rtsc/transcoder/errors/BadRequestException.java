package dev.rtsc.transcoder.errors;

/**
 * HTTP 400: the request was malformed or a parameter was invalid, or Cloud Transcoding is not
 * enabled for the App ID. Retrying the same request will not help.
 */
public final class BadRequestException extends CloudTranscoderServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  public BadRequestException(ErrorDetails details) {
    super(details);
  }
}
