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

  /**
   * Reads CSV (header optional: app_id,task_id,builder_token in any order) or JSON lines.
   *
   * @throws UsageError if the first line names some of the columns but not all three
   */
  static List<TaskRow> parse(List<String> lines) {
    List<TaskRow> rows = new ArrayList<>();
    int[] columns = {0, 1, 2};
    boolean first = true;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      if (i == 0 && text.startsWith("\uFEFF")) {
        // Spreadsheet "CSV UTF-8" exports start with a byte-order mark; it is not part of an id.
        text = text.substring(1);
      }
      text = text.trim();
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
      if (first && isHeader(fields)) {
        columns = headerColumns(fields);
        first = false;
        continue;
      }
      first = false;
      rows.add(fromFields(number, fields, columns));
    }
    return rows;
  }

  /**
   * A header is a first line whose fields are column names. Data never looks like that, so a row
   * such as {@code my-app,task-1,tok-1} is never mistaken for one.
   */
  private static boolean isHeader(List<String> fields) {
    int named = 0;
    for (String field : fields) {
      if (column(field) >= 0) {
        named++;
      }
    }
    if (named == 0) {
      return false;
    }
    int[] columns = headerColumns(fields);
    if (columns[0] < 0 || columns[1] < 0 || columns[2] < 0) {
      throw new UsageError(
          "the header line must name app_id, task_id and builder_token; it has "
              + String.join(",", fields));
    }
    return true;
  }

  private static int[] headerColumns(List<String> header) {
    int[] columns = {-1, -1, -1};
    for (int i = 0; i < header.size(); i++) {
      int column = column(header.get(i));
      if (column >= 0) {
        columns[column] = i;
      }
    }
    return columns;
  }

  /** 0, 1, 2 for app id, task id, builder token (snake_case or camelCase); -1 otherwise. */
  private static int column(String field) {
    String name = field.trim().toLowerCase(Locale.ROOT).replace("_", "");
    switch (name) {
      case "appid":
        return 0;
      case "taskid":
        return 1;
      case "buildertoken":
        return 2;
      default:
        return -1;
    }
  }

  private static TaskRow fromFields(int line, List<String> fields, int[] columns) {
    String appId = field(fields, columns[0]);
    String taskId = field(fields, columns[1]);
    String token = field(fields, columns[2]);
    if (appId == null || taskId == null || token == null) {
      // Echo nothing: in a short row the token may sit in the task-id column.
      return new TaskRow(line, null, null, null, "expected 3 fields: app_id,task_id,builder_token");
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
        return new TaskRow(line, null, null, null, "expected appId, taskId and builderToken");
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
