package dev.rtsc.transcoder;

/**
 * State of the transcoder service inside a task, as reported in {@code
 * services.cloudTranscoder.status}. Agora uses it mainly for troubleshooting; decide on {@link
 * TaskStatus} instead.
 *
 * <p>Agora may add values at any time. A value this version does not know becomes {@link #UNKNOWN},
 * and {@link TranscoderService#statusRaw()} keeps the string as it arrived. Do not confuse {@link
 * #UNKNOWN} with {@link #SERVICE_UNKNOWN}, which Agora itself sends.
 */
public enum ServiceStatus {
  /** The service has not started. */
  SERVICE_IDLE("serviceIdle"),
  /** The service is ready to start. */
  SERVICE_READY("serviceReady"),
  /** The service has started. */
  SERVICE_STARTED("serviceStarted"),
  /** The service is running. */
  SERVICE_IN_PROGRESS("serviceInProgress"),
  /** The service stopped and every task completed. The usual status in a destroy response. */
  SERVICE_COMPLETED("serviceCompleted"),
  /** The service stopped with its task only partly completed. */
  SERVICE_PARTIAL_COMPLETED("servicePartialCompleted"),
  /** The service failed because a parameter was invalid. */
  SERVICE_VALIDATION_FAILED("serviceValidationFailed"),
  /** The service exited unexpectedly. */
  SERVICE_ABNORMAL("serviceAbnormal"),
  /** Agora reports the service state as unknown ({@code serviceUnknown}). */
  SERVICE_UNKNOWN("serviceUnknown"),
  /**
   * A value this version of the client does not know; see {@link TranscoderService#statusRaw()}.
   */
  UNKNOWN(null);

  private final String value;

  ServiceStatus(String value) {
    this.value = value;
  }

  /** The string Agora sends for this status, or null for {@link #UNKNOWN}. */
  public String value() {
    return value;
  }

  /** The status whose wire value is {@code value}, or {@link #UNKNOWN}; never null. */
  public static ServiceStatus fromValue(String value) {
    if (value != null) {
      for (ServiceStatus status : values()) {
        if (value.equals(status.value)) {
          return status;
        }
      }
    }
    return UNKNOWN;
  }
}
