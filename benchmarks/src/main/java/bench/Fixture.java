package bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What every client sends and receives in every scenario: the same ids, credentials and response
 * bodies (the library's own test fixtures, copied into this jar at build time).
 */
public final class Fixture {
  public static final String APP_ID = "4855a1b2c3d4e5f60718293a4b5ceae2";
  public static final String TASK_ID = "609f28f2644f1ae1ceb041b7047e3a1c";
  public static final String BUILDER_TOKEN = "IqbhfE2tmZWpKOxd4rVQ2AabvnOyFPkP";
  public static final String CUSTOMER_ID = "bench-customer-id";
  public static final String CUSTOMER_SECRET = "bench-customer-secret";
  public static final String RESOURCE_ID = "7d1c0b5a-93e4-4f26-8a0b-6c5d4e3f2a19";

  /** The 200 body: a stopped task with a small config, as Agora returns it. */
  public static final byte[] BODY_200 = read("/fixtures/destroy-200.json");

  /** The 404 body: {@code {"message": "task not found"}}. */
  public static final byte[] BODY_404 = read("/fixtures/destroy-404.json");

  private Fixture() {}

  public static byte[] body(int status) {
    return status == 200 ? BODY_200 : BODY_404;
  }

  private static byte[] read(String resource) {
    try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource + " (build with mvn package)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
