package dev.rtsc.transcoder.cli;

import dev.rtsc.transcoder.Credentials;
import dev.rtsc.transcoder.testing.FakeAgoraServer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the fake Agora server for manual trials and other languages' tests. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run a fake Agora Cloud Transcoding server on 127.0.0.1 with seeded tasks.",
      "It accepts the credentials in AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET (or"
          + " --credentials-file), else fake-customer-id / fake-customer-secret."
    })
final class ServeCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default 0: any free one).")
  int port;

  @Option(names = "--tasks", paramLabel = "N", description = "Tasks to seed (default 5).")
  int tasks = 5;

  @Option(names = "--app-id", paramLabel = "ID", description = "App ID of the seeded tasks.")
  String appId = "demo-app-id";

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Status of the seeded tasks before destroy (default IN_PROGRESS).")
  String status = "IN_PROGRESS";

  @Option(
      names = "--write-tasks",
      paramLabel = "FILE",
      description =
          "Write the seeded tasks, builder tokens included, to FILE as CSV (readable by destroy"
              + " --from). Tokens are never printed.")
  Path writeTasks;

  @Option(
      names = "--credentials-file",
      paramLabel = "FILE",
      description = "Accept the credentials in this file instead of the environment's.")
  Path credentialsFile;

  @Option(
      names = "--stop-after",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "Stop after this long (default: run until interrupted).")
  Duration stopAfter;

  ServeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    if (tasks < 0) {
      throw new UsageError("--tasks must not be negative");
    }
    if (port < 0 || port > 65535) {
      throw new UsageError("--port must be between 0 and 65535");
    }
    Map<String, String> source =
        credentialsFile != null ? ClientOptions.readKeyValues(credentialsFile) : terminal.env;
    FakeAgoraServer.Builder builder = FakeAgoraServer.builder().port(port);
    String id = source.get(Credentials.CUSTOMER_ID_ENV);
    String secret = source.get(Credentials.CUSTOMER_SECRET_ENV);
    String secretSource = "the built-in fake secret";
    if (id != null && secret != null && !id.trim().isEmpty() && !secret.trim().isEmpty()) {
      builder.credentials(id.trim(), secret.trim());
      secretSource = credentialsFile != null ? credentialsFile.toString() : "AGORA_CUSTOMER_SECRET";
    }
    FakeAgoraServer started;
    try {
      started = builder.build().start();
    } catch (java.io.UncheckedIOException e) {
      throw new UsageError("cannot listen on 127.0.0.1:" + port + " (is it in use?)");
    }
    try (FakeAgoraServer server = started) {
      for (int i = 0; i < tasks; i++) {
        server.addTask(appId, status);
      }
      if (writeTasks != null) {
        writeTaskFile(server);
      }
      terminal.out.println("Fake Agora Cloud Transcoding server listening on " + server.baseUrl());
      terminal.out.println(
          "Accepting customer ID " + server.customerId() + " with the secret from " + secretSource);
      terminal.out.println(
          "Seeded "
              + tasks
              + " tasks in app "
              + appId
              + (writeTasks != null ? " (builder tokens in " + writeTasks + ")" : "")
              + ":");
      for (FakeAgoraServer.Task task : server.tasks()) {
        terminal.out.println("  " + task.taskId() + "  " + task.status());
      }
      terminal.out.println(
          stopAfter == null ? "Press Ctrl-C to stop." : "Stopping after " + stopAfter + ".");
      terminal.out.flush();
      waitUntilStopped();
    }
    return ExitCodes.OK;
  }

  private void writeTaskFile(FakeAgoraServer server) throws IOException {
    Files.deleteIfExists(writeTasks);
    try {
      Files.createFile(
          writeTasks,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(writeTasks);
    }
    try (Writer writer = Files.newBufferedWriter(writeTasks, StandardCharsets.UTF_8)) {
      writer.write("app_id,task_id,builder_token\n");
      for (FakeAgoraServer.Task task : server.tasks()) {
        writer.write(Csv.line(task.appId(), task.taskId(), task.builderToken()) + "\n");
      }
    }
  }

  private void waitUntilStopped() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown, "fake-agora-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (stopAfter == null) {
        stopped.await();
      } else {
        stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the server closes with it.
      }
    }
  }
}
