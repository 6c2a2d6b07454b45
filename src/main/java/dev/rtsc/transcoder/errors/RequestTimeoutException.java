package dev.rtsc.transcoder.errors;

import java.io.IOException;

/**
 * A connect, read, write or whole-call timeout expired. As with any {@link TransportException}, the
 * task may or may not have been destroyed.
 */
public final class RequestTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public RequestTimeoutException(ErrorDetails details, IOException cause) {
    super("Timed out", details, cause);
  }
}
