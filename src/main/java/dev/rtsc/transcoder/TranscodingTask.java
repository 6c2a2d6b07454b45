package dev.rtsc.transcoder;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A Cloud Transcoding task as Agora described it in a response. Immutable.
 *
 * <p>Agora marks no field as required, so every accessor may return null when the field was absent.
 * Reserved fields are exposed as read-only maps of what the JSON held (strings, numbers as {@code
 * Double}, booleans, lists and maps).
 */
public final class TranscodingTask {
  private final String taskId;
  private final Long createTs;
  private final String statusRaw;
  private final TranscoderService cloudTranscoder;
  private final String sequenceId;
  private final Map<String, Object> eventHandlers;
  private final Map<String, Object> executionWorkflows;
  private final Map<String, Object> properties;
  private final Map<String, Object> variables;
  private final Map<String, Object> workflows;

  TranscodingTask(
      String taskId,
      Long createTs,
      String statusRaw,
      TranscoderService cloudTranscoder,
      String sequenceId,
      Map<String, Object> eventHandlers,
      Map<String, Object> executionWorkflows,
      Map<String, Object> properties,
      Map<String, Object> variables,
      Map<String, Object> workflows) {
    this.taskId = taskId;
    this.createTs = createTs;
    this.statusRaw = statusRaw;
    this.cloudTranscoder = cloudTranscoder;
    this.sequenceId = sequenceId;
    this.eventHandlers = JsonValues.freeze(eventHandlers);
    this.executionWorkflows = JsonValues.freeze(executionWorkflows);
    this.properties = JsonValues.freeze(properties);
    this.variables = JsonValues.freeze(variables);
    this.workflows = JsonValues.freeze(workflows);
  }

  /** The task's UUID. */
  public String taskId() {
    return taskId;
  }

  /** When the task was created, in Unix seconds. */
  public Long createTs() {
    return createTs;
  }

  /** When the task was created. */
  public Instant createdAt() {
    return createTs == null ? null : Instant.ofEpochSecond(createTs);
  }

  /** The task status; {@link TaskStatus#UNKNOWN} for a value this client does not know. */
  public TaskStatus status() {
    return statusRaw == null ? null : TaskStatus.fromValue(statusRaw);
  }

  /** The {@code status} string exactly as Agora sent it. */
  public String statusRaw() {
    return statusRaw;
  }

  /** The transcoder service ({@code services.cloudTranscoder}). */
  public TranscoderService cloudTranscoder() {
    return cloudTranscoder;
  }

  /** Reserved: a decimal number carried as a string, such as {@code "0"}. */
  public String sequenceId() {
    return sequenceId;
  }

  /** Reserved ({@code eventHandlers}). */
  public Map<String, Object> eventHandlers() {
    return eventHandlers;
  }

  /** Reserved ({@code execution.workflows}). */
  public Map<String, Object> executionWorkflows() {
    return executionWorkflows;
  }

  /** Reserved ({@code properties}). */
  public Map<String, Object> properties() {
    return properties;
  }

  /** Reserved ({@code variables}). */
  public Map<String, Object> variables() {
    return variables;
  }

  /** Reserved ({@code workflows}). */
  public Map<String, Object> workflows() {
    return workflows;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof TranscodingTask)) {
      return false;
    }
    TranscodingTask that = (TranscodingTask) other;
    return Objects.equals(taskId, that.taskId)
        && Objects.equals(createTs, that.createTs)
        && Objects.equals(statusRaw, that.statusRaw)
        && Objects.equals(cloudTranscoder, that.cloudTranscoder)
        && Objects.equals(sequenceId, that.sequenceId)
        && Objects.equals(eventHandlers, that.eventHandlers)
        && Objects.equals(executionWorkflows, that.executionWorkflows)
        && Objects.equals(properties, that.properties)
        && Objects.equals(variables, that.variables)
        && Objects.equals(workflows, that.workflows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        taskId,
        createTs,
        statusRaw,
        cloudTranscoder,
        sequenceId,
        eventHandlers,
        executionWorkflows,
        properties,
        variables,
        workflows);
  }

  /** The identifying fields and statuses; reserved maps are left out to keep logs short. */
  @Override
  public String toString() {
    return "TranscodingTask{taskId="
        + taskId
        + ", status="
        + statusRaw
        + ", createTs="
        + createTs
        + ", cloudTranscoder="
        + cloudTranscoder
        + ", sequenceId="
        + sequenceId
        + '}';
  }
}
