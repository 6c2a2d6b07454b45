package dev.rtsc.transcoder.errors;

import dev.rtsc.transcoder.Attempt;
import java.util.List;

/**
 * Base of every failure the client reports. Catch this to handle all of them; catch a subclass to
 * handle one class of failure.
 *
 * <p>Every instance carries what a caller or Agora support needs to trace the call: the HTTP status
 * (0 when no response arrived), Agora's {@code message} when the body was JSON, a bounded copy of
 * the raw body, and the request id. The request id is the response's {@code X-Request-ID} or, when
 * Agora omitted it or no response arrived, the id the client sent.
 *
 * <p>{@link #getMessage()} contains the status, Agora's message and the request id, never a secret.
 */
public abstract class CloudTranscoderException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final String MAY_HAVE_BEEN_DESTROYED =
      "; an earlier attempt whose outcome is unknown may have destroyed it";
  private static final String REQUEST_ID = " (request-id: ";
  private static final String RESOURCE_ID = ", resource-id: ";

  private final int statusCode;
  private final String agoraMessage;
  private final String rawBody;
  private final String requestId;
  private final String resourceId;
  private final transient List<Attempt> attempts;

  CloudTranscoderException(String summary, ErrorDetails details, Throwable cause) {
    super(describe(summary, details), cause);
    this.statusCode = details.statusCode();
    this.agoraMessage = details.agoraMessage();
    this.rawBody = details.rawBody();
    this.requestId = details.requestId();
    this.resourceId = details.resourceId();
    this.attempts = details.attempts();
  }

  private static String describe(String summary, ErrorDetails details) {
    String message = details.agoraMessage();
    boolean withMessage = message != null && !message.isEmpty();
    boolean mayBeDestroyed = details.earlierOutcomeUnknown() && details.statusCode() == 404;
    // Sized exactly: growing from the summary's length copied the text three times.
    int length =
        summary.length()
            + (withMessage ? 2 + message.length() : 0)
            + (mayBeDestroyed ? MAY_HAVE_BEEN_DESTROYED.length() : 0)
            + REQUEST_ID.length()
            + details.requestId().length()
            + (details.resourceId() != null
                ? RESOURCE_ID.length() + details.resourceId().length()
                : 0)
            + 1;
    StringBuilder result = new StringBuilder(length).append(summary);
    if (withMessage) {
      result.append(": ").append(message);
    }
    if (mayBeDestroyed) {
      result.append(MAY_HAVE_BEEN_DESTROYED);
    }
    result.append(REQUEST_ID).append(details.requestId());
    if (details.resourceId() != null) {
      result.append(RESOURCE_ID).append(details.resourceId());
    }
    return result.append(')').toString();
  }

  /** The HTTP status of the response, or 0 when the failure happened before one arrived. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The {@code message} field of Agora's JSON error body, or null when the body had none or was not
   * JSON. Agora asks callers not to branch on its text; use the exception type or status instead.
   */
  public String agoraMessage() {
    return agoraMessage;
  }

  /**
   * The start of the response body as text (at most {@value ErrorDetails#MAX_RAW_BODY_CHARS}
   * characters), or null when no body was read. Useful when the body was not JSON, such as an HTML
   * page from a proxy.
   */
  public String rawBody() {
    return rawBody;
  }

  /** The id that identifies this request in Agora's logs and in the client's; never null. */
  public String requestId() {
    return requestId;
  }

  /** The response's {@code X-Resource-ID}, or null when absent. Agora support asks for it. */
  public String resourceId() {
    return resourceId;
  }

  /**
   * Every attempt the call made, oldest first, with host and outcome: more than one when the call
   * retried or failed over. The failures of earlier attempts are also attached as {@link
   * #getSuppressed() suppressed} exceptions.
   */
  public List<Attempt> attempts() {
    return attempts;
  }
}
