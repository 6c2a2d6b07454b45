package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bench.cold.FloorMain;
import bench.cold.OursMain;
import bench.cold.StockMain;
import bench.floor.FloorClient;
import bench.floor.FloorException;
import bench.stock.StockClient;
import bench.stock.StockException;
import dev.rtsc.transcoder.CloudTranscoderClient;
import dev.rtsc.transcoder.errors.TaskNotFoundException;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the benchmarks honest and buildable: the three clients send the same request to the canned
 * transport and read the same answers, and every scenario's set-up still works against the current
 * library. Runs with the build; the benchmarks themselves do not.
 */
class HarnessTest {
  private static final String BASE_URL = "http://127.0.0.1:8080/";
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static OkHttpClient base;
  private static LoopbackServer server;

  @BeforeAll
  static void start() {
    base = Http.base();
    server = LoopbackServer.start(2);
  }

  @AfterAll
  static void stop() {
    Http.close(base);
    server.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 404})
  void allThreeClientsSendTheSameRequestThroughTheCannedTransport(int status) {
    CannedTransport ours = new CannedTransport(status);
    CannedTransport stock = new CannedTransport(status);
    CannedTransport floor = new CannedTransport(status);

    call(status, () -> Ours.client(base, BASE_URL, ours).destroyTask(app(), task(), token()));
    call(status, () -> stockClient(stock).destroyTask(app(), task(), token()));
    call(status, () -> floorClient(floor).destroyTask(app(), task(), token()));

    for (CannedTransport transport : new CannedTransport[] {ours, stock, floor}) {
      Request request = transport.lastRequest();
      assertNotNull(request, "the canned transport was not reached");
      assertEquals("DELETE", request.method());
      assertEquals(
          "/v1/projects/" + app() + "/rtsc/cloud-transcoder/tasks/" + task(),
          request.url().encodedPath());
      assertEquals(token(), request.url().queryParameter("builderToken"));
      assertEquals(
          okhttp3.Credentials.basic(Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET),
          request.header("Authorization"));
      assertEquals("application/json", request.header("Content-Type"));
      assertNotNull(request.header("User-Agent"));
      assertTrue(request.header("X-Request-ID").matches(UUID_PATTERN), request.toString());
    }
  }

  @Test
  void allThreeClientsReadTheTaskFromTheLoopbackServer() {
    CloudTranscoderClient ours = Ours.client(base, server.baseUrl());

    assertEquals("STOPPED", ours.destroyTask(app(), task(), token()).task().statusRaw());
    assertEquals(
        "STOPPED",
        new StockClient(base, server.baseUrl(), Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET, null)
            .destroyTask(app(), task(), token())
            .task()
            .getStatus()
            .getValue());
    assertEquals(
        "STOPPED",
        new FloorClient(base, server.baseUrl(), Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET)
            .destroyTask(app(), task(), token())
            .task()
            .status);
  }

  @Test
  void theColdStartMainsEachDestroyATask() {
    OursMain.main(new String[] {server.baseUrl()});
    StockMain.main(new String[] {server.baseUrl()});
    FloorMain.main(new String[] {server.baseUrl()});
  }

  private static void call(int status, Supplier<Object> destroy) {
    if (status == 200) {
      assertNotNull(destroy.get());
      return;
    }
    RuntimeException e = assertThrows(RuntimeException.class, destroy::get);
    assertTrue(
        e instanceof TaskNotFoundException
            || e instanceof StockException
            || e instanceof FloorException,
        e.toString());
    assertTrue(e.getMessage().startsWith("HTTP 404: task not found"), e.getMessage());
  }

  private static StockClient stockClient(CannedTransport transport) {
    return new StockClient(base, BASE_URL, Fixture.CUSTOMER_ID, Fixture.CUSTOMER_SECRET, transport);
  }

  private static FloorClient floorClient(CannedTransport transport) {
    return new FloorClient(
        base.newBuilder().addInterceptor(transport).build(),
        BASE_URL,
        Fixture.CUSTOMER_ID,
        Fixture.CUSTOMER_SECRET);
  }

  private static String app() {
    return Fixture.APP_ID;
  }

  private static String task() {
    return Fixture.TASK_ID;
  }

  private static String token() {
    return Fixture.BUILDER_TOKEN;
  }
}
