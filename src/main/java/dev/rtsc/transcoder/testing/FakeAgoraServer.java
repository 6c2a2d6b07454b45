package dev.rtsc.transcoder.testing;

import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * An in-process stand-in for Agora's Cloud Transcoding destroy endpoint, for tests and demos that
 * must not call Agora. It listens on 127.0.0.1 only, holds tasks in memory, and answers like Agora:
 *
 * <ul>
 *   <li>destroying a known task answers 200 with the task in its final state (usually {@code
 *       STOPPED} / {@code serviceCompleted}) and forgets it, so a second destroy answers 404;
 *   <li>an unknown task, or a builder token that does not match the task, answers 404;
 *   <li>a missing builder token answers 400, missing or wrong Basic credentials 401;
 *   <li>more than {@value #REQUESTS_PER_SECOND} requests in one wall-clock second for an account
 *       answer 429 with {@code Retry-After: 1};
 *   <li>every response carries {@code X-Request-ID} (the caller's, echoed, or a new one) and {@code
 *       X-Resource-ID}.
 * </ul>
 *
 * <p>Faults can be injected for the next requests: {@link #failNext}, {@link #delayNext}, {@link
 * #disconnectNext}. Use it from JUnit 5:
 *
 * <pre>{@code
 * try (FakeAgoraServer agora = FakeAgoraServer.builder().build().start()) {
 *   FakeAgoraServer.Task task = agora.addTask("my-app", "IN_PROGRESS");
 *   CloudTranscoderClient client = CloudTranscoderClient.builder()
 *       .baseUrl(agora.baseUrl())
 *       .credentials(agora.customerId(), "fake-secret")
 *       .build();
 *   client.destroyTask(task.appId(), task.taskId(), task.builderToken());
 * }
 * }</pre>
 */
public final class FakeAgoraServer implements Closeable {
  /** Agora's documented limit per account, enforced per wall-clock second. */
  public static final int REQUESTS_PER_SECOND = 10;

  private static final Pattern DESTROY_PATH =
      Pattern.compile("^/v1/projects/([^/]+)/rtsc/cloud-transcoder/tasks/([^/]+)$");

  private final String customerId;
  private final String expectedAuthorization;
  private final int port;
  private final Clock clock;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<String, long[]> windows = new HashMap<>();
  private final AtomicInteger requestCount = new AtomicInteger();
  private final AtomicInteger tooManyRequests = new AtomicInteger();
  private final List<String> servedResponses = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;
  private ExecutorService executor;

  private FakeAgoraServer(Builder builder) {
    this.customerId = builder.customerId;
    this.expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (builder.customerId + ":" + builder.customerSecret)
                        .getBytes(StandardCharsets.UTF_8));
    this.port = builder.port;
    this.clock = builder.clock;
  }

  /** A builder for a server accepting the given credentials; defaults are for demos only. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening on 127.0.0.1.
   *
   * @return this server
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized FakeAgoraServer start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "fake-agora");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  /** The URL to pass to {@code CloudTranscoderClient.Builder.baseUrl}, ending in '/'. */
  public String baseUrl() {
    return "http://127.0.0.1:" + boundPort() + "/";
  }

  /** The port the server listens on. */
  public int boundPort() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  /** The address the server is bound to: always on 127.0.0.1. */
  public InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress();
  }

  /** The customer ID the server accepts. */
  public String customerId() {
    return customerId;
  }

  /** Adds a task with a random id and builder token. */
  public Task addTask(String appId, String status) {
    return addTask(appId, UUID.randomUUID().toString().replace("-", ""), newToken(), status);
  }

  /**
   * Adds a task. {@code status} is the task status before destroy, such as {@code "IN_PROGRESS"}.
   */
  public synchronized Task addTask(
      String appId, String taskId, String builderToken, String status) {
    Task task =
        new Task(appId, taskId, builderToken, status, clock.instant().getEpochSecond() - 60);
    tasks.put(key(appId, taskId), task);
    return task;
  }

  /** The tasks not yet destroyed, oldest first. */
  public synchronized List<Task> tasks() {
    return Collections.unmodifiableList(new ArrayList<>(tasks.values()));
  }

  /** Makes the next {@code count} requests answer {@code status} with a JSON error body. */
  public synchronized FakeAgoraServer failNext(int count, int status) {
    for (int i = 0; i < count; i++) {
      faults.add(new Fault(status, Duration.ZERO, false));
    }
    return this;
  }

  /** Makes the next {@code count} requests wait {@code delay} before they are handled. */
  public synchronized FakeAgoraServer delayNext(int count, Duration delay) {
    for (int i = 0; i < count; i++) {
      faults.add(new Fault(0, delay, false));
    }
    return this;
  }

  /** Makes the next {@code count} requests lose their connection without a response. */
  public synchronized FakeAgoraServer disconnectNext(int count) {
    for (int i = 0; i < count; i++) {
      faults.add(new Fault(0, Duration.ZERO, true));
    }
    return this;
  }

  /** Requests received so far, faults included. */
  public int requestCount() {
    return requestCount.get();
  }

  /** How many requests were refused with 429 by the rate limit (not by injected faults). */
  public int rateLimitedCount() {
    return tooManyRequests.get();
  }

  /**
   * Every response served, as {@code "<status> <body>"}, so tests can check them against the
   * contract.
   */
  public List<String> servedResponses() {
    synchronized (servedResponses) {
      return new ArrayList<>(servedResponses);
    }
  }

  /** Stops the server and its threads. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      requestCount.incrementAndGet();
      drain(exchange.getRequestBody());
      String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
      if (requestId == null || requestId.isEmpty()) {
        requestId = UUID.randomUUID().toString();
      }
      exchange.getResponseHeaders().set("X-Request-ID", requestId);
      exchange.getResponseHeaders().set("X-Resource-ID", UUID.randomUUID().toString());
      exchange.getResponseHeaders().set("Content-Type", "application/json");

      Fault fault;
      synchronized (this) {
        fault = faults.poll();
      }
      if (fault != null) {
        if (!fault.delay.isZero()) {
          sleep(fault.delay);
        }
        if (fault.disconnect) {
          // Closing without sendResponseHeaders drops the connection mid-exchange.
          exchange.close();
          return;
        }
        if (fault.status != 0) {
          respond(exchange, fault.status, error("injected failure"));
          return;
        }
      }
      route(exchange);
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    Matcher path = DESTROY_PATH.matcher(exchange.getRequestURI().getRawPath());
    if (!path.matches()) {
      respond(exchange, 404, error("no such resource"));
      return;
    }
    if (!"DELETE".equals(exchange.getRequestMethod())) {
      respond(exchange, 405, error("method not allowed"));
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (!expectedAuthorization.equals(authorization)) {
      respond(exchange, 401, error("Invalid authentication credentials"));
      return;
    }
    if (!withinRateLimit(customerId)) {
      tooManyRequests.incrementAndGet();
      exchange.getResponseHeaders().set("Retry-After", "1");
      respond(exchange, 429, error("too many requests"));
      return;
    }
    String appId = decode(path.group(1));
    String taskId = decode(path.group(2));
    String token = queryParameter(exchange.getRequestURI().getRawQuery(), "builderToken");
    if (token == null || token.isEmpty()) {
      respond(exchange, 400, error("builderToken is required"));
      return;
    }
    Task task;
    synchronized (this) {
      task = tasks.get(key(appId, taskId));
      if (task == null || !task.builderToken.equals(token)) {
        task = null;
      } else {
        tasks.remove(key(appId, taskId));
      }
    }
    if (task == null) {
      respond(exchange, 404, error("task not found"));
      return;
    }
    respond(exchange, 200, destroyed(task));
  }

  /** Fixed one-second windows per account, as simple gateways count. */
  private synchronized boolean withinRateLimit(String account) {
    long second = clock.millis() / 1000;
    long[] window = windows.get(account);
    if (window == null || window[0] != second) {
      window = new long[] {second, 0};
      windows.put(account, window);
    }
    window[1]++;
    return window[1] <= REQUESTS_PER_SECOND;
  }

  private void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    servedResponses.add(status + " " + body);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * The task as Agora reports it after destroy: most tasks stop; failed and exited ones stay so.
   */
  private String destroyed(Task task) {
    String status;
    String serviceStatus;
    switch (task.status) {
      case "FAILURE_STOP":
        status = "FAILURE_STOP";
        serviceStatus = "serviceAbnormal";
        break;
      case "EXIT":
        status = "EXIT";
        serviceStatus = "serviceCompleted";
        break;
      case "IDLE":
      case "PREPARED":
        status = "STOPPED";
        serviceStatus = "serviceIdle";
        break;
      default:
        status = "STOPPED";
        serviceStatus = "serviceCompleted";
    }
    return json(
        writer -> {
          writer.beginObject();
          writer.name("taskId").value(task.taskId);
          writer.name("createTs").value(task.createTs);
          writer.name("status").value(status);
          writer.name("services").beginObject();
          writer.name("cloudTranscoder").beginObject();
          writer.name("config").beginObject().endObject();
          writer.name("createTs").value(task.createTs + 1);
          writer.name("details").beginObject().endObject();
          writer.name("message").value("OnSlaveServiceStopped");
          writer.name("serviceType").value("cloudTranscoderV2");
          writer.name("status").value(serviceStatus);
          writer.endObject();
          writer.endObject();
          writer.name("eventHandlers").beginObject().endObject();
          writer.name("execution").beginObject().name("workflows").beginObject().endObject();
          writer.endObject();
          writer.name("properties").beginObject().endObject();
          writer.name("sequenceId").value("0");
          writer.name("variables").beginObject().endObject();
          writer.name("workflows").beginObject().endObject();
          writer.endObject();
        });
  }

  private static String error(String message) {
    return json(writer -> writer.beginObject().name("message").value(message).endObject());
  }

  private interface JsonBody {
    void write(JsonWriter writer) throws IOException;
  }

  private static String json(JsonBody body) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      body.write(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (key.equals(name)) {
        return equals < 0 ? "" : decode(pair.substring(equals + 1));
      }
    }
    return null;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), "UTF-8");
    } catch (java.io.UnsupportedEncodingException impossible) {
      throw new AssertionError(impossible);
    }
  }

  private static void drain(InputStream body) throws IOException {
    byte[] sink = new byte[1024];
    while (body.read(sink) != -1) {
      // A DELETE has no body; read whatever came so the connection can be reused.
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String key(String appId, String taskId) {
    return appId + "\u0000" + taskId;
  }

  private static String newToken() {
    byte[] random = new byte[24];
    new java.security.SecureRandom().nextBytes(random);
    // A leading '-' would read as an option to command lines that take the token as an argument.
    return "ft" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** A task held by the fake server. Immutable. */
  public static final class Task {
    private final String appId;
    private final String taskId;
    private final String builderToken;
    private final String status;
    private final long createTs;

    Task(String appId, String taskId, String builderToken, String status, long createTs) {
      this.appId = appId;
      this.taskId = taskId;
      this.builderToken = builderToken;
      this.status = status;
      this.createTs = createTs;
    }

    /** The App ID the task belongs to. */
    public String appId() {
      return appId;
    }

    /** The task id. */
    public String taskId() {
      return taskId;
    }

    /** The builder token that destroys it. */
    public String builderToken() {
      return builderToken;
    }

    /** The status before destroy. */
    public String status() {
      return status;
    }

    /** Leaves out the builder token. */
    @Override
    public String toString() {
      return "Task{appId=" + appId + ", taskId=" + taskId + ", status=" + status + '}';
    }
  }

  private static final class Fault {
    final int status;
    final Duration delay;
    final boolean disconnect;

    Fault(int status, Duration delay, boolean disconnect) {
      this.status = status;
      this.delay = delay;
      this.disconnect = disconnect;
    }
  }

  /** Configures a {@link FakeAgoraServer}. */
  public static final class Builder {
    private String customerId = "fake-customer-id";
    private String customerSecret = "fake-customer-secret";
    private int port;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The Basic credentials the server accepts; anything else answers 401. */
    public Builder credentials(String customerId, String customerSecret) {
      if (customerId == null || customerSecret == null) {
        throw new IllegalArgumentException("credentials == null");
      }
      this.customerId = customerId;
      this.customerSecret = customerSecret;
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The clock for task timestamps and the rate-limit window. */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock == null");
      }
      this.clock = clock;
      return this;
    }

    /** Builds the server; call {@link FakeAgoraServer#start()} to listen. */
    public FakeAgoraServer build() {
      return new FakeAgoraServer(this);
    }
  }
}
