package bench.cold;

import bench.Fixture;
import bench.floor.FloorClient;
import bench.floor.FloorResult;
import okhttp3.OkHttpClient;

/** Cold start, floor: a fresh JVM builds an OkHttpClient and Moshi and destroys one task. */
public final class FloorMain {
  private FloorMain() {}

  public static void main(String[] args) {
    FloorClient client =
        new FloorClient(new OkHttpClient(), args[0], Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET);
    FloorResult result = client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
    ColdStart.done(result.statusCode() + " " + result.task().status);
  }
}
