package dev.rtsc.transcoder;

import com.squareup.moshi.Moshi;
import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.generated.api.CloudTranscoderApi;
import dev.rtsc.transcoder.generated.model.CloudTranscoderTask;
import dev.rtsc.transcoder.generated.model.ErrorResponse;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Destroys Agora Cloud Transcoding tasks.
 *
 * <pre>{@code
 * CloudTranscoderClient client = CloudTranscoderClient.builder()
 *     .credentials(Credentials.fromEnvironment())
 *     .build();
 * DestroyTaskResult result = client.destroyTask(appId, taskId, builderToken);
 * }</pre>
 *
 * <p>Create one client and share it: it is thread-safe and holds a connection pool and a rate
 * limiter that all its calls share. Failed attempts are retried and fail over between Agora's
 * domains as set by {@link RetryPolicy} and {@link Endpoints}. Every failure is a {@link
 * CloudTranscoderException} subclass; invalid arguments throw {@link IllegalArgumentException}
 * before anything is sent.
 */
public final class CloudTranscoderClient implements Closeable {
  /** Agora's global REST endpoint, the first one tried by default. */
  public static final String DEFAULT_BASE_URL = "https://api.sd-rtn.com/";

  /** Agora's documented limit per account. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 10;

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Endpoints endpoints;
  private final Credentials credentials;
  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final CloudTranscoderApi.DestroyCloudTranscodingTaskRequests requests;

  /** The Authorization header value when the client adds its headers while building requests. */
  private final String authorizationAtBuild;

  /** What redaction masks of the credentials (Redactor); the same for every call. */
  private final List<String> credentialForms;

  private final CallRunner runner;
  private final Executor asyncExecutor;
  private final Set<CallRunner.DestroyCall> inFlight =
      Collections.newSetFromMap(new ConcurrentHashMap<CallRunner.DestroyCall, Boolean>());
  private volatile boolean closed;

