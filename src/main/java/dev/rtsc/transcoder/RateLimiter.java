package dev.rtsc.transcoder;

import java.util.concurrent.CountDownLatch;

/**
 * Spaces requests evenly so that one client stays under Agora's per-account limit instead of
 * collecting 429s. At {@code n} permits per second, starts are at least {@code 1.1/n} s apart:
 * Agora counts arrivals, not sends, and without the 10% margin uneven network latency can land an
 * eleventh request in one second. There is no burst allowance, because Agora's window is not
 * documented.
 */
final class RateLimiter {
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  /** Starts are this much further apart than {@code 1/n} seconds; see the class comment. */
  static final double SPACING_MARGIN = 1.1;

  private final long intervalNanos;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private long nextFreeNanos;
  private boolean started;

  RateLimiter(double permitsPerSecond, Ticker ticker, Sleeper sleeper) {
    this.intervalNanos = (long) (SPACING_MARGIN * 1_000_000_000L / permitsPerSecond);
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /**
   * Waits for a permit unless that would take longer than {@code maxWaitNanos}.
   *
   * @return false, without taking a permit, when the wait would be too long
   */
  boolean acquire(long maxWaitNanos) throws InterruptedException {
    return acquire(maxWaitNanos, NEVER);
  }

  /** Like {@link #acquire(long)}; the wait ends early, permit taken, if {@code wakeUp} opens. */
  boolean acquire(long maxWaitNanos, CountDownLatch wakeUp) throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = ticker.nanoTime();
      if (!started) {
        started = true;
        nextFreeNanos = now;
      }
      wait = Math.max(0, nextFreeNanos - now);
      if (wait > maxWaitNanos) {
        return false;
      }
      nextFreeNanos = Math.max(now, nextFreeNanos) + intervalNanos;
    }
    if (wait > 0) {
      sleeper.sleep(wait, wakeUp);
    }
    return true;
  }
}
