package dev.rtsc.transcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRowTest {

  @Test
  void aByteOrderMarkFromASpreadsheetExportIsNotPartOfTheFirstId() {
    List<TaskRow> rows = TaskRow.parse(List.of("\uFEFFapp-1,task-1,tok-1"));

    assertEquals("app-1", rows.get(0).appId);
  }

  @Test
  void aByteOrderMarkBeforeAHeaderStillLeavesAHeader() {
    List<TaskRow> rows =
        TaskRow.parse(List.of("\uFEFFapp_id,task_id,builder_token", "app-1,task-1,tok-1"));

    assertEquals(1, rows.size());
    assertEquals("task-1", rows.get(0).taskId);
  }

  @Test
  void aDataRowMentioningAppAndTaskIsNotAHeader() {
    List<TaskRow> rows = TaskRow.parse(List.of("my-app,task-1,tok-1", "my-app,task-2,tok-2"));

    assertEquals(2, rows.size());
    assertEquals(1, rows.get(0).line);
    assertEquals("task-1", rows.get(0).taskId);
    assertNull(rows.get(0).problem);
  }

  @Test
  void headerColumnsMayComeInAnyOrderAndCase() {
    List<TaskRow> rows = TaskRow.parse(List.of("builderToken,TASK_ID,appId", "tok-1,task-1,app-1"));

    assertEquals("app-1", rows.get(0).appId);
    assertEquals("task-1", rows.get(0).taskId);
    assertEquals("tok-1", rows.get(0).builderToken);
  }

  @Test
  void aHeaderMissingAColumnIsAUsageError() {
    UsageError e =
        assertThrows(UsageError.class, () -> TaskRow.parse(List.of("app_id,task_id", "a,b")));

    assertTrue(e.getMessage().contains("app_id, task_id and builder_token"), e.getMessage());
  }

  @Test
  void aShortRowEchoesNoFieldBecauseOneMayBeAToken() {
    TaskRow row = TaskRow.parse(List.of("my-app,SUPERSECRET-TOKEN")).get(0);

    assertNull(row.appId);
    assertNull(row.taskId);
    assertNull(row.builderToken);
    assertEquals("expected 3 fields: app_id,task_id,builder_token", row.problem);
  }

  @Test
  void quotedCsvFieldsAndJsonLinesAreRead() {
    List<TaskRow> rows =
        TaskRow.parse(
            List.of(
                "\"app,1\",task-1,\"tok\"\"en\"",
                "{\"app_id\":\"app-2\",\"task_id\":\"task-2\",\"builder_token\":\"tok-2\"}",
                "{\"appId\":\"app-3\"}",
                "{not json",
                "",
                "# a comment"));

    assertEquals(4, rows.size());
    assertEquals("app,1", rows.get(0).appId);
    assertEquals("tok\"en", rows.get(0).builderToken);
    assertEquals("tok-2", rows.get(1).builderToken);
    assertEquals("expected appId, taskId and builderToken", rows.get(2).problem);
    assertNull(rows.get(2).appId, "an incomplete JSON row echoes nothing");
    assertEquals("not valid JSON", rows.get(3).problem);
  }
}
