package dev.rtsc.transcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.testing.FakeAgoraServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the tool's {@code main} in-process against the fake Agora server. */
class CliTest {
  private static final String ID = "cli-customer";
  private static final String SECRET = "cli-secret-b7f31e";
  private static final Map<String, String> ENV =
      Map.of("AGORA_CUSTOMER_ID", ID, "AGORA_CUSTOMER_SECRET", SECRET);

  @TempDir Path dir;
  private FakeAgoraServer agora;
  private final List<CliRun> runs = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();

  @BeforeEach
  void setUp() {
    agora = FakeAgoraServer.builder().credentials(ID, SECRET).build().start();
  }

  @AfterEach
  void nothingSecretWasPrinted() {
    agora.close();
    for (CliRun run : runs) {
      assertFalse(run.all().contains(SECRET), "secret printed:\n" + run.all());
      assertFalse(run.all().contains("Basic "), "Authorization printed:\n" + run.all());
      for (String token : tokens) {
        assertFalse(run.all().contains(token), "builder token printed:\n" + run.all());
      }
    }
  }

  private FakeAgoraServer.Task task() {
    FakeAgoraServer.Task task = agora.addTask("cli-app", "IN_PROGRESS");
    tokens.add(task.builderToken());
    return task;
  }

  private CliRun run(String... args) {
    return runWith(ENV, "", args);
  }

  private CliRun runWith(Map<String, String> env, String stdin, String... args) {
    CliRun run = CliRun.run(env, stdin, false, args);
    runs.add(run);
    return run;
  }

