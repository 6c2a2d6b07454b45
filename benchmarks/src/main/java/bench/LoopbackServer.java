package bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server of the loopback and cold-start scenarios: the JDK's HttpServer on 127.0.0.1 with a
 * thread pool, answering every request with the 200 body. One server, the same for all clients.
 */
public final class LoopbackServer implements Closeable {
  private final HttpServer server;
  private final ExecutorService executor;

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on an ephemeral loopback port with {@code threads} handler threads. */
  public static LoopbackServer start(int threads) {
    // Without TCP_NODELAY the server's separate header and body writes meet the client's delayed
    // ACK, and every call waits 40 ms. Read once, when the server classes first load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 256);
      AtomicInteger count = new AtomicInteger();
      ExecutorService executor =
          Executors.newFixedThreadPool(
              threads,
              task -> {
                Thread thread = new Thread(task, "loopback-server-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      server.setExecutor(executor);
      server.createContext("/", LoopbackServer::handle);
      server.start();
      return new LoopbackServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json; charset=utf-8");
    headers.set("X-Resource-ID", Fixture.RESOURCE_ID);
    if (requestId != null) {
      headers.set("X-Request-ID", requestId);
    }
    byte[] body = Fixture.BODY_200;
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** For example {@code http://127.0.0.1:41234/}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
