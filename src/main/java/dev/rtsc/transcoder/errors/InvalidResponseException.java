package dev.rtsc.transcoder.errors;

/**
 * Agora answered 2xx but the body was not a task: empty, not JSON, JSON of the wrong shape, or
 * larger than the client reads. The task was most likely destroyed; {@link #rawBody()} shows what
 * arrived.
 */
public final class InvalidResponseException extends CloudTranscoderException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code reason} says what was wrong with the body. */
  public InvalidResponseException(String reason, ErrorDetails details, Throwable cause) {
    super("HTTP " + details.statusCode() + " with an invalid body: " + reason, details, cause);
  }
}
