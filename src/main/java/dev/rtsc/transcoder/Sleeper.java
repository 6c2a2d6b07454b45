package dev.rtsc.transcoder;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits, replaced in tests so that backoff runs without real waiting. */
interface Sleeper {
  /** Waits on the latch, so that cancelling a call ends its backoff or rate-limit wait at once. */
  Sleeper SYSTEM = (nanos, wakeUp) -> wakeUp.await(nanos, TimeUnit.NANOSECONDS);

  /** Waits {@code nanos}, or less if {@code wakeUp} is released first. */
  void sleep(long nanos, CountDownLatch wakeUp) throws InterruptedException;
}
