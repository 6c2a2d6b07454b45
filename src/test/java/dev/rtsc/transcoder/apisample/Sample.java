package dev.rtsc.transcoder.apisample;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** A type with one of each kind of member, for ApiListing's own test. Not part of the library. */
public abstract class Sample<T extends Comparable<T>> implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int LIMIT = 42;
  public static final String NAME = "sample";
  int packagePrivateField;

  protected Sample(String... names) {}

  Sample(int hidden) {}

  public final int size() {
    return 0;
  }

  protected abstract T make(List<? extends T> from) throws IOException;

  @Deprecated
  public static void old() {}

  void packagePrivate() {}

  private void secret() {}

  /** A nested interface. */
  public interface Callback {
    void fail(Throwable t);

    default void done() {}
  }

  /** A nested enum. */
  public enum Mode {
    FAST,
    SLOW
  }

  private static final class Hidden {}
}
