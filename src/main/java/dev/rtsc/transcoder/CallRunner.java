package dev.rtsc.transcoder;

import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.CloudTranscoderServiceException;
import dev.rtsc.transcoder.errors.ErrorDetails;
import dev.rtsc.transcoder.errors.RequestTimeoutException;
import dev.rtsc.transcoder.errors.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one destroy call as a series of attempts: rate limit, send, decode, and on a retryable
 * failure wait (backoff or {@code Retry-After}) and move along the failover chain, all within the
 * retry policy's deadline.
 */
final class CallRunner {
  /** Attempts at DEBUG, retries at INFO. Never the query string, headers or bodies. */
  static final Logger LOG = LoggerFactory.getLogger("dev.rtsc.transcoder.http");

  private final OkHttpClient httpClient;
  private final Endpoints endpoints;
  private final ResponseDecoder decoder;
  private final RetryPolicy policy;
  private final RateLimiter limiter;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  CallRunner(
      OkHttpClient httpClient,
      Endpoints endpoints,
      ResponseDecoder decoder,
      RetryPolicy policy,
      RateLimiter limiter,
      Ticker ticker,
      Sleeper sleeper,
      DoubleSupplier random) {
    this.httpClient = httpClient;
    this.endpoints = endpoints;
    this.decoder = decoder;
    this.policy = policy;
    this.limiter = limiter;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.random = random;
  }

  DestroyCall newCall(Request template, String requestId, Redactor redactor) {
    return new DestroyCall(template, requestId, redactor);
  }

  /** One call; {@link #run()} once. */
  final class DestroyCall {
    private final Request template;
    private final String requestId;
    private final Redactor redactor;
    private final List<Attempt> attempts = new ArrayList<>();
    private final CountDownLatch cancelledLatch = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile Call current;

    private DestroyCall(Request template, String requestId, Redactor redactor) {
      this.template = template;
      this.requestId = requestId;
      this.redactor = redactor;
    }

    /** Stops the call: the attempt in flight, any wait, and any further attempt. */
    void cancel() {
      cancelled = true;
      cancelledLatch.countDown();
      Call call = current;
      if (call != null) {
        call.cancel();
      }
    }

    DestroyTaskResult run() {
      long deadline = ticker.nanoTime() + policy.deadline().toNanos();
      List<CloudTranscoderException> earlier = null; // most calls never fail an attempt
      boolean outcomeUnknown = false;
      int step = 0;
      for (int number = 1; ; number++) {
        HttpUrl base = endpoints.base(step);
        String host = hostOf(base);
        long started = ticker.nanoTime();
        CloudTranscoderException failure;
        if (cancelled) {
          throw cancelledBeforeAttempt(earlier, outcomeUnknown);
        }
        try {
          waitForPermit(deadline, outcomeUnknown);
          DestroyTaskResult result = attempt(rebase(base), deadline, outcomeUnknown);
          long took = ticker.nanoTime() - started;
          attempts.add(Attempt.of(number, host, result.statusCode(), null, took));
          if (LOG.isDebugEnabled()) {
            LOG.debug(
                "DELETE {}{} -> {} in {} ms (attempt {}/{}, request-id {})",
                host,
                template.url().encodedPath(),
                result.statusCode(),
                TimeUnit.NANOSECONDS.toMillis(took),
                number,
                policy.maxAttempts(),
                requestId);
          }
          return result;
        } catch (CloudTranscoderException e) {
          failure = e;
        }
        long took = ticker.nanoTime() - started;
        attempts.add(Attempt.of(number, host, failure.statusCode(), failure, took));

        Duration wait =
            retryable(failure) && number < policy.maxAttempts()
                ? waitBefore(failure, number + 1)
                : null;
        boolean pastDeadline = wait != null && ticker.nanoTime() + wait.toNanos() >= deadline;
        if (wait == null || pastDeadline || cancelled) {
          logGivingUp(host, number, failure, pastDeadline);
          if (earlier != null) {
            for (CloudTranscoderException previous : earlier) {
              failure.addSuppressed(previous);
            }
          }
          throw failure;
        }
        if (earlier == null) {
          earlier = new ArrayList<>();
        }
        earlier.add(failure);
        outcomeUnknown |= outcomeUnknown(failure);
        step = endpoints.next(step, isNetworkError(failure));
        if (LOG.isInfoEnabled()) {
          LOG.info(
              "DELETE {}{} attempt {}/{} failed: {}; retrying in {} ms on {} (request-id {})",
              host,
              template.url().encodedPath(),
              number,
              policy.maxAttempts(),
              summary(failure),
              wait.toMillis(),
              hostOf(endpoints.base(step)),
              requestId);
        }
        try {
          sleeper.sleep(wait.toNanos(), cancelledLatch);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw failure;
        }
        if (cancelled) {
          for (CloudTranscoderException previous : earlier) {
            if (previous != failure) {
              failure.addSuppressed(previous);
            }
          }
          throw failure;
        }
      }
    }

