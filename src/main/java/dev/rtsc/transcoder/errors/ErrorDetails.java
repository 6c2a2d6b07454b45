package dev.rtsc.transcoder.errors;

import dev.rtsc.transcoder.Attempt;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * What is known about a failed call: the fields every {@link CloudTranscoderException} carries. Use
 * it to build exceptions in tests of code that handles them.
 */
public final class ErrorDetails {
  /** The longest copy of a response body that an exception keeps. */
  public static final int MAX_RAW_BODY_CHARS = 4096;

  private final int statusCode;
  private final String agoraMessage;
  private final String rawBody;
  private final String requestId;
  private final String resourceId;
  private final List<Attempt> attempts;
  private final boolean earlierOutcomeUnknown;
  private final Duration retryAfter;

  private ErrorDetails(
      int statusCode,
      String agoraMessage,
      String rawBody,
      String requestId,
      String resourceId,
      List<Attempt> attempts,
      boolean earlierOutcomeUnknown,
      Duration retryAfter) {
    this.statusCode = statusCode;
    this.agoraMessage = agoraMessage;
    this.rawBody = rawBody;
    this.requestId = requestId;
    this.resourceId = resourceId;
    this.attempts = attempts;
    this.earlierOutcomeUnknown = earlierOutcomeUnknown;
    this.retryAfter = retryAfter;
  }

  /** Details of a failure that happened before any response arrived. */
  public static ErrorDetails noResponse(String requestId) {
    return of(0, null, null, requestId, null);
  }

  /**
   * Details of a response. {@code rawBody} is truncated to {@link #MAX_RAW_BODY_CHARS}; a null
   * {@code requestId} becomes {@code "unknown"} so that messages stay readable.
   */
  public static ErrorDetails of(
      int statusCode, String agoraMessage, String rawBody, String requestId, String resourceId) {
    if (statusCode < 0) {
      throw new IllegalArgumentException("statusCode < 0: " + statusCode);
    }
    String body =
        rawBody != null && rawBody.length() > MAX_RAW_BODY_CHARS
            ? rawBody.substring(0, MAX_RAW_BODY_CHARS)
            : rawBody;
    return new ErrorDetails(
        statusCode,
        agoraMessage,
        body,
        requestId != null ? requestId : "unknown",
        resourceId,
        Collections.<Attempt>emptyList(),
        false,
        null);
  }

  /**
   * These details with the call's attempts and whether an earlier attempt may have reached Agora
   * without the client learning the outcome (a timeout or reset after sending, or a 5xx from a
   * gateway).
   */
  public ErrorDetails withHistory(List<Attempt> attempts, boolean earlierOutcomeUnknown) {
    if (attempts == null) {
      throw new IllegalArgumentException("attempts == null");
    }
    return new ErrorDetails(
        statusCode,
        agoraMessage,
        rawBody,
        requestId,
        resourceId,
        Collections.unmodifiableList(attempts),
        earlierOutcomeUnknown,
        retryAfter);
  }

  /** These details with the wait the server asked for in {@code Retry-After}. */
  public ErrorDetails withRetryAfter(Duration retryAfter) {
    return new ErrorDetails(
        statusCode,
        agoraMessage,
        rawBody,
        requestId,
        resourceId,
        attempts,
        earlierOutcomeUnknown,
        retryAfter);
  }

  /** HTTP status, or 0 when there was no response. */
  public int statusCode() {
    return statusCode;
  }

  /** Agora's {@code message}, or null. */
  public String agoraMessage() {
    return agoraMessage;
  }

  /** Bounded copy of the body, or null. */
  public String rawBody() {
    return rawBody;
  }

  /** Request id; never null. */
  public String requestId() {
    return requestId;
  }

  /** {@code X-Resource-ID}, or null. */
  public String resourceId() {
    return resourceId;
  }

  /** The call's attempts, oldest first; empty when not recorded. */
  public List<Attempt> attempts() {
    return attempts;
  }

  /** The wait the response's {@code Retry-After} asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether an earlier attempt of the call may have been processed by Agora. */
  public boolean earlierOutcomeUnknown() {
    return earlierOutcomeUnknown;
  }
}
