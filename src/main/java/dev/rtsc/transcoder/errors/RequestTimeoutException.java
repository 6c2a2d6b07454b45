package dev.rtsc.transcoder.errors;

import java.io.IOException;

/**
 * A connect, read, write or call timeout expired, or the call's retry deadline ran out. As with any
 * {@link TransportException}, {@link #phase()} tells whether the request can have reached Agora.
 */
public final class RequestTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public RequestTimeoutException(ErrorDetails details, Phase phase, IOException cause) {
    super("Timed out", details, phase, cause);
  }
}
