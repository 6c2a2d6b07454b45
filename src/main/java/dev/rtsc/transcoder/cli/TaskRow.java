package dev.rtsc.transcoder.cli;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/**
 * One input row of a bulk run: where it came from and what it asks to destroy. A row that could not
 * be read keeps the reason in {@link #problem}, so the report still has a line for it.
 */
final class TaskRow {
  final int line;
  final String appId;
  final String taskId;
  final String builderToken;
  final String problem;

  private TaskRow(int line, String appId, String taskId, String builderToken, String problem) {
    this.line = line;
    this.appId = appId;
    this.taskId = taskId;
    this.builderToken = builderToken;
    this.problem = problem;
  }

  /** Reads CSV (header optional: app_id,task_id,builder_token) or JSON lines. */
  static List<TaskRow> parse(List<String> lines) {
    List<TaskRow> rows = new ArrayList<>();
    int[] columns = {0, 1, 2};
    boolean first = true;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).trim();
      int number = i + 1;
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (text.startsWith("{")) {
        rows.add(fromJson(number, text));
        first = false;
        continue;
      }
      List<String> fields = Csv.parseLine(text);
      if (first && looksLikeHeader(fields)) {
        columns = headerColumns(fields);
        first = false;
        continue;
      }
      first = false;
      rows.add(fromFields(number, fields, columns));
    }
    return rows;
  }

  private static boolean looksLikeHeader(List<String> fields) {
    String joined = String.join(",", fields).toLowerCase(Locale.ROOT);
    return joined.contains("task") && joined.contains("app");
  }

  private static int[] headerColumns(List<String> header) {
    int[] columns = {-1, -1, -1};
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim().toLowerCase(Locale.ROOT).replace("_", "");
      if (name.equals("appid")) {
        columns[0] = i;
      } else if (name.equals("taskid")) {
        columns[1] = i;
      } else if (name.equals("buildertoken")) {
        columns[2] = i;
      }
    }
    return columns;
  }

  private static TaskRow fromFields(int line, List<String> fields, int[] columns) {
    String appId = field(fields, columns[0]);
    String taskId = field(fields, columns[1]);
    String token = field(fields, columns[2]);
    if (appId == null || taskId == null || token == null) {
      return new TaskRow(line, appId, taskId, null, "expected app_id,task_id,builder_token");
    }
    return new TaskRow(line, appId, taskId, token, null);
  }

  private static String field(List<String> fields, int column) {
    if (column < 0 || column >= fields.size()) {
      return null;
    }
    String value = fields.get(column).trim();
    return value.isEmpty() ? null : value;
  }

  private static TaskRow fromJson(int line, String text) {
    try {
      Object parsed = JsonReader.of(new Buffer().writeUtf8(text)).readJsonValue();
      if (!(parsed instanceof Map)) {
        return new TaskRow(line, null, null, null, "not a JSON object");
      }
      Map<?, ?> object = (Map<?, ?>) parsed;
      String appId = text(object, "appId", "app_id");
      String taskId = text(object, "taskId", "task_id");
      String token = text(object, "builderToken", "builder_token");
      if (appId == null || taskId == null || token == null) {
        return new TaskRow(line, appId, taskId, null, "expected appId, taskId and builderToken");
      }
      return new TaskRow(line, appId, taskId, token, null);
    } catch (IOException | RuntimeException e) {
      return new TaskRow(line, null, null, null, "not valid JSON");
    }
  }

  private static String text(Map<?, ?> object, String name, String alternative) {
    Object value = object.containsKey(name) ? object.get(name) : object.get(alternative);
    return value instanceof String && !((String) value).trim().isEmpty()
        ? ((String) value).trim()
        : null;
  }
}
