package dev.rtsc.transcoder;

import dev.rtsc.transcoder.errors.CloudTranscoderException;
import java.util.Collections;
import java.util.List;

/** How an attempt, or a whole call, ended: exactly one of a result and a failure. */
final class Outcome {
  private final DestroyTaskResult result;
  private final Failure failure;
  private final List<Failure> earlier;
  private CloudTranscoderException exception;

  private Outcome(DestroyTaskResult result, Failure failure, List<Failure> earlier) {
    this.result = result;
    this.failure = failure;
    this.earlier = earlier;
  }

  static Outcome of(DestroyTaskResult result) {
    return new Outcome(result, null, Collections.<Failure>emptyList());
  }

  static Outcome of(Failure failure) {
    return new Outcome(null, failure, Collections.<Failure>emptyList());
  }

  /** A failed call: its last failure, and those of the attempts before it, oldest first. */
  static Outcome failed(Failure last, List<Failure> earlier) {
    return new Outcome(null, last, earlier == null ? Collections.<Failure>emptyList() : earlier);
  }

  /** The result, or null when the call failed. */
  DestroyTaskResult result() {
    return result;
  }

  /** The failure, or null when the call succeeded. */
  Failure failure() {
    return failure;
  }

  /**
   * The exception for a failed call, with the earlier attempts' failures attached as suppressed
   * exceptions. Call it where the call returns to its caller; later calls return the same object.
   * An outcome stays on the thread that ran the call, so this needs no lock.
   */
  CloudTranscoderException exception() {
    if (exception == null) {
      exception = failure.exceptionToThrow();
      for (Failure previous : earlier) {
        if (previous != failure) {
          exception.addSuppressed(previous.exception());
        }
      }
    }
    return exception;
  }
}
