package dev.rtsc.transcoder;

/** A source of monotonic time, replaced in tests so that backoff runs without real waiting. */
interface Ticker {
  Ticker SYSTEM = System::nanoTime;

  long nanoTime();
}
