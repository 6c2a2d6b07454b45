package dev.rtsc.transcoder.cli;

import dev.rtsc.transcoder.Attempt;
import dev.rtsc.transcoder.DestroyTaskResult;
import dev.rtsc.transcoder.TranscoderService;
import dev.rtsc.transcoder.TranscodingTask;
import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.TaskNotFoundException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one task, in the words of the report: {@code destroyed}, {@code already_gone},
 * {@code failed}, {@code invalid} or {@code skipped}. Holds no builder token.
 */
final class Outcome {
  static final String REPORT_HEADER =
      "line,app_id,task_id,outcome,http_status,task_status,message,request_id";

  final int line;
  final String appId;
  final String taskId;
  final String outcome;
  final int httpStatus;
  final String taskStatus;
  final String serviceStatus;
  final String message;
  final String requestId;
  final String resourceId;
  final String error;
  final int attempts;
  final boolean possiblyDestroyedByEarlierAttempt;
  final List<Attempt> attemptLog;
  final int exitCode;

  private Outcome(
      int line,
      String appId,
      String taskId,
      String outcome,
      int httpStatus,
      String taskStatus,
      String serviceStatus,
      String message,
      String requestId,
      String resourceId,
      String error,
      int attempts,
      boolean possiblyDestroyedByEarlierAttempt,
      List<Attempt> attemptLog,
      int exitCode) {
    this.line = line;
    this.appId = appId;
    this.taskId = taskId;
    this.outcome = outcome;
    this.httpStatus = httpStatus;
    this.taskStatus = taskStatus;
    this.serviceStatus = serviceStatus;
    this.message = message;
    this.requestId = requestId;
    this.resourceId = resourceId;
    this.error = error;
    this.attempts = attempts;
    this.possiblyDestroyedByEarlierAttempt = possiblyDestroyedByEarlierAttempt;
    this.attemptLog = attemptLog;
    this.exitCode = exitCode;
  }

  static Outcome destroyed(int line, String appId, String taskId, DestroyTaskResult result) {
    TranscodingTask task = result.task();
    TranscoderService service = task.cloudTranscoder();
    return new Outcome(
        line,
        appId,
        taskId,
        "destroyed",
        result.statusCode(),
        task.statusRaw(),
        service == null ? null : service.statusRaw(),
        service == null ? null : service.message(),
        result.requestId(),
        result.resourceId(),
        null,
        result.attempts().size(),
        false,
        result.attempts(),
        ExitCodes.OK);
  }

  static Outcome failed(int line, String appId, String taskId, CloudTranscoderException e) {
    boolean gone = e instanceof TaskNotFoundException;
    String message = e.agoraMessage() != null ? e.agoraMessage() : summary(e);
    return new Outcome(
        line,
        appId,
        taskId,
        gone ? "already_gone" : "failed",
        e.statusCode(),
        null,
        null,
        message,
        e.requestId(),
        e.resourceId(),
        e.getClass().getSimpleName(),
        e.attempts().size(),
        gone && ((TaskNotFoundException) e).possiblyDestroyedByEarlierAttempt(),
        e.attempts(),
        ExitCodes.of(e));
  }

  static Outcome invalid(int line, String appId, String taskId, String reason) {
    return new Outcome(
        line,
        appId,
        taskId,
        "invalid",
        0,
        null,
        null,
        reason,
        null,
        null,
        null,
        0,
        false,
        Collections.<Attempt>emptyList(),
        ExitCodes.USAGE);
  }

  static Outcome skipped(int line, String appId, String taskId) {
    return new Outcome(
        line,
        appId,
        taskId,
        "skipped",
        0,
        null,
        null,
        "done in the resumed report",
        null,
        null,
        null,
        0,
        false,
        Collections.<Attempt>emptyList(),
        ExitCodes.OK);
  }

  String csv() {
    return Csv.line(
        line,
        appId,
        taskId,
        outcome,
        httpStatus == 0 ? "" : httpStatus,
        taskStatus,
        message,
        requestId);
  }

  String json() {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (line > 0) {
      fields.put("line", line);
    }
    fields.put("outcome", outcome);
    fields.put("appId", appId);
    fields.put("taskId", taskId);
    if (httpStatus != 0) {
      fields.put("httpStatus", httpStatus);
    }
    fields.put("taskStatus", taskStatus);
    fields.put("serviceStatus", serviceStatus);
    fields.put(outcome.equals("destroyed") ? "serviceMessage" : "message", message);
    if (possiblyDestroyedByEarlierAttempt) {
      fields.put("possiblyDestroyedByEarlierAttempt", true);
    }
    fields.put("error", error);
    fields.put("requestId", requestId);
    fields.put("resourceId", resourceId);
    if (attempts > 0) {
      fields.put("attempts", attempts);
    }
    return Json.object(fields);
  }

  private static String summary(CloudTranscoderException e) {
    String message = e.getMessage();
    int ids = message.lastIndexOf(" (request-id: ");
    return ids > 0 ? message.substring(0, ids) : message;
  }
}
