package dev.rtsc.transcoder;

/**
 * Where a transcoding task is in its lifecycle, as reported in the task's {@code status} field.
 *
 * <p>Agora may add values at any time. A value this version does not know becomes {@link #UNKNOWN},
 * and {@link TranscodingTask#statusRaw()} keeps the string as it arrived.
 */
public enum TaskStatus {
  /** The task has not started. */
  IDLE("IDLE"),
  /** The request to start the task was received. */
  PREPARED("PREPARED"),
  /** The task is starting. */
  STARTING("STARTING"),
  /** Initialization is complete. */
  CREATED("CREATED"),
  /** The task has started. */
  STARTED("STARTED"),
  /** The task is running. */
  IN_PROGRESS("IN_PROGRESS"),
  /** The task is stopping. */
  STOPPING("STOPPING"),
  /** The task has stopped. The usual status in a destroy response. */
  STOPPED("STOPPED"),
  /** The task exited normally. */
  EXIT("EXIT"),
  /** The task exited abnormally. */
  FAILURE_STOP("FAILURE_STOP"),
  /** A value this version of the client does not know; see {@link TranscodingTask#statusRaw()}. */
  UNKNOWN(null);

  private final String value;

  TaskStatus(String value) {
    this.value = value;
  }

  /** The string Agora sends for this status, or null for {@link #UNKNOWN}. */
  public String value() {
    return value;
  }

  /** The status whose wire value is {@code value}, or {@link #UNKNOWN}; never null. */
  public static TaskStatus fromValue(String value) {
    if (value != null) {
      for (TaskStatus status : values()) {
        if (value.equals(status.value)) {
          return status;
        }
      }
    }
    return UNKNOWN;
  }
}
