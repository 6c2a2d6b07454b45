package dev.rtsc.transcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtsc.transcoder.testing.FakeAgoraServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged tool as users do: {@code java -jar target/cloud-transcoder.jar}. */
class CliJarIT {
  private static final Path JAR = Path.of("target/cloud-transcoder.jar");

  @Test
  void theRunnableJarDestroysATaskAgainstTheFakeServer() throws Exception {
    assertTrue(Files.exists(JAR), "mvn package builds " + JAR);
    try (FakeAgoraServer agora =
        FakeAgoraServer.builder().credentials("jar-id", "jar-secret-41c").build().start()) {
      FakeAgoraServer.Task task = agora.addTask("jar-app", "IN_PROGRESS");

      Result first = java(agora, task, task.builderToken() + "\n");
      Result again = java(agora, task, task.builderToken() + "\n");

      assertEquals(0, first.code, first.output);
      assertTrue(first.output.contains("Destroyed task " + task.taskId()), first.output);
      assertEquals(3, again.code, again.output);
      for (Result result : List.of(first, again)) {
        assertFalse(result.output.contains("jar-secret-41c"), result.output);
        assertFalse(result.output.contains(task.builderToken()), result.output);
        assertFalse(result.output.contains("SLF4J"), "no logging noise: " + result.output);
      }
    }
  }

  private record Result(int code, String output) {}

  private static Result java(FakeAgoraServer agora, FakeAgoraServer.Task task, String stdin)
      throws IOException, InterruptedException {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                javaBin.toString(),
                "-jar",
                JAR.toString(),
                "destroy",
                "--base-url",
                agora.baseUrl(),
                "--app-id",
                task.appId(),
                "--task-id",
                task.taskId(),
                "--builder-token-stdin")
            .redirectErrorStream(true);
    builder.environment().put("AGORA_CUSTOMER_ID", "jar-id");
    builder.environment().put("AGORA_CUSTOMER_SECRET", "jar-secret-41c");
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the tool exits");
    return new Result(process.exitValue(), output);
  }
}
