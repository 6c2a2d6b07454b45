package dev.rtsc.transcoder;

import com.squareup.moshi.Moshi;
import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.ErrorDetails;
import dev.rtsc.transcoder.generated.api.CloudTranscoderApi;
import dev.rtsc.transcoder.generated.model.CloudTranscoderTask;
import dev.rtsc.transcoder.generated.model.ErrorResponse;
import java.io.Closeable;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

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
 * <p>Create one client and share it: it is thread-safe and holds a connection pool. Every failure
 * is a {@link CloudTranscoderException} subclass; invalid arguments throw {@link
 * IllegalArgumentException} before anything is sent.
 */
public final class CloudTranscoderClient implements Closeable {
  /** Agora's global REST endpoint. */
  public static final String DEFAULT_BASE_URL = "https://api.sd-rtn.com/";

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final HttpUrl baseUrl;
  private final Credentials credentials;
  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final CloudTranscoderApi api;
  private final ResponseDecoder decoder;

  private CloudTranscoderClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.credentials =
        builder.credentials != null ? builder.credentials : Credentials.fromEnvironment();
    this.ownsHttpClient = builder.httpClient == null;

    OkHttpClient.Builder http =
        ownsHttpClient ? new OkHttpClient.Builder() : builder.httpClient.newBuilder();
    applyTimeout(
        http, builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT, ownsHttpClient, Kind.CONNECT);
    applyTimeout(http, builder.readTimeout, DEFAULT_READ_TIMEOUT, ownsHttpClient, Kind.READ);
    applyTimeout(http, builder.writeTimeout, DEFAULT_WRITE_TIMEOUT, ownsHttpClient, Kind.WRITE);
    applyTimeout(http, builder.callTimeout, DEFAULT_CALL_TIMEOUT, ownsHttpClient, Kind.CALL);
    this.httpClient =
        http
            // A redirect is never part of this API. Following one would turn DELETE into GET on
            // 301/302 and could carry the builder token to another host, so surface it instead.
            .followRedirects(false)
            .followSslRedirects(false)
            .addInterceptor(new DefaultHeadersInterceptor(credentials))
            .build();

