package dev.rtsc.transcoder.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rtsc.transcoder.CloudTranscoderClient;
import dev.rtsc.transcoder.TaskStatus;
import dev.rtsc.transcoder.errors.ServerException;
import dev.rtsc.transcoder.testing.FakeAgoraServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's example of testing your own code against the fake Agora server. */
class FakeAgoraServerExampleTest {
  // sample:start
  private FakeAgoraServer agora;
  private CloudTranscoderClient client;

  @BeforeEach
  void startFakeAgora() {
    agora = FakeAgoraServer.builder().credentials("test-id", "test-secret").build().start();
    client =
        CloudTranscoderClient.builder()
            .baseUrl(agora.baseUrl()) // http://127.0.0.1:<port>/
            .credentials("test-id", "test-secret")
            .build();
  }

  @AfterEach
  void stopFakeAgora() {
    client.close();
    agora.close();
  }

  @Test
  void stopsARunningTask() {
    FakeAgoraServer.Task task = agora.addTask("my-app", "IN_PROGRESS");

    assertEquals(
        TaskStatus.STOPPED,
        client.destroyTask(task.appId(), task.taskId(), task.builderToken()).task().status());
  }

  @Test
  void reportsAgoraOutages() {
    agora.failNext(5, 503); // every attempt of the call fails

    assertThrows(ServerException.class, () -> client.destroyTask("my-app", "task", "token"));
  }
  // sample:end
}
