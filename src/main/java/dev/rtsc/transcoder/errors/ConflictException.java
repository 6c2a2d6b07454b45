package dev.rtsc.transcoder.errors;

/** HTTP 409: the request conflicts with the task's current state. */
public final class ConflictException extends CloudTranscoderServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  public ConflictException(ErrorDetails details) {
    super(details);
  }
}