    Moshi moshi = new Moshi.Builder().build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(httpClient)
            .addConverterFactory(MoshiConverterFactory.create(moshi))
            .validateEagerly(true)
            .build();
    this.api = retrofit.create(CloudTranscoderApi.class);
    Annotation[] none = new Annotation[0];
    this.decoder =
        new ResponseDecoder(
            retrofit.<CloudTranscoderTask>responseBodyConverter(CloudTranscoderTask.class, none),
            retrofit.<ErrorResponse>responseBodyConverter(ErrorResponse.class, none));
  }

  /** A builder with the defaults: Agora's global endpoint and credentials from the environment. */
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
    return destroyTask(appId, taskId, builderToken, newRequestId());
  }

  /**
   * Destroys a task, sending {@code requestId} as {@code X-Request-ID} so the call can be found in
   * the caller's and Agora's logs.
   *
   * @throws IllegalArgumentException if an argument is invalid, or {@code requestId} is not visible
   *     ASCII of at most 128 characters
   * @see #destroyTask(String, String, String)
   */
  public DestroyTaskResult destroyTask(
      String appId, String taskId, String builderToken, String requestId) {
    Call call = newCall(appId, taskId, builderToken, requestId);
    Redactor redactor = redactor(builderToken);
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw ResponseDecoder.transportFailure(e, ErrorDetails.noResponse(requestId), redactor);
    }
    return decoder.decode(response, requestId, redactor);
  }

  /**
   * Destroys a task without blocking. The future completes with the result, or exceptionally with a
   * {@link CloudTranscoderException}; cancelling it cancels the HTTP call. Invalid arguments throw
   * {@link IllegalArgumentException} at once rather than through the future.
   */
  public CompletableFuture<DestroyTaskResult> destroyTaskAsync(
      String appId, String taskId, String builderToken) {
    return destroyTaskAsync(appId, taskId, builderToken, newRequestId());
  }

  /**
   * Like {@link #destroyTaskAsync(String, String, String)}, sending {@code requestId} as {@code
   * X-Request-ID}.
   */
  public CompletableFuture<DestroyTaskResult> destroyTaskAsync(
      String appId, String taskId, String builderToken, String requestId) {
    Call call = newCall(appId, taskId, builderToken, requestId);
    Redactor redactor = redactor(builderToken);
    CompletableFuture<DestroyTaskResult> future = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call failed, IOException e) {
            future.completeExceptionally(
                ResponseDecoder.transportFailure(e, ErrorDetails.noResponse(requestId), redactor));
          }

          @Override
          public void onResponse(Call done, Response response) {
            try {
              future.complete(decoder.decode(response, requestId, redactor));
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }
        });
    future.whenComplete(
        (result, error) -> {
          if (future.isCancelled()) {
            call.cancel();
          }
        });
    return future;
  }

  /** The base URL calls go to. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * Releases the connection pool and threads, unless the OkHttpClient was supplied by the caller,
   * whose pools stay open for its other users.
   */
  @Override
  public void close() {
    if (ownsHttpClient) {
      httpClient.dispatcher().executorService().shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  /** Shows the base URL and customer ID; never the secret. */
  @Override
  public String toString() {
    return "CloudTranscoderClient{baseUrl=" + baseUrl + ", credentials=" + credentials + '}';
  }

  private Call newCall(String appId, String taskId, String builderToken, String requestId) {
    Arguments.checkPathSegment(appId, "appId");
    Arguments.checkPathSegment(taskId, "taskId");
    Arguments.checkBuilderToken(builderToken);
    Arguments.checkRequestId(requestId);
    // Retrofit turns the generated interface into the request (path, encoding, query, header); the
    // call is executed here so that the body can be read with a limit and failures classified.
    Request request =
        api.destroyCloudTranscodingTask(appId, taskId, builderToken, requestId).request();
    return httpClient.newCall(request);
  }

  private Redactor redactor(String builderToken) {
    return new Redactor(builderToken, credentials.authorizationHeader());
  }

  private static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  private enum Kind {
    CONNECT,
    READ,
    WRITE,
    CALL
  }

  private static void applyTimeout(
      OkHttpClient.Builder http,
      Duration chosen,
      Duration fallback,
      boolean useFallback,
      Kind kind) {
    // A caller-supplied OkHttpClient keeps its own timeouts unless the caller set ours explicitly.
    Duration value = chosen != null ? chosen : useFallback ? fallback : null;
    if (value == null) {
      return;
    }
    long millis = value.toMillis();
    switch (kind) {
      case CONNECT:
        http.connectTimeout(millis, TimeUnit.MILLISECONDS);
        break;
      case READ:
        http.readTimeout(millis, TimeUnit.MILLISECONDS);
        break;
      case WRITE:
        http.writeTimeout(millis, TimeUnit.MILLISECONDS);
        break;
      case CALL:
        http.callTimeout(millis, TimeUnit.MILLISECONDS);
        break;
    }
  }

  /**
   * Configures a {@link CloudTranscoderClient}. Not thread-safe; build once and share the client.
   */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private Credentials credentials;
    private OkHttpClient httpClient;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;

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
     * Where requests go, default {@value CloudTranscoderClient#DEFAULT_BASE_URL}. Use it for a
     * regional domain, a proxy that adds a path prefix, or a local fake server.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URL, or has a query
     *     or fragment
     */
    public Builder baseUrl(String baseUrl) {
      if (baseUrl == null) {
        throw new IllegalArgumentException("baseUrl == null");
      }
      HttpUrl parsed = HttpUrl.parse(baseUrl);
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl is not an http or https URL: " + baseUrl);
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
      }
      if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
        throw new IllegalArgumentException("baseUrl must not carry user info; use credentials()");
      }
      String path = parsed.encodedPath();
      // Retrofit resolves the operation path against the base URL, which must end in '/'.
      this.baseUrl =
          path.endsWith("/") ? parsed : parsed.newBuilder().encodedPath(path + "/").build();
      return this;
    }

    /** TCP connect timeout, default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkTimeout(timeout, "connectTimeout");
      return this;
    }

    /** Longest wait between two reads of the response, default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checkTimeout(timeout, "readTimeout");
      return this;
    }

    /** Longest wait between two writes of the request, default 10 s. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = checkTimeout(timeout, "writeTimeout");
      return this;
    }

    /** Limit on a whole call from connect to the last byte of the body, default 60 s. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = checkTimeout(timeout, "callTimeout");
      return this;
    }

    /**
     * An OkHttpClient to share its connection pool and dispatcher. The client adds its own
     * interceptor and turns off redirects on a derived copy; the original is not changed. Its
     * timeouts are kept unless set on this builder.
     */
    public Builder okHttpClient(OkHttpClient httpClient) {
      if (httpClient == null) {
        throw new IllegalArgumentException("httpClient == null");
      }
      this.httpClient = httpClient;
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
