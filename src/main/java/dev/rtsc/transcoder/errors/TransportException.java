package dev.rtsc.transcoder.errors;

import java.io.IOException;

/**
 * The call failed on the network: a DNS lookup, connect or TLS failure, a reset connection, or a
 * response cut off. The cause is the underlying {@link IOException}; {@link #phase()} tells whether
 * the request can have reached Agora. Destroy is idempotent, so retrying is safe either way.
 */
public class TransportException extends CloudTranscoderException {
  private static final long serialVersionUID = 1L;

  /** How far an attempt got before the network failed it. */
  public enum Phase {
    /** The host name did not resolve. Nothing was sent. */
    DNS,
    /** No connection (refused, unreachable, TLS handshake, connect timeout). Nothing was sent. */
    CONNECT,
    /**
     * The connection was up and the request may have been sent: Agora may have destroyed the task
     * without the client learning it.
     */
    EXCHANGE
  }

  private final Phase phase;

  /** Creates the exception. */
  public TransportException(ErrorDetails details, Phase phase, IOException cause) {
    this("I/O failure", details, phase, cause);
  }

  TransportException(String summary, ErrorDetails details, Phase phase, IOException cause) {
    super(summary + ": " + describe(cause), details, cause);
    if (phase == null) {
      throw new IllegalArgumentException("phase == null");
    }
    this.phase = phase;
  }

  /** How far the failed attempt got. */
  public Phase phase() {
    return phase;
  }

  /** Whether Agora may have received and acted on the request. */
  public boolean mayHaveReachedAgora() {
    return phase == Phase.EXCHANGE;
  }

  private static String describe(IOException cause) {
    String message = cause.getMessage();
    return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
  }
}
