package dev.rtsc.transcoder;

import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.ErrorDetails;
import dev.rtsc.transcoder.errors.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
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
    // The client keeps calls in flight in a hash set; a hash drawn here spares every call the
    // identity hash code the JVM would otherwise install in the object's header.
    private final int hash = ThreadLocalRandom.current().nextInt();

    private DestroyCall(Request template, String requestId, Redactor redactor) {
      this.template = template;
      this.requestId = requestId;
      this.redactor = redactor;
    }

    @Override
    public int hashCode() {
      return hash; // equality stays identity
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

    /**
     * Runs the attempts and returns how the call ended. Nothing is thrown on the way: failures stay
     * {@link Failure} values until the client turns the last one into the exception its caller
     * sees.
     */
    Outcome run() {
      long started = ticker.nanoTime();
      long deadline = started + policy.deadline().toNanos();
      List<Failure> earlier = null; // most calls never fail an attempt
      boolean outcomeUnknown = false;
      int step = 0;
      for (int number = 1; ; number++) {
        if (cancelled) {
          return cancelledBeforeAttempt(earlier, outcomeUnknown);
        }
        String host = endpoints.host(step);
        if (number > 1) {
          started = ticker.nanoTime();
        }
        Failure failure = waitForPermit(deadline, outcomeUnknown);
        if (failure == null) {
          Outcome outcome = attempt(rebase(endpoints.base(step)), deadline, outcomeUnknown);
          long took = ticker.nanoTime() - started;
          DestroyTaskResult result = outcome.result();
          if (result != null) {
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
            return outcome;
          }
          failure = outcome.failure();
          attempts.add(Attempt.of(number, host, failure.statusCode(), failure, took));
        } else {
          attempts.add(Attempt.of(number, host, 0, failure, ticker.nanoTime() - started));
        }

        Duration wait =
            failure.retryable() && number < policy.maxAttempts()
                ? waitBefore(failure, number + 1)
                : null;
        boolean pastDeadline = wait != null && ticker.nanoTime() + wait.toNanos() >= deadline;
        if (wait == null || pastDeadline || cancelled) {
          logGivingUp(host, number, failure, pastDeadline);
          return Outcome.failed(failure, earlier);
        }
        if (earlier == null) {
          earlier = new ArrayList<>();
        }
        earlier.add(failure);
        outcomeUnknown |= failure.outcomeUnknown();
        step = endpoints.next(step, failure.isNetworkError());
        if (LOG.isInfoEnabled()) {
          LOG.info(
              "DELETE {}{} attempt {}/{} failed: {}; retrying in {} ms on {} (request-id {})",
              host,
              template.url().encodedPath(),
              number,
              policy.maxAttempts(),
              summary(failure.exception()),
              wait.toMillis(),
              endpoints.host(step),
              requestId);
        }
        try {
          sleeper.sleep(wait.toNanos(), cancelledLatch);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Outcome.failed(failure, earlier);
        }
        if (cancelled) {
          return Outcome.failed(failure, earlier);
        }
      }
    }

    /** How a call cancelled (by its future or by closing the client) before an attempt ends. */
    private Outcome cancelledBeforeAttempt(List<Failure> earlier, boolean outcomeUnknown) {
      if (earlier != null && !earlier.isEmpty()) {
        return Outcome.failed(earlier.get(earlier.size() - 1), earlier);
      }
      return Outcome.of(
          Failure.transport(
              ErrorDetails.noResponse(requestId).withHistory(attempts, outcomeUnknown),
              TransportException.Phase.CONNECT,
              new InterruptedIOException("Canceled"),
              false));
    }

    /** Null once a permit is granted; the failure when the deadline or a cancel came first. */
    private Failure waitForPermit(long deadline, boolean outcomeUnknown) {
      if (limiter == null) {
        return null;
      }
      try {
        if (limiter.acquire(deadline - ticker.nanoTime(), cancelledLatch)) {
          return null;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Failure.transport(
          ErrorDetails.noResponse(requestId).withHistory(attempts, outcomeUnknown),
          TransportException.Phase.CONNECT,
          new InterruptedIOException(
              "deadline reached while waiting for the client-side rate limiter"),
          true);
    }

    private Outcome attempt(Request request, long deadline, boolean outcomeUnknown) {
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
        return Outcome.of(
            ResponseDecoder.transportFailure(
                e,
                ErrorDetails.noResponse(requestId).withHistory(attempts, outcomeUnknown),
                redactor));
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

    private Duration waitBefore(Failure failure, int nextAttempt) {
      Duration retryAfter = failure.retryAfter();
      if (retryAfter != null) {
        return retryAfter;
      }
      return policy.backoff(nextAttempt, random.getAsDouble());
    }

    private void logGivingUp(String host, int number, Failure failure, boolean pastDeadline) {
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "DELETE {}{} attempt {}/{} failed: {}; {} (request-id {})",
            host,
            template.url().encodedPath(),
            number,
            policy.maxAttempts(),
            summary(failure.exception()),
            pastDeadline ? "no retry: the wait would pass the deadline" : "not retried",
            requestId);
      }
    }
  }

  /** The exception message without the request-id suffix, already free of secrets. */
  static String summary(CloudTranscoderException failure) {
    String message = failure.getMessage();
    int ids = message.lastIndexOf(" (request-id: ");
    return ids > 0 ? message.substring(0, ids) : message;
  }
}
