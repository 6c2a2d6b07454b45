package dev.rtsc.transcoder.errors;

/**
 * HTTP 5xx: Agora failed to handle the request. 500, 503 and 504 are worth retrying after a
 * back-off; 501 is not.
 */
public final class ServerException extends CloudTranscoderServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  public ServerException(ErrorDetails details) {
    super(details);
  }
}
