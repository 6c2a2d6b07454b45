package dev.rtsc.transcoder;

import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.CloudTranscoderServiceException;
import dev.rtsc.transcoder.errors.ErrorDetails;
import dev.rtsc.transcoder.errors.InvalidResponseException;
import dev.rtsc.transcoder.errors.RequestTimeoutException;
import dev.rtsc.transcoder.errors.TransportException;
import java.io.IOException;
import java.time.Duration;

/**
 * Why one attempt failed, kept as data while the call decides whether to retry. The exception the
 * caller sees is made from it only where the call returns to the caller ({@link #exception()}): its
 * stack trace then starts at the caller's frames instead of deep in the retry loop, and nothing is
 * thrown and caught inside the client. Capturing those extra frames and unwinding through them was
 * about a third of what a 404 cost on top of a hand-written call (BENCHMARKS.md).
 */
final class Failure {
  private enum Kind {
    STATUS,
    TRANSPORT,
    TIMEOUT,
    INVALID
  }

  private final Kind kind;
  private final ErrorDetails details;
  private final String reason;
  private final TransportException.Phase phase;
  private final Throwable cause;
  private CloudTranscoderException exception;

  private Failure(
      Kind kind,
      ErrorDetails details,
      String reason,
      TransportException.Phase phase,
      Throwable cause) {
    this.kind = kind;
    this.details = details;
    this.reason = reason;
    this.phase = phase;
    this.cause = cause;
  }

  /** A non-2xx response; {@link CloudTranscoderServiceException#forStatus} picks the class. */
  static Failure status(ErrorDetails details) {
    return new Failure(Kind.STATUS, details, null, null, null);
  }

  /** No usable response: {@code cause} must already be free of secrets. */
  static Failure transport(
      ErrorDetails details, TransportException.Phase phase, IOException cause, boolean timedOut) {
    return new Failure(timedOut ? Kind.TIMEOUT : Kind.TRANSPORT, details, null, phase, cause);
  }

  /** A 2xx whose body is not a task; {@code reason} must already be free of secrets. */
  static Failure invalid(String reason, ErrorDetails details, Throwable cause) {
    return new Failure(Kind.INVALID, details, reason, null, cause);
  }

  /** The HTTP status, or 0 when no response arrived. */
  int statusCode() {
    return details.statusCode();
  }

  /** The wait the response's {@code Retry-After} asked for, or null. */
  Duration retryAfter() {
    return details.retryAfter();
  }

  /** I/O failures and timeouts, 408, 429, and 5xx except 501 (not implemented: never changes). */
  boolean retryable() {
    if (kind == Kind.TRANSPORT || kind == Kind.TIMEOUT) {
      return true;
    }
    if (kind != Kind.STATUS) {
      return false;
    }
    int status = details.statusCode();
    return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501);
  }

  /**
   * Whether Agora may have acted on the failed attempt: the request was sent and the connection
   * failed, or a gateway answered 500, 502 or 504 without saying what the backend did.
   */
  boolean outcomeUnknown() {
    if (kind == Kind.TRANSPORT || kind == Kind.TIMEOUT) {
      return phase == TransportException.Phase.EXCHANGE;
    }
    int status = details.statusCode();
    return status == 500 || status == 502 || status == 504;
  }

  /** Agora's guidance: a network failure other than DNS skips straight to a regional domain. */
  boolean isNetworkError() {
    return (kind == Kind.TRANSPORT || kind == Kind.TIMEOUT)
        && phase != TransportException.Phase.DNS;
  }

  /**
   * The exception to throw from the caller's frame. Usually made here; when a log line inside the
   * retry loop already made it (for its message), its stack trace is taken again here, so that it
   * still starts at the caller.
   */
  synchronized CloudTranscoderException exceptionToThrow() {
    if (exception != null) {
      exception.fillInStackTrace();
      return exception;
    }
    return exception();
  }

  /**
   * The exception for this failure, made on first use and the same object afterwards, so that a
   * thrown exception and the attempt that records it agree.
   */
  synchronized CloudTranscoderException exception() {
    // Built in this method rather than a helper: every frame below the caller's is one more that
    // the exception's stack trace captures.
    if (exception == null) {
      switch (kind) {
        case STATUS:
          exception = CloudTranscoderServiceException.forStatus(details);
          break;
        case TIMEOUT:
          exception = new RequestTimeoutException(details, phase, (IOException) cause);
          break;
        case TRANSPORT:
          exception = new TransportException(details, phase, (IOException) cause);
          break;
        case INVALID:
          exception = new InvalidResponseException(reason, details, cause);
          break;
        default:
          throw new AssertionError(kind);
      }
    }
    return exception;
  }
}
