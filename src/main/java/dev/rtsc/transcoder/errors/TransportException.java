package dev.rtsc.transcoder.errors;

import java.io.IOException;

/**
 * The call failed on the network: the connection was refused or reset, or the response was cut off.
 * The cause is the underlying {@link IOException}. Whether Agora received the request is unknown,
 * so the task may or may not have been destroyed; destroy is idempotent, so retrying is safe.
 */
public class TransportException extends CloudTranscoderException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public TransportException(ErrorDetails details, IOException cause) {
    this("I/O failure", details, cause);
  }

  TransportException(String summary, ErrorDetails details, IOException cause) {
    super(summary + ": " + describe(cause), details, cause);
  }

  private static String describe(IOException cause) {
    String message = cause.getMessage();
    return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
  }
}
