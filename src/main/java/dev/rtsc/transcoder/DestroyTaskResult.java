package dev.rtsc.transcoder;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a successful destroy: the task in its final state and the ids that identify the
 * call to Agora support. Immutable.
 */
public final class DestroyTaskResult {
  private final TranscodingTask task;
  private final int statusCode;
  private final String requestId;
  private final String resourceId;
  private final List<Attempt> attempts;

  DestroyTaskResult(
      TranscodingTask task,
      int statusCode,
      String requestId,
      String resourceId,
      List<Attempt> attempts) {
    this.task = task;
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.resourceId = resourceId;
    this.attempts = Collections.unmodifiableList(attempts);
  }

  /** The destroyed task as Agora described it; never null. */
  public TranscodingTask task() {
    return task;
  }

  /** The HTTP status of the response, normally 200. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The response's {@code X-Request-ID}, or the id the client sent when Agora omitted the header;
   * never null.
   */
  public String requestId() {
    return requestId;
  }

  /** The response's {@code X-Resource-ID}, or null when absent. */
  public String resourceId() {
    return resourceId;
  }

  /**
   * Every attempt the call made, oldest first; the last one succeeded. More than one when the call
   * retried or failed over.
   */
  public List<Attempt> attempts() {
    return attempts;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DestroyTaskResult)) {
      return false;
    }
    DestroyTaskResult that = (DestroyTaskResult) other;
    return statusCode == that.statusCode
        && task.equals(that.task)
        && requestId.equals(that.requestId)
        && Objects.equals(resourceId, that.resourceId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(task, statusCode, requestId, resourceId);
  }

  @Override
  public String toString() {
    return "DestroyTaskResult{task="
        + task
        + ", statusCode="
        + statusCode
        + ", requestId="
        + requestId
        + ", resourceId="
        + resourceId
        + ", attempts="
        + attempts.size()
        + '}';
  }
}
