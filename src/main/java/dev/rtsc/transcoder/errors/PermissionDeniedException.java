package dev.rtsc.transcoder.errors;

/** HTTP 403: the credentials are valid but Cloud Transcoding is not enabled for this App ID. */
public final class PermissionDeniedException extends CloudTranscoderServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  public PermissionDeniedException(ErrorDetails details) {
    super(details);
  }
}