    /** The failure for a call cancelled (by its future or by closing the client) before it ran. */
    private CloudTranscoderException cancelledBeforeAttempt(
        List<CloudTranscoderException> earlier, boolean outcomeUnknown) {
      if (earlier != null && !earlier.isEmpty()) {
        return earlier.get(earlier.size() - 1);
      }
      return new TransportException(
          ErrorDetails.noResponse(requestId).withHistory(attempts, outcomeUnknown),
          TransportException.Phase.CONNECT,
          new InterruptedIOException("Canceled"));
    }

    private void waitForPermit(long deadline, boolean outcomeUnknown) {
      if (limiter == null) {
        return;
      }
      try {
        if (limiter.acquire(deadline - ticker.nanoTime(), cancelledLatch)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new RequestTimeoutException(
          ErrorDetails.noResponse(requestId).withHistory(attempts, outcomeUnknown),
          TransportException.Phase.CONNECT,
          new InterruptedIOException(
              "deadline reached while waiting for the client-side rate limiter"));
    }

    private DestroyTaskResult attempt(Request request, long deadline, boolean outcomeUnknown) {
      Call call = httpClient.newCall(request);
      current = call;
      if (cancelled) {
        call.cancel();
      }
      long remaining = Math.max(1, deadline - ticker.nanoTime());
      long perAttempt = TimeUnit.MILLISECONDS.toNanos(httpClient.callTimeoutMillis());
      // The per-attempt call timeout never runs past the call's deadline.
      call.timeout()
          .timeout(
              perAttempt == 0 ? remaining : Math.min(perAttempt, remaining), TimeUnit.NANOSECONDS);
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw ResponseDecoder.transportFailure(
            e, ErrorDetails.noResponse(requestId).withHistory(attempts, outcomeUnknown), redactor);
      }
      return decoder.decode(response, requestId, redactor, attempts, outcomeUnknown);
    }

    private Request rebase(HttpUrl base) {
      HttpUrl first = endpoints.base(0);
      if (base.equals(first)) {
        return template;
      }
      String relative = template.url().encodedPath().substring(first.encodedPath().length());
      HttpUrl url =
          base.newBuilder()
              .encodedPath(base.encodedPath() + relative)
              .encodedQuery(template.url().encodedQuery())
              .build();
      return template.newBuilder().url(url).build();
    }

    private Duration waitBefore(CloudTranscoderException failure, int nextAttempt) {
      if (failure instanceof CloudTranscoderServiceException) {
        Duration retryAfter = ((CloudTranscoderServiceException) failure).retryAfter();
        if (retryAfter != null) {
          return retryAfter;
        }
      }
      return policy.backoff(nextAttempt, random.getAsDouble());
    }

    private void logGivingUp(
        String host, int number, CloudTranscoderException failure, boolean pastDeadline) {
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "DELETE {}{} attempt {}/{} failed: {}; {} (request-id {})",
            host,
            template.url().encodedPath(),
            number,
            policy.maxAttempts(),
            summary(failure),
            pastDeadline ? "no retry: the wait would pass the deadline" : "not retried",
            requestId);
      }
    }
  }

  /** I/O failures and timeouts, 408, 429, and 5xx except 501 (not implemented: never changes). */
  static boolean retryable(CloudTranscoderException failure) {
    if (failure instanceof TransportException) {
      return true;
    }
    if (!(failure instanceof CloudTranscoderServiceException)) {
      return false;
    }
    int status = failure.statusCode();
    return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501);
  }

  /**
   * Whether Agora may have acted on the failed attempt: the request was sent and the connection
   * failed, or a gateway answered 500, 502 or 504 without saying what the backend did.
   */
  static boolean outcomeUnknown(CloudTranscoderException failure) {
    if (failure instanceof TransportException) {
      return ((TransportException) failure).mayHaveReachedAgora();
    }
    int status = failure.statusCode();
    return status == 500 || status == 502 || status == 504;
  }

  /** Agora's guidance: a network failure other than DNS skips straight to a regional domain. */
  static boolean isNetworkError(CloudTranscoderException failure) {
    return failure instanceof TransportException
        && ((TransportException) failure).phase() != TransportException.Phase.DNS;
  }

  static String hostOf(HttpUrl url) {
    return url.port() == HttpUrl.defaultPort(url.scheme())
        ? url.host()
        : url.host() + ":" + url.port();
  }

  /** The exception message without the request-id suffix, already free of secrets. */
  static String summary(CloudTranscoderException failure) {
    String message = failure.getMessage();
    int ids = message.lastIndexOf(" (request-id: ");
    return ids > 0 ? message.substring(0, ids) : message;
  }
}