  private CloudTranscoderClient(Builder builder) {
    this.endpoints = builder.endpoints;
    this.credentials =
        builder.credentials != null ? builder.credentials : Credentials.fromEnvironment();
    this.ownsHttpClient = builder.httpClient == null;
    this.credentialForms = Redactor.credentialForms(credentials);

    OkHttpClient.Builder http =
        ownsHttpClient ? new OkHttpClient.Builder() : builder.httpClient.newBuilder();
    // A caller-supplied OkHttpClient keeps its own timeouts unless the caller set ours explicitly.
    Duration connect = pick(builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT);
    Duration read = pick(builder.readTimeout, DEFAULT_READ_TIMEOUT);
    Duration write = pick(builder.writeTimeout, DEFAULT_WRITE_TIMEOUT);
    Duration call = pick(builder.callTimeout, DEFAULT_CALL_TIMEOUT);
    if (connect != null) {
      http.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (read != null) {
      http.readTimeout(read.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (write != null) {
      http.writeTimeout(write.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (call != null) {
      http.callTimeout(call.toMillis(), TimeUnit.MILLISECONDS);
    }
    // Headers go on while the request is built unless the caller's interceptors must not see them
    // (DefaultHeadersInterceptor).
    boolean callerInterceptors = !ownsHttpClient && !builder.httpClient.interceptors().isEmpty();
    this.authorizationAtBuild = callerInterceptors ? null : credentials.authorizationHeader();
    if (callerInterceptors) {
      http.addInterceptor(new DefaultHeadersInterceptor(credentials));
    }
    this.requests = new CloudTranscoderApi.DestroyCloudTranscodingTaskRequests(endpoints.base(0));
    this.httpClient =
        http
            // A redirect is never part of this API. Following one would turn DELETE into GET on
            // 301/302 and could carry the builder token to another host, so surface it instead.
            .followRedirects(false)
            .followSslRedirects(false)
            // Retries are ours (counted, logged, backed off, failed over); OkHttp's silent ones
            // would hide attempts and double the load on a struggling server.
            .retryOnConnectionFailure(false)
            .build();

    // The Moshi adapters the templates generate beside the models, used directly: with requests
    // built by the generated builder, a Retrofit instance would only wrap these two adapters, and
    // setting one up took about 20 ms of a cold start (BENCHMARKS.md).
    Moshi moshi = new Moshi.Builder().build();
    ResponseDecoder decoder =
        new ResponseDecoder(
            moshi.adapter(CloudTranscoderTask.class),
            moshi.adapter(ErrorResponse.class),
            builder.wallClock);
    RateLimiter limiter =
        builder.requestsPerSecond > 0
            ? new RateLimiter(builder.requestsPerSecond, builder.ticker, builder.sleeper)
            : null;
    this.runner =
        new CallRunner(
            httpClient,
            endpoints,
            decoder,
            builder.retryPolicy,
            limiter,
            builder.ticker,
            builder.sleeper,
            builder.random);
    this.asyncExecutor =
        builder.asyncExecutor != null
            ? builder.asyncExecutor
            : httpClient.dispatcher().executorService();
  }

  /** A builder with the defaults: Agora's global domains and credentials from the environment. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Destroys a task, sending a fresh request id.
   *
   * @param appId the project's App ID
   * @param taskId the task's UUID, as returned by Create
   * @param builderToken the {@code tokenName} returned by Acquire for this task
   * @return the task in its final state, with the request and resource ids
   * @throws IllegalArgumentException if an argument is null, blank or would change the URL
   * @throws dev.rtsc.transcoder.errors.TaskNotFoundException if the task does not exist (any more)
   * @throws CloudTranscoderException for every other failure; see its subclasses
   */
  public DestroyTaskResult destroyTask(String appId, String taskId, String builderToken) {
    // Thrown here, one frame below the caller, rather than from a helper: the exception's stack
    // trace is captured and unwound through every frame in between (Failure).
    Outcome outcome = run(newCall(appId, taskId, builderToken, newRequestId(), false));
    if (outcome.result() == null) {
      throw outcome.exception();
    }
    return outcome.result();
  }

  /**
   * Destroys a task, sending {@code requestId} as {@code X-Request-ID} on every attempt so the call
   * can be found in the caller's and Agora's logs.
   *
   * @throws IllegalArgumentException if an argument is invalid, or {@code requestId} is not visible
   *     ASCII of at most 128 characters
   * @see #destroyTask(String, String, String)
   */
  public DestroyTaskResult destroyTask(
      String appId, String taskId, String builderToken, String requestId) {
    // Thrown here, one frame below the caller, rather than from a helper: the exception's stack
    // trace is captured and unwound through every frame in between (Failure).
    Outcome outcome = run(newCall(appId, taskId, builderToken, requestId, true));
    if (outcome.result() == null) {
      throw outcome.exception();
    }
    return outcome.result();
  }

  /**
   * Runs a call, known to {@link #close()} while it lasts so that closing can stop it. The caller
   * turns a failed outcome into the exception its own caller sees (see {@link Failure}).
   */
  private Outcome run(CallRunner.DestroyCall call) {
    inFlight.add(call);
    try {
      if (closed) {
        // close() may have run between newCall's check and the add above.
        call.cancel();
      }
      return call.run();
    } finally {
      inFlight.remove(call);
    }
  }

  /**
   * Destroys a task without blocking the caller. The future completes with the result, or
   * exceptionally with a {@link CloudTranscoderException}; cancelling it cancels the HTTP call and
   * any further retry. Invalid arguments throw {@link IllegalArgumentException} at once rather than
   * through the future.
   */
  public CompletableFuture<DestroyTaskResult> destroyTaskAsync(
      String appId, String taskId, String builderToken) {
    return runAsync(newCall(appId, taskId, builderToken, newRequestId(), false));
  }

  /**
   * Like {@link #destroyTaskAsync(String, String, String)}, sending {@code requestId} as {@code
   * X-Request-ID}.
   */
  public CompletableFuture<DestroyTaskResult> destroyTaskAsync(
      String appId, String taskId, String builderToken, String requestId) {
    return runAsync(newCall(appId, taskId, builderToken, requestId, true));
  }

  private CompletableFuture<DestroyTaskResult> runAsync(CallRunner.DestroyCall call) {
    CompletableFuture<DestroyTaskResult> future = new CompletableFuture<>();
    try {
      asyncExecutor.execute(
          () -> {
            try {
              Outcome outcome = run(call);
              if (outcome.result() != null) {
                future.complete(outcome.result());
              } else {
                future.completeExceptionally(outcome.exception());
              }
            } catch (RuntimeException | Error e) {
              future.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("client is closed", e);
    }
    // However the future ends (cancel, orTimeout, complete by the caller), stop the work behind
    // it; when the call itself completed it, this is a no-op.
    future.whenComplete((result, error) -> call.cancel());
    return future;
  }

  /** The base URL of the first attempt. */
  public String baseUrl() {
    return endpoints.primary();
  }

  /**
   * Stops calls in flight (they end with their last failure, or a {@code TransportException} if
   * none was sent yet) and refuses new ones, then releases the connection pool and threads unless
   * the OkHttpClient was supplied by the caller, whose pools stay open for its other users.
   */
  @Override
  public void close() {
    closed = true;
    for (CallRunner.DestroyCall call : inFlight) {
      call.cancel();
    }
    if (ownsHttpClient) {
      httpClient.dispatcher().executorService().shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  /** Shows the endpoints and customer ID; never the secret. */
  @Override
  public String toString() {
    return "CloudTranscoderClient{endpoints=" + endpoints + ", credentials=" + credentials + '}';
  }

  private CallRunner.DestroyCall newCall(
      String appId, String taskId, String builderToken, String requestId, boolean callersId) {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    Arguments.checkPathSegment(appId, "appId");
    Arguments.checkPathSegment(taskId, "taskId");
    Arguments.checkBuilderToken(builderToken);
    if (callersId) {
      Arguments.checkRequestId(requestId); // a UUID of our own needs no check
    }
    // The request builder generated beside the Retrofit interface (same path, encoding, query and
    // header; RequestBuilderTest holds them equal) instead of a Retrofit proxy call: building
    // through Retrofit re-parsed the URL, ran a regex per path parameter and created an OkHttp call
    // that was never executed, which made up about a third of a call's CPU (BENCHMARKS.md). The
    // runner executes it so that it can bound the body, classify failures, retry and fail over.
    Request.Builder request = requests.newBuilder(appId, taskId, builderToken, requestId);
    if (authorizationAtBuild != null) {
      DefaultHeadersInterceptor.addTo(request, authorizationAtBuild);
    }
    return runner.newCall(request.build(), requestId, new Redactor(builderToken, credentialForms));
  }

  private static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  private Duration pick(Duration chosen, Duration fallback) {
    return chosen != null ? chosen : ownsHttpClient ? fallback : null;
  }

  /**
   * Configures a {@link CloudTranscoderClient}. Not thread-safe; build once and share the client.
   */
  public static final class Builder {
    private Endpoints endpoints = Endpoints.global();
    private Credentials credentials;
    private OkHttpClient httpClient;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
    private Executor asyncExecutor;
    private Ticker ticker = Ticker.SYSTEM;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Clock wallClock = Clock.systemUTC();

    private Builder() {}

    /**
     * The customer ID and secret. Defaults to {@link Credentials#fromEnvironment()} at build time.
     */
    public Builder credentials(Credentials credentials) {
      if (credentials == null) {
        throw new IllegalArgumentException("credentials == null");
      }
      this.credentials = credentials;
      return this;
    }

    /** Shorthand for {@code credentials(Credentials.of(customerId, customerSecret))}. */
    public Builder credentials(String customerId, String customerSecret) {
      return credentials(Credentials.of(customerId, customerSecret));
    }

    /**
     * Sends every attempt to {@code baseUrl}, turning failover off: for a proxy (a path prefix is
     * kept), one regional domain, or a local fake server. Shorthand for {@code
     * endpoints(Endpoints.fixed(baseUrl))}.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URL, has a query,
     *     fragment or user info, or is plain http to a host other than loopback
     */
    public Builder baseUrl(String baseUrl) {
      this.endpoints = Endpoints.fixed(baseUrl);
      return this;
    }

    /**
     * Fails over from the global domains to the regional domains of {@code region}. Shorthand for
     * {@code endpoints(Endpoints.region(region))}.
     */
    public Builder region(Region region) {
      this.endpoints = Endpoints.region(region);
      return this;
    }

    /** Where attempts go; default {@link Endpoints#global()}. */
    public Builder endpoints(Endpoints endpoints) {
      if (endpoints == null) {
        throw new IllegalArgumentException("endpoints == null");
      }
      this.endpoints = endpoints;
      return this;
    }

    /** TCP connect timeout per attempt, default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkTimeout(timeout, "connectTimeout");
      return this;
    }

    /** Longest wait between two reads of a response, default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checkTimeout(timeout, "readTimeout");
      return this;
    }

    /** Longest wait between two writes of a request, default 10 s. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = checkTimeout(timeout, "writeTimeout");
      return this;
    }

    /**
     * Limit on one attempt from connect to the last byte of the body, default 30 s. The whole call,
     * retries included, is bounded by {@link RetryPolicy#deadline()}.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = checkTimeout(timeout, "callTimeout");
      return this;
    }

    /** Retries and the per-call deadline; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      if (retryPolicy == null) {
        throw new IllegalArgumentException("retryPolicy == null");
      }
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * Most requests per second this client sends, retries included, shared by all its calls.
     * Default 10, Agora's limit per account; lower it when several processes share an account. 0
     * turns the limiter off. Requests are spaced 10% wider than {@code 1/n} seconds, so that
     * network jitter cannot put one more than {@code n} into a second at Agora's end.
     */
    public Builder maxRequestsPerSecond(double requestsPerSecond) {
      if (!(requestsPerSecond >= 0)
          || Double.isInfinite(requestsPerSecond)
          || (requestsPerSecond > 0 && requestsPerSecond < 0.001)) {
        throw new IllegalArgumentException(
            "maxRequestsPerSecond must be 0 (off) or at least 0.001: " + requestsPerSecond);
      }
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /**
     * An OkHttpClient to share its connection pool and dispatcher. The client adds its own
     * interceptor and turns off redirects and OkHttp's retries on a derived copy; the original is
     * not changed. Its timeouts are kept unless set on this builder.
     */
    public Builder okHttpClient(OkHttpClient httpClient) {
      if (httpClient == null) {
        throw new IllegalArgumentException("httpClient == null");
      }
      this.httpClient = httpClient;
      return this;
    }

    /** Runs async calls (including their retry waits); default OkHttp's dispatcher threads. */
    public Builder asyncExecutor(Executor executor) {
      if (executor == null) {
        throw new IllegalArgumentException("executor == null");
      }
      this.asyncExecutor = executor;
      return this;
    }

    Builder ticker(Ticker ticker) {
      this.ticker = ticker;
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    Builder random(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    Builder wallClock(Clock wallClock) {
      this.wallClock = wallClock;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no credentials were given and the environment has none
     */
    public CloudTranscoderClient build() {
      return new CloudTranscoderClient(this);
    }

    private static Duration checkTimeout(Duration timeout, String name) {
      if (timeout == null) {
        throw new IllegalArgumentException(name + " == null");
      }
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(name + " < 0: " + timeout);
      }
      return timeout;
    }
  }
}
