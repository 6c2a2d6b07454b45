package bench.cold;

import bench.Fixture;
import dev.rtsc.transcoder.CloudTranscoderClient;
import dev.rtsc.transcoder.DestroyTaskResult;

/** Cold start, ours: a fresh JVM builds the library's client and destroys one task. */
public final class OursMain {
  private OursMain() {}

  public static void main(String[] args) {
    try (CloudTranscoderClient client =
        CloudTranscoderClient.builder()
            .baseUrl(args[0])
            .credentials(Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET)
            .build()) {
      DestroyTaskResult result =
          client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
      ColdStart.done(result.statusCode() + " " + result.task().statusRaw());
    }
  }
}
