package dev.rtsc.transcoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A clock that only moves when the code under test sleeps, and remembers every sleep. */
final class FakeTime implements Ticker, Sleeper {
  private long nanos = 1_000_000_000L;
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized void sleep(long sleepNanos, CountDownLatch wakeUp) {
    sleeps.add(Duration.ofNanos(sleepNanos));
    nanos += sleepNanos;
  }

  synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  synchronized List<Duration> sleeps() {
    return new ArrayList<>(sleeps);
  }

  synchronized Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
