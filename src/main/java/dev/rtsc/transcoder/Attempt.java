package dev.rtsc.transcoder;

import java.time.Duration;

/**
 * One HTTP attempt of a call: where it went and how it ended. A call makes several when it retries
 * or fails over; {@link DestroyTaskResult#attempts()} and {@link
 * dev.rtsc.transcoder.errors.CloudTranscoderException#attempts()} list them in order. Holds no
 * secret: the builder token and credentials are never recorded.
 */
public final class Attempt {
  private final int number;
  private final String host;
  private final int statusCode;
  private final Failure cause;
  private final long durationNanos;
  // The cause's message less its ids, made on first use: most attempts' is never read, and a call
  // should not pay for the text on its way to throwing (BENCHMARKS.md).
  private String failure;

  private Attempt(int number, String host, int statusCode, Failure cause, long durationNanos) {
    this.number = number;
    this.host = host;
    this.statusCode = statusCode;
    this.cause = cause;
    this.durationNanos = durationNanos;
  }

  /** {@code cause} is null for the attempt that succeeded. */
  static Attempt of(int number, String host, int statusCode, Failure cause, long durationNanos) {
    return new Attempt(number, host, statusCode, cause, durationNanos);
  }

  /** 1 for the first attempt of a call. */
  public int number() {
    return number;
  }

  /** The host (and port, when not the scheme's default) the attempt was sent to. */
  public String host() {
    return host;
  }

  /** The HTTP status received, or 0 when the attempt got no response. */
  public int statusCode() {
    return statusCode;
  }

  /** Why the attempt failed, or null when it succeeded. */
  public String failure() {
    String text = failure;
    if (text == null && cause != null) {
      text = CallRunner.summary(cause.exception());
      failure = text; // a benign race: every thread computes the same string
    }
    return text;
  }

  /** Whether the attempt produced the call's result. */
  public boolean succeeded() {
    return cause == null;
  }

  /** Time from sending the attempt to its outcome. */
  public Duration duration() {
    return Duration.ofNanos(durationNanos);
  }

  /** For example {@code #2 api.agora.io -> 503 (HTTP 503) in 41 ms}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append('#').append(number).append(' ').append(host);
    text.append(" -> ").append(statusCode == 0 ? "no response" : String.valueOf(statusCode));
    if (cause != null) {
      text.append(" (").append(failure()).append(')');
    }
    return text.append(" in ").append(duration().toMillis()).append(" ms").toString();
  }
}
