package dev.rtsc.transcoder.errors;

/**
 * HTTP 404: no such task. It never existed, was already destroyed, or stopped itself after idling
 * past its {@code idleTimeout}; in every case it is no longer running or billed.
 */
public final class TaskNotFoundException extends CloudTranscoderServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  public TaskNotFoundException(ErrorDetails details) {
    super(details);
  }
}
