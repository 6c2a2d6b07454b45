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
    this.possiblyDestroyedByEarlierAttempt = details.earlierOutcomeUnknown();
  }

  private final boolean possiblyDestroyedByEarlierAttempt;

  /**
   * True when this 404 answered a retry after an attempt whose outcome is unknown (a timeout or
   * connection reset after the request was sent, or a 5xx from a gateway). That earlier attempt may
   * itself have destroyed the task. Either way the task is no longer running: callers stopping a
   * task can treat this as success, and should not report it as "task id was wrong".
   */
  public boolean possiblyDestroyedByEarlierAttempt() {
    return possiblyDestroyedByEarlierAttempt;
  }
}
