package dev.rtsc.transcoder.cli;

import dev.rtsc.transcoder.Attempt;
import dev.rtsc.transcoder.CloudTranscoderClient;
import dev.rtsc.transcoder.DestroyTaskResult;
import dev.rtsc.transcoder.TranscoderService;
import dev.rtsc.transcoder.TranscodingTask;
import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.TaskNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code destroy}: stops one task, or every task listed in a file. */
@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    description = {
      "Destroy a Cloud Transcoding task, or every task in a CSV or JSON-lines file.",
      "Credentials come from AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET or --credentials-file,"
          + " never from flags."
    },
    footer = {"", ExitCodes.HELP})
final class DestroyCommand implements Callable<Integer> {
  enum Output {
    TEXT,
    JSON
  }

  private final Terminal terminal;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @ArgGroup(exclusive = false)
    Single single;

    @Option(
        names = "--from",
        paramLabel = "FILE",
        required = true,
        description =
            "Destroy every task in FILE: CSV with app_id,task_id,builder_token (header optional)"
                + " or JSON lines with appId, taskId, builderToken.")
    Path from;
  }

  static final class Single {
    @Option(names = "--app-id", required = true, paramLabel = "ID", description = "The App ID.")
    String appId;

    @Option(names = "--task-id", required = true, paramLabel = "ID", description = "The task id.")
    String taskId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenSource token;

    @Option(
        names = "--request-id",
        paramLabel = "ID",
        description = "X-Request-ID to send (default: a new UUID).")
    String requestId;
  }

  static final class TokenSource {
    @Option(
        names = "--builder-token",
        paramLabel = "TOKEN",
        description = "The builder token (tokenName from Acquire).")
    String value;

    @Option(
        names = "--builder-token-file",
        paramLabel = "FILE",
        description = "Read the builder token from FILE.")
    Path file;

    @Option(names = "--builder-token-stdin", description = "Read the builder token from stdin.")
    boolean stdin;
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json.")
  Output output = Output.TEXT;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Bulk: write the report here instead of stdout.")
  Path report;

  @Option(
      names = "--resume",
      paramLabel = "REPORT",
      description = "Bulk: skip rows that an earlier report lists as destroyed or already gone.")
  Path resume;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Bulk: tasks in flight at once (default 4); the rate limit still applies.")
  int concurrency = 4;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description = "Bulk: auto (bar on a terminal, lines otherwise), bar, lines or none.")
  Progress.Mode progress = Progress.Mode.AUTO;

  @Option(names = "--verbose", description = "Also print every attempt (host, status, time).")
  boolean verbose;

  @Mixin ClientOptionsMixin client;

  DestroyCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try (CloudTranscoderClient transcoder = client.options.build(terminal)) {
      return target.from != null ? bulk(transcoder) : single(transcoder);
    }
  }

  private int single(CloudTranscoderClient transcoder) {
    Single task = target.single;
    String token = readToken(task.token);
    try {
      DestroyTaskResult result =
          task.requestId == null
              ? transcoder.destroyTask(task.appId, task.taskId, token)
              : transcoder.destroyTask(task.appId, task.taskId, token, task.requestId);
      if (output == Output.JSON) {
        terminal.out.println(Outcome.destroyed(0, task.appId, task.taskId, result).json());
      } else {
        printDestroyed(task.appId, result);
      }
      printAttempts(result.attempts());
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    } catch (CloudTranscoderException e) {
      if (output == Output.JSON) {
        terminal.out.println(Outcome.failed(0, task.appId, task.taskId, e).json());
      } else {
        terminal.err.println("error: " + e.getMessage());
        if (e instanceof TaskNotFoundException) {
          terminal.err.println(
              ((TaskNotFoundException) e).possiblyDestroyedByEarlierAttempt()
                  ? "An earlier attempt of this call timed out or lost its connection and may"
                      + " have destroyed the task; either way it is not running."
                  : "The task is not running: it was already destroyed, idled out, or never"
                      + " existed.");
        }
      }
      printAttempts(e.attempts());
      return ExitCodes.of(e);
    }
  }

  private void printDestroyed(String appId, DestroyTaskResult result) {
    TranscodingTask task = result.task();
    TranscoderService service = task.cloudTranscoder();
    PrintStream out = terminal.out;
    out.println("Destroyed task " + task.taskId() + " of app " + appId);
    out.println("  task status     " + task.statusRaw());
    if (service != null) {
      out.println(
          "  service status  "
              + service.statusRaw()
              + (service.message() == null || service.message().isEmpty()
                  ? ""
                  : " (" + service.message() + ")"));
    }
    if (task.createdAt() != null) {
      out.println("  created         " + task.createdAt());
    }
    out.println("  request id      " + result.requestId());
    if (result.resourceId() != null) {
      out.println("  resource id     " + result.resourceId());
    }
  }

  private void printAttempts(List<Attempt> attempts) {
    if (verbose) {
      for (Attempt attempt : attempts) {
        terminal.err.println("attempt " + attempt);
      }
    }
  }

  private String readToken(TokenSource source) {
    if (source.value != null) {
      return source.value;
    }
    try {
      String text;
      if (source.file != null) {
        text = new String(Files.readAllBytes(source.file), StandardCharsets.UTF_8);
      } else {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(terminal.in, StandardCharsets.UTF_8));
        text = reader.readLine();
      }
      if (text == null || text.trim().isEmpty()) {
        throw new UsageError("the builder token is empty");
      }
      // A token file usually ends with a newline that is not part of the token.
      return text.trim();
    } catch (IOException e) {
      throw new UsageError("cannot read the builder token: " + e.getClass().getSimpleName());
    }
  }

  private int bulk(CloudTranscoderClient transcoder) {
    List<TaskRow> rows;
    try {
      rows = TaskRow.parse(Files.readAllLines(target.from, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UsageError("cannot read " + target.from + ": " + e.getClass().getSimpleName());
    }
    if (concurrency < 1) {
      throw new UsageError("--concurrency must be at least 1");
    }
    Set<String> doneEarlier = resume == null ? new HashSet<String>() : doneIn(resume);

    Counts counts = new Counts();
    Progress bar = new Progress(terminal.err, progress, terminal.interactive, rows.size(), counts);
    boolean reportFailed;
    try (ReportWriter writer = new ReportWriter(report, terminal.out, output == Output.JSON)) {
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      try {
        for (TaskRow row : rows) {
          pool.execute(
              () -> {
                Outcome outcome = destroy(transcoder, row, doneEarlier);
                if (verbose) {
                  for (Attempt attempt : outcome.attemptLog) {
                    terminal.err.println("line " + row.line + ": attempt " + attempt);
                  }
                }
                writer.write(outcome);
                bar.record(outcome.outcome);
              });
        }
      } finally {
        pool.shutdown();
        awaitQuietly(pool);
      }
      reportFailed = writer.failed();
    }
    terminal.err.println(counts.summary(rows.size(), report));
    if (reportFailed) {
      terminal.err.println(
          "error: the report could not be written completely"
              + (report == null ? "" : " to " + report));
      return ExitCodes.FAILED;
    }
    return counts.noneFailed() ? ExitCodes.OK : ExitCodes.SOME_ROWS_FAILED;
  }

  private static Outcome destroy(CloudTranscoderClient transcoder, TaskRow row, Set<String> done) {
    if (row.problem != null) {
      return Outcome.invalid(row.line, row.appId, row.taskId, row.problem);
    }
    if (done.contains(row.appId + "," + row.taskId)) {
      return Outcome.skipped(row.line, row.appId, row.taskId);
    }
    try {
      return Outcome.destroyed(
          row.line,
          row.appId,
          row.taskId,
          transcoder.destroyTask(row.appId, row.taskId, row.builderToken));
    } catch (IllegalArgumentException e) {
      return Outcome.invalid(row.line, row.appId, row.taskId, e.getMessage());
    } catch (CloudTranscoderException e) {
      return Outcome.failed(row.line, row.appId, row.taskId, e);
    } catch (RuntimeException e) {
      // Keep the row in the report whatever happened; an unexpected error is still a failure.
      return Outcome.invalid(
          row.line, row.appId, row.taskId, "unexpected " + e.getClass().getName());
    }
  }

  /** Rows an earlier report (CSV or JSON lines) lists as destroyed, already gone or skipped. */
  private static Set<String> doneIn(Path report) {
    Set<String> done = new HashSet<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageError("cannot read " + report + ": " + e.getClass().getSimpleName());
    }
    for (String line : lines) {
      if (line.startsWith("{")) {
        java.util.Map<?, ?> object = parseObject(line);
        if (object != null && isDone(String.valueOf(object.get("outcome")))) {
          done.add(object.get("appId") + "," + object.get("taskId"));
        }
      } else if (!line.startsWith("line,") && !line.trim().isEmpty()) {
        List<String> fields = Csv.parseLine(line);
        if (fields.size() > 3 && isDone(fields.get(3))) {
          done.add(fields.get(1) + "," + fields.get(2));
        }
      }
    }
    return done;
  }

  private static java.util.Map<?, ?> parseObject(String line) {
    try {
      Object value =
          com.squareup.moshi.JsonReader.of(new okio.Buffer().writeUtf8(line)).readJsonValue();
      return value instanceof java.util.Map ? (java.util.Map<?, ?>) value : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean isDone(String outcome) {
    return outcome.equals("destroyed")
        || outcome.equals("already_gone")
        || outcome.equals("skipped");
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // Each task is bounded by the retry deadline; keep waiting.
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Streams report lines as rows finish, so an interrupted run still leaves a useful report. */
  private static final class ReportWriter implements AutoCloseable {
    private final PrintStream stream;
    private final boolean ownsStream;
    private final boolean json;

    ReportWriter(Path file, PrintStream stdout, boolean json) {
      this.json = json;
      if (file == null) {
        this.stream = stdout;
        this.ownsStream = false;
      } else {
        try {
          OutputStream out = Files.newOutputStream(file);
          this.stream = new PrintStream(out, true, "UTF-8");
        } catch (IOException e) {
          throw new UsageError("cannot write " + file + ": " + e.getClass().getSimpleName());
        }
        this.ownsStream = true;
      }
      if (!json) {
        stream.println(Outcome.REPORT_HEADER);
      }
    }

    synchronized void write(Outcome outcome) {
      stream.println(json ? outcome.json() : outcome.csv());
      stream.flush();
    }

    /** PrintStream swallows I/O errors (a full disk); ask it, so a cut report is not a success. */
    synchronized boolean failed() {
      return stream.checkError();
    }

    @Override
    public void close() {
      if (ownsStream) {
        stream.close();
      } else {
        stream.flush();
      }
    }
  }
}
