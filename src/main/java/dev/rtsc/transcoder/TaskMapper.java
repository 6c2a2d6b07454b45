package dev.rtsc.transcoder;

import dev.rtsc.transcoder.generated.model.CloudTranscoderService;
import dev.rtsc.transcoder.generated.model.CloudTranscoderTask;
import dev.rtsc.transcoder.generated.model.TaskExecution;
import dev.rtsc.transcoder.generated.model.TaskServices;

/** Copies generated models into the public immutable types, so users never see generated code. */
final class TaskMapper {
  private TaskMapper() {}

  static TranscodingTask toTask(CloudTranscoderTask task) {
    TaskServices services = task.getServices();
    TaskExecution execution = task.getExecution();
    return new TranscodingTask(
        task.getTaskId(),
        task.getCreateTs(),
        task.getStatusRaw(),
        services == null ? null : toService(services.getCloudTranscoder()),
        task.getSequenceId(),
        task.getEventHandlers(),
        execution == null ? null : execution.getWorkflows(),
        task.getProperties(),
        task.getVariables(),
        task.getWorkflows());
  }

  private static TranscoderService toService(CloudTranscoderService service) {
    if (service == null) {
      return null;
    }
    return new TranscoderService(
        service.getConfig(),
        service.getCreateTs(),
        service.getDetails(),
        service.getMessage(),
        service.getServiceType(),
        service.getStatusRaw());
  }
}
