package dev.rtsc.transcoder.examples;

import dev.rtsc.transcoder.CloudTranscoderClient;
import dev.rtsc.transcoder.Credentials;
import dev.rtsc.transcoder.DestroyTaskResult;
import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.TaskNotFoundException;

/** The README's quick-start sample, compiled by the build so that it cannot rot. */
public final class QuickStart {
  private QuickStart() {}

  /** Destroys one task and prints what happened. */
  public static void destroy(String appId, String taskId, String builderToken) {
    // sample:start
    try (CloudTranscoderClient client =
        CloudTranscoderClient.builder()
            .credentials(Credentials.fromEnvironment()) // AGORA_CUSTOMER_ID, AGORA_CUSTOMER_SECRET
            .build()) {
      DestroyTaskResult result = client.destroyTask(appId, taskId, builderToken);
      System.out.println("Task " + result.task().status() + ", request-id " + result.requestId());
    } catch (TaskNotFoundException alreadyGone) {
      System.out.println("Already gone: " + alreadyGone.getMessage()); // nothing left to stop
    } catch (CloudTranscoderException failed) {
      System.err.println(failed.getMessage()); // status, Agora's message and request id
    }
    // sample:end
  }
}
