package dev.rtsc.transcoder;

/** Waits, replaced in tests so that backoff runs without real waiting. */
interface Sleeper {
  Sleeper SYSTEM =
      nanos -> {
        long millis = nanos / 1_000_000L;
        Thread.sleep(millis, (int) (nanos % 1_000_000L));
      };

  void sleep(long nanos) throws InterruptedException;
}
