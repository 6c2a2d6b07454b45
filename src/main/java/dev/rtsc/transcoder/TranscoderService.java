package dev.rtsc.transcoder;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The transcoder service inside a task ({@code services.cloudTranscoder}). Immutable; every
 * accessor may return null when the field was absent.
 */
public final class TranscoderService {
  private final Map<String, Object> config;
  private final Long createTs;
  private final Map<String, Object> details;
  private final String message;
  private final String serviceType;
  private final String statusRaw;

  TranscoderService(
      Map<String, Object> config,
      Long createTs,
      Map<String, Object> details,
      String message,
      String serviceType,
      String statusRaw) {
    this.config = JsonValues.freeze(config);
    this.createTs = createTs;
    this.details = JsonValues.freeze(details);
    this.message = message;
    this.serviceType = serviceType;
    this.statusRaw = statusRaw;
  }

  /** The configuration given when the task was created, as a read-only JSON map. */
  public Map<String, Object> config() {
    return config;
  }

  /** When the service was created, in Unix seconds. */
  public Long createTs() {
    return createTs;
  }

  /** When the service was created. */
  public Instant createdAt() {
    return createTs == null ? null : Instant.ofEpochSecond(createTs);
  }

  /** Reserved ({@code details}). */
  public Map<String, Object> details() {
    return details;
  }

  /**
   * Reserved: the last service event, such as {@code OnSlaveServiceStopped}; may be empty. Not an
   * error message.
   */
  public String message() {
    return message;
  }

  /** The service kind, {@code cloudTranscoderV2} for current tasks. */
  public String serviceType() {
    return serviceType;
  }

  /** The service status; {@link ServiceStatus#UNKNOWN} for a value this client does not know. */
  public ServiceStatus status() {
    return statusRaw == null ? null : ServiceStatus.fromValue(statusRaw);
  }

  /** The {@code status} string exactly as Agora sent it. */
  public String statusRaw() {
    return statusRaw;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof TranscoderService)) {
      return false;
    }
    TranscoderService that = (TranscoderService) other;
    return Objects.equals(config, that.config)
        && Objects.equals(createTs, that.createTs)
        && Objects.equals(details, that.details)
        && Objects.equals(message, that.message)
        && Objects.equals(serviceType, that.serviceType)
        && Objects.equals(statusRaw, that.statusRaw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(config, createTs, details, message, serviceType, statusRaw);
  }

  @Override
  public String toString() {
    return "TranscoderService{status="
        + statusRaw
        + ", serviceType="
        + serviceType
        + ", message="
        + message
        + ", createTs="
        + createTs
        + '}';
  }
}
