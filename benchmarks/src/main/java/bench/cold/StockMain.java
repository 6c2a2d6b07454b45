package bench.cold;

import bench.Fixture;
import bench.stock.StockClient;
import bench.stock.StockResult;
import okhttp3.OkHttpClient;

/** Cold start, stock: a fresh JVM builds the generated ApiClient and destroys one task. */
public final class StockMain {
  private StockMain() {}

  public static void main(String[] args) {
    StockClient client =
        new StockClient(
            new OkHttpClient(), args[0], Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET, null);
    StockResult result = client.destroyTask(Fixture.APP_ID, Fixture.TASK_ID, Fixture.BUILDER_TOKEN);
    ColdStart.done(result.statusCode() + " " + result.task().getStatus());
  }
}
