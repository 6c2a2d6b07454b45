package dev.rtsc.transcoder;

import java.time.Duration;

/**
 * When and how a call is retried. Destroy is idempotent, so retrying it is safe: a retry that finds
 * the task already gone reports {@link dev.rtsc.transcoder.errors.TaskNotFoundException}.
 *
 * <p>Retried: I/O failures and timeouts, HTTP 408, 429, and every 5xx except 501. Never retried:
 * other 4xx, 501, 3xx, and 2xx responses whose body is not a task. The wait before retry {@code n}
 * is {@code initialBackoff × 2^(n-1)}, capped at {@code maxBackoff}, then reduced by a random
 * amount of up to half ("equal jitter") so that many clients do not retry in step. A {@code
 * Retry-After} header (seconds or HTTP date) replaces the computed wait. No attempt starts, and no
 * wait begins, that would end after the call's {@code deadline}.
 *
 * <p>Defaults: 5 attempts, 1 s initial backoff, 15 s maximum backoff, 90 s deadline.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy DISABLED = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration deadline;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.deadline = builder.deadline;
  }

  /** 5 attempts, 1 s initial backoff, 15 s maximum backoff, 90 s deadline. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, no retry. The deadline still bounds the call. */
  public static RetryPolicy disabled() {
    return DISABLED;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Attempts per call, including the first; 1 means no retry. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Wait before the first retry, before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Longest computed wait between attempts, before jitter. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Time budget for a whole call, all attempts and waits included. */
  public Duration deadline() {
    return deadline;
  }

  /** A builder holding this policy's settings. */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .deadline(deadline);
  }

  /**
   * The computed wait before attempt {@code nextAttempt} (2 for the first retry), given a random
   * {@code unit} in [0, 1).
   */
  Duration backoff(int nextAttempt, double unit) {
    long base = initialBackoff.toMillis();
    long capped = maxBackoff.toMillis();
    for (int i = 2; i < nextAttempt && base < capped; i++) {
      base *= 2;
    }
    long full = Math.min(base, capped);
    long half = full / 2;
    return Duration.ofMillis(full - (long) (half * unit));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", deadline="
        + deadline
        + '}';
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration MAX_DEADLINE = Duration.ofDays(1);

    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(15);
    private Duration deadline = Duration.ofSeconds(90);

    private Builder() {}

    /** Attempts per call including the first, at least 1. Default 5. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Wait before the first retry, at most an hour. Default 1 s. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = checkDuration(initialBackoff, "initialBackoff", MAX_BACKOFF);
      return this;
    }

    /** Cap on the computed wait, at most an hour. Default 15 s. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = checkDuration(maxBackoff, "maxBackoff", MAX_BACKOFF);
      return this;
    }

    /** Budget for the whole call, positive and at most a day. Default 90 s. */
    public Builder deadline(Duration deadline) {
      this.deadline = checkDuration(deadline, "deadline", MAX_DEADLINE);
      if (deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive");
      }
      return this;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff " + maxBackoff + " < initialBackoff " + initialBackoff);
      }
      return new RetryPolicy(this);
    }

    private static Duration checkDuration(Duration value, String name, Duration max) {
      if (value == null) {
        throw new IllegalArgumentException(name + " == null");
      }
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " < 0: " + value);
      }
      // Bounded so that deadline arithmetic in nanoseconds cannot overflow.
      if (value.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " > " + max + ": " + value);
      }
      return value;
    }
  }
}