  private String[] destroy(FakeAgoraServer.Task task, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "destroy",
                "--base-url",
                agora.baseUrl(),
                "--app-id",
                task.appId(),
                "--task-id",
                task.taskId(),
                "--builder-token",
                task.builderToken()));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  /** A bulk destroy of the rows in {@code input} against the fake, with {@code extra} options. */
  private String[] destroyFrom(Path input, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("destroy", "--base-url", agora.baseUrl(), "--from", input.toString()));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  @Test
  void destroyPrintsTheTaskAsTextAndExitsZero() {
    FakeAgoraServer.Task task = task();

    CliRun run = run(destroy(task, "--request-id", "cli-req-1"));

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Destroyed task " + task.taskId() + " of app cli-app\n"));
    assertTrue(run.out().contains("  task status     STOPPED\n"), run.out());
    assertTrue(
        run.out().contains("  service status  serviceCompleted (OnSlaveServiceStopped)\n"),
        run.out());
    assertTrue(run.out().contains("  request id      cli-req-1\n"), run.out());
    assertTrue(agora.tasks().isEmpty());
  }

  @Test
  void destroyPrintsJsonOnRequest() {
    FakeAgoraServer.Task task = task();

    CliRun run = run(destroy(task, "--output", "json", "--request-id", "cli-req-2"));

    assertEquals(0, run.exitCode());
    assertTrue(
        run.out()
            .startsWith(
                "{\"outcome\":\"destroyed\",\"appId\":\"cli-app\",\"taskId\":\""
                    + task.taskId()
                    + "\",\"httpStatus\":200,\"taskStatus\":\"STOPPED\","
                    + "\"serviceStatus\":\"serviceCompleted\","
                    + "\"serviceMessage\":\"OnSlaveServiceStopped\",\"requestId\":\"cli-req-2\","),
        run.out());
    assertEquals(1, run.out().lines().count());
  }

  @Test
  void anAlreadyDestroyedTaskExitsThree() {
    FakeAgoraServer.Task task = task();
    run(destroy(task));

    CliRun text = run(destroy(task));
    CliRun json = run(destroy(task, "-o", "json"));

    assertEquals(3, text.exitCode());
    assertTrue(text.err().startsWith("error: HTTP 404: task not found (request-id: "), text.err());
    assertTrue(text.err().contains("The task is not running"), text.err());
    assertEquals(3, json.exitCode());
    assertTrue(json.out().startsWith("{\"outcome\":\"already_gone\""), json.out());
    assertTrue(json.out().contains("\"httpStatus\":404"), json.out());
  }

  @Test
  void wrongCredentialsExitFour() {
    FakeAgoraServer.Task task = task();

    CliRun run =
        runWith(
            Map.of("AGORA_CUSTOMER_ID", ID, "AGORA_CUSTOMER_SECRET", "wrong-secret"),
            "",
            destroy(task));

    assertEquals(4, run.exitCode());
    assertTrue(run.err().contains("HTTP 401"), run.err());
  }

  @Test
  void rateLimitedExitsFive() {
    agora.failNext(1, 429);

    CliRun run = run(destroy(task(), "--no-retry"));

    assertEquals(5, run.exitCode());
  }

  @Test
  void serverAndNetworkFailuresExitSix() {
    agora.failNext(1, 503);
    CliRun server = run(destroy(task(), "--no-retry"));
    String[] args = destroy(task(), "--no-retry");
    agora.close();
    CliRun network = run(args);

    assertEquals(6, server.exitCode());
    assertEquals(6, network.exitCode());
    assertTrue(network.err().startsWith("error: I/O failure"), network.err());
  }

  @Test
  void otherServiceFailuresExitOne() {
    agora.failNext(1, 409);

    assertEquals(1, run(destroy(task(), "--no-retry")).exitCode());
  }

  @Test
  void usageErrorsExitTwoWithoutCallingAgora() {
    FakeAgoraServer.Task task = task();

    CliRun missing = run("destroy", "--base-url", agora.baseUrl(), "--app-id", "a");
    CliRun badTaskId =
        run(
            "destroy",
            "--base-url",
            agora.baseUrl(),
            "--app-id",
            "a",
            "--task-id",
            "../x",
            "--builder-token",
            "t");
    CliRun plainHttp =
        run(
            "destroy",
            "--base-url",
            "http://api.example.com/",
            "--app-id",
            "a",
            "--task-id",
            "b",
            "--builder-token",
            "t");
    CliRun noCredentials = runWith(Map.of(), "", destroy(task));
    CliRun badDuration = run(destroy(task, "--deadline", "soon"));

    for (CliRun run : List.of(missing, badTaskId, plainHttp, noCredentials, badDuration)) {
      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("error: "), run.err());
    }
    assertTrue(badTaskId.err().contains("taskId must not contain '/'"), badTaskId.err());
    assertTrue(plainHttp.err().contains("must use https"), plainHttp.err());
    assertTrue(noCredentials.err().contains("AGORA_CUSTOMER_SECRET"), noCredentials.err());
    assertEquals(0, agora.requestCount());
  }

  @Test
  void credentialsComeFromAFileWhenGiven() throws IOException {
    Path file = dir.resolve("agora.env");
    Files.writeString(
        file,
        "# Agora\nexport AGORA_CUSTOMER_ID=\"" + ID + "\"\nAGORA_CUSTOMER_SECRET=" + SECRET + "\n");

    CliRun run = runWith(Map.of(), "", destroy(task(), "--credentials-file", file.toString()));

    assertEquals(0, run.exitCode(), run.err());
  }

  @Test
  void theBuilderTokenCanComeFromStdinOrAFile() throws IOException {
    FakeAgoraServer.Task first = task();
    FakeAgoraServer.Task second = task();
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, second.builderToken() + "\n");

    CliRun fromStdin =
        runWith(
            ENV,
            first.builderToken() + "\n",
            "destroy",
            "--base-url",
            agora.baseUrl(),
            "--app-id",
            first.appId(),
            "--task-id",
            first.taskId(),
            "--builder-token-stdin");
    CliRun fromFile =
        run(
            "destroy",
            "--base-url",
            agora.baseUrl(),
            "--app-id",
            second.appId(),
            "--task-id",
            second.taskId(),
            "--builder-token-file",
            tokenFile.toString());

    assertEquals(0, fromStdin.exitCode(), fromStdin.err());
    assertEquals(0, fromFile.exitCode(), fromFile.err());
  }

  @Test
  void bulkReportHasOneLinePerInputRowUnderInjectedFailures() throws IOException {
    List<FakeAgoraServer.Task> tasks = new ArrayList<>();
    StringBuilder csv = new StringBuilder("app_id,task_id,builder_token\n");
    for (int i = 0; i < 12; i++) {
      FakeAgoraServer.Task task = task();
      tasks.add(task);
      csv.append(task.appId()).append(',').append(task.taskId()).append(',');
      csv.append(task.builderToken()).append('\n');
    }
    csv.append("cli-app,never-existed,some-token-value\n");
    csv.append("only-two,fields\n");
    csv.append("cli-app,bad/id,some-token-value\n");
    Path input = dir.resolve("tasks.csv");
    Files.writeString(input, csv);
    Path report = dir.resolve("report.csv");
    agora.failNext(3, 500);

    CliRun first =
        run(destroyFrom(input, "--report", report.toString(), "--no-retry", "--concurrency", "1"));

    assertEquals(7, first.exitCode(), first.err());
    List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
    assertEquals(Outcome.REPORT_HEADER, lines.get(0));
    Map<String, String> outcomeByLine =
        lines.stream()
            .skip(1)
            .map(Csv::parseLine)
            .collect(Collectors.toMap(f -> f.get(0), f -> f.get(3)));
    assertEquals(15, outcomeByLine.size(), "one report line per input row");
    assertEquals(
        Map.of("destroyed", 9L, "failed", 3L, "already_gone", 1L, "invalid", 2L),
        outcomeByLine.values().stream()
            .collect(Collectors.groupingBy(o -> o, Collectors.counting())));
    assertEquals("already_gone", outcomeByLine.get("14"));
    assertEquals("invalid", outcomeByLine.get("15"));
    assertEquals("invalid", outcomeByLine.get("16"));
    assertTrue(
        first.err().contains("15 rows: 9 destroyed, 1 already gone, 3 failed, 2 invalid"),
        first.err());
    assertTrue(first.err().contains("Rerun with --resume"), first.err());

    // Resuming retries only what is not done: the three failed rows (and the invalid ones).
    // Retries stay on: the fake may still count the first run's requests in this second.
    Path second = dir.resolve("report-2.csv");
    CliRun resumed =
        run(destroyFrom(input, "--resume", report.toString(), "--report", second.toString()));

    assertEquals(7, resumed.exitCode(), "the invalid rows are still invalid");
    assertTrue(
        agora.tasks().isEmpty(),
        "every real task is destroyed now, left: "
            + agora.tasks()
            + "\n"
            + Files.readString(report)
            + "\n"
            + Files.readString(dir.resolve("report-2.csv")));
    String secondReport = Files.readString(second);
    assertEquals(10, secondReport.split(",skipped,").length - 1);
    assertEquals(3, secondReport.split(",destroyed,").length - 1);
  }

  @Test
  void bulkAcceptsJsonLinesAndReportsAsJsonLines() throws IOException {
    FakeAgoraServer.Task task = task();
    Path input = dir.resolve("tasks.jsonl");
    Files.writeString(
        input,
        "{\"appId\":\"cli-app\",\"taskId\":\""
            + task.taskId()
            + "\",\"builderToken\":\""
            + task.builderToken()
            + "\"}\n");

    CliRun run = run(destroyFrom(input, "-o", "json"));

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("{\"line\":1,\"outcome\":\"destroyed\""), run.out());
  }

  @Test
  void aBulkRunOfOneHundredTasksStaysUnderTheRateLimit() throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      FakeAgoraServer.Task task = task();
      csv.append(Csv.line(task.appId(), task.taskId(), task.builderToken())).append('\n');
    }
    Path input = dir.resolve("hundred.csv");
    Files.writeString(input, csv);

    CliRun run =
        run(destroyFrom(input, "--concurrency", "16", "--report", dir.resolve("r.csv").toString()));

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(0, agora.rateLimitedCount(), "no 429 from the fake");
    assertEquals(100, agora.requestCount());
    assertTrue(run.err().contains("100 rows: 100 destroyed"), run.err());
  }

  @Test
  void progressIsABarOnATerminalAndLinesOtherwise() throws IOException {
    Path input = dir.resolve("two.csv");
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      FakeAgoraServer.Task task = task();
      csv.append(Csv.line(task.appId(), task.taskId(), task.builderToken())).append('\n');
    }
    Files.writeString(input, csv);
    String[] args = {
      "destroy",
      "--base-url",
      agora.baseUrl(),
      "--from",
      input.toString(),
      "--report",
      dir.resolve("r.csv").toString()
    };

    CliRun plain = CliRun.run(ENV, "", false, args);
    runs.add(plain);

    assertTrue(plain.err().contains("progress 2/2  destroyed 2"), plain.err());
    assertFalse(plain.err().contains("\r"));

    for (FakeAgoraServer.Task task : List.of(task(), task())) {
      Files.writeString(
          input,
          Csv.line(task.appId(), task.taskId(), task.builderToken()) + "\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    CliRun bar = CliRun.run(ENV, "", true, args);
    runs.add(bar);
    assertTrue(bar.err().contains("\r[###"), bar.err());
  }

  @Test
  void commandLineMistakesNeverEchoABuilderToken() {
    String token = "tok-SECRET-4f2a9";
    tokens.add(token);
    List<String[]> mistakes =
        List.of(
            new String[] {"destroy", "--app-id", "a", "--task-id", "b", "--builder-tokn=" + token},
            new String[] {"destroy", "--app-id", "a", "--task-id", "b", "--buildertoken", token},
            new String[] {
              "destroy", "--app-id", "a", "--task-id", "b", "--builder-token", "tok", token
            },
            new String[] {
              "destroy",
              "--app-id",
              "a",
              "--task-id",
              "b",
              "--builder-token",
              token,
              "--builder-token",
              token + "2"
            },
            new String[] {"destroy", "--builder-token", token, "--from", "tasks.csv"});

    for (String[] args : mistakes) {
      CliRun run = run(args);
      assertEquals(2, run.exitCode(), String.join(" ", args));
      assertTrue(run.err().startsWith("error: "), run.err());
      assertFalse(run.err().contains("SECRET"), "token echoed: " + run.err());
    }
    assertEquals(0, agora.requestCount());
  }

  @Test
  void aUsageErrorNamesTheUnknownOption() {
    CliRun run = run("destroy", "--colour=blue");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("error: unknown option --colour=…"), run.err());
  }

  @Test
  void resumeReadsAJsonLinesReportToo() throws IOException {
    FakeAgoraServer.Task done = task();
    FakeAgoraServer.Task pending = task();
    Path input = dir.resolve("tasks.csv");
    Files.writeString(
        input,
        Csv.line(done.appId(), done.taskId(), done.builderToken())
            + "\n"
            + Csv.line(pending.appId(), pending.taskId(), pending.builderToken())
            + "\n");
    Path earlier = dir.resolve("earlier.jsonl");
    Files.writeString(
        earlier,
        "{\"line\":1,\"outcome\":\"destroyed\",\"appId\":\"cli-app\",\"taskId\":\""
            + done.taskId()
            + "\"}\n"
            + "{\"line\":2,\"outcome\":\"failed\",\"appId\":\"cli-app\",\"taskId\":\""
            + pending.taskId()
            + "\"}\n");

    CliRun run = run(destroyFrom(input, "--resume", earlier.toString(), "-o", "json"));

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, agora.requestCount(), "only the failed row is sent again");
    assertEquals(List.of(done), agora.tasks(), "the done row was skipped, not destroyed again");
    assertTrue(run.out().contains("\"outcome\":\"skipped\""), run.out());
  }

  @Test
  void verboseBulkRunsListEveryAttempt() throws IOException {
    FakeAgoraServer.Task task = task();
    Path input = dir.resolve("one.csv");
    Files.writeString(input, Csv.line(task.appId(), task.taskId(), task.builderToken()) + "\n");
    agora.failNext(1, 503);

    CliRun run = run(destroyFrom(input, "--verbose", "--report", dir.resolve("r.csv").toString()));

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("line 1: attempt #1 127.0.0.1:"), run.err());
    assertTrue(run.err().contains("-> 503"), run.err());
    assertTrue(run.err().contains("line 1: attempt #2 127.0.0.1:"), run.err());
  }

  @Test
  void aReportThatCannotBeWrittenIsAFailure() throws IOException {
    FakeAgoraServer.Task task = task();
    Path input = dir.resolve("one.csv");
    Files.writeString(input, Csv.line(task.appId(), task.taskId(), task.builderToken()) + "\n");

    // /dev/full accepts the open and fails every write with "no space left on device".
    CliRun run = run(destroyFrom(input, "--report", "/dev/full"));

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("the report could not be written"), run.err());
  }

  @Test
  void serveRefusesABadPortAsAUsageError() {
    CliRun run = run("serve", "--port", "70000");

    assertEquals(2, run.exitCode());
    assertEquals("error: --port must be between 0 and 65535\n", run.err());
  }

  @Test
  void versionAndHelpExitZero() {
    CliRun version = run("--version");
    CliRun help = run("destroy", "--help");

    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("cloud-transcoder "), version.out());
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("Exit codes: 0 destroyed"), help.out());
  }

  @Test
  void serveSeedsTasksWritesTheirTokensToAFileAndNeverPrintsThem() throws Exception {
    Path tasksFile = dir.resolve("seeded.csv");
    CliRun[] served = new CliRun[1];
    Thread serving =
        new Thread(
            () ->
                served[0] =
                    CliRun.run(
                        ENV,
                        "",
                        false,
                        "serve",
                        "--tasks",
                        "3",
                        "--write-tasks",
                        tasksFile.toString(),
                        "--stop-after",
                        "3s"));
    serving.start();
    for (int i = 0; i < 100 && !Files.exists(tasksFile); i++) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
    List<String> seeded = Files.readAllLines(tasksFile);
    assertEquals("app_id,task_id,builder_token", seeded.get(0));
    assertEquals(4, seeded.size());
    List<String> row = Csv.parseLine(seeded.get(1));
    tokens.add(row.get(2));
    serving.join(10_000);
    runs.add(served[0]);

    assertEquals(0, served[0].exitCode(), served[0].err());
    assertTrue(
        served[0]
            .out()
            .startsWith("Fake Agora Cloud Transcoding server listening on http://127.0.0.1:"),
        served[0].out());
    assertTrue(served[0].out().contains("  " + row.get(1) + "  IN_PROGRESS"), served[0].out());
  }
}
