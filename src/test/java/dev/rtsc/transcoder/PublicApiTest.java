package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Guards the Java API with committed listings under {@code api/}:
 *
 * <ul>
 *   <li>{@code api/public-api.txt}: the hand-written library, every package under {@code
 *       dev.rtsc.transcoder} except {@code .generated}. A type or member that disappears or changes
 *       fails the build until the listing is re-blessed with {@code scripts/api-dump}.
 *   <li>{@code api/generated-api.txt}: the code generated from the spec. It is not public API, but
 *       keeping its listing in the repo shows every spec change's effect on the Java code in the
 *       same diff; {@code scripts/regenerate} updates it.
 * </ul>
 *
 * <p>With {@code -Dapi.update=true} the tests write the listings instead of comparing, and print
 * what changed.
 */
class PublicApiTest {
  static final Path PUBLIC_LISTING = Path.of("api/public-api.txt");
  static final Path GENERATED_LISTING = Path.of("api/generated-api.txt");
  private static final Path CLASSES = Path.of("target/classes");
  private static final String ROOT = "dev.rtsc.transcoder";
  private static final String GENERATED = ROOT + ".generated";

  static final Predicate<String> PUBLIC_PACKAGES =
      p ->
          (p.equals(ROOT) || p.startsWith(ROOT + "."))
              && !(p.equals(GENERATED) || p.startsWith(GENERATED + "."));
  static final Predicate<String> GENERATED_PACKAGES =
      p -> p.equals(GENERATED) || p.startsWith(GENERATED + ".");

  @Test
  void publicApiMatchesTheCommittedListing() throws IOException {
    check(
        PUBLIC_LISTING,
        ApiListing.of(CLASSES, PUBLIC_PACKAGES),
        "scripts/api-dump",
        "Lines marked - disappeared or changed: that breaks callers, so it needs a new major"
            + " version. Lines marked + are new API.");
  }

  @Test
  void generatedApiMatchesTheCommittedListing() throws IOException {
    check(
        GENERATED_LISTING,
        ApiListing.of(CLASSES, GENERATED_PACKAGES),
        "scripts/regenerate",
        "The spec changed the generated code. Review the effect above (and on the hand-written"
            + " layer).");
  }

  @Test
  void aRemovedMethodFailsTheGuardAndTheDiffNamesIt() throws IOException {
    List<String> current = ApiListing.of(CLASSES, PUBLIC_PACKAGES);
    List<String> committed = new ArrayList<>(current);
    int at = committed.indexOf("public final class dev.rtsc.transcoder.TranscodingTask") + 1;
    committed.add(at, "  method public String region()");

    String diff = ApiListing.diff(committed, current);

    assertEquals(
        " public final class dev.rtsc.transcoder.TranscodingTask\n"
            + "-  method public String region()\n",
        diff);
  }

  @Test
  void aChangedSignatureShowsAsRemovedAndAdded() {
    List<String> before = List.of("public final class a.B", "  method public int size()");
    List<String> after = List.of("public final class a.B", "  method public long size()");

    assertEquals(
        " public final class a.B\n-  method public int size()\n+  method public long size()\n",
        ApiListing.diff(before, after));
    assertEquals("", ApiListing.diff(after, after));
  }

  @Test
  void theListingCoversPublicTypesOfEveryPackageButNotGeneratedOrInternalCode() {
    List<String> listing = ApiListing.of(CLASSES, PUBLIC_PACKAGES);
    String text = String.join("\n", listing);

    assertTrue(
        listing.contains(
            "public final class dev.rtsc.transcoder.CloudTranscoderClient"
                + " implements java.io.Closeable"),
        text);
    assertTrue(
        listing.contains(
            "  method public dev.rtsc.transcoder.DestroyTaskResult destroyTask(String, String,"
                + " String)"),
        text);
    assertTrue(listing.contains("  enum constant UNKNOWN"), text);
    assertTrue(text.contains("dev.rtsc.transcoder.errors.TaskNotFoundException"), text);
    assertFalse(text.contains(".generated."), text);
    assertFalse(text.contains("TaskMapper"), "package-private classes are not API");
  }

  @Test
  void theListingShowsProtectedMembersConstantsAndNestedTypes() {
    List<String> listing =
        ApiListing.of(Path.of("target/test-classes"), p -> p.equals(ROOT + ".apisample"));

    assertEquals(
        List.of(
            "public abstract class dev.rtsc.transcoder.apisample.Sample<T extends Comparable<T>>"
                + " implements java.io.Serializable",
            "  field public static final int LIMIT = 42",
            "  field public static final String NAME = \"sample\"",
            "  constructor protected dev.rtsc.transcoder.apisample.Sample(String...)",
            "  method protected abstract T make(java.util.List<? extends T>) throws"
                + " java.io.IOException",
            "  method @Deprecated public static void old()",
            "  method public final int size()",
            "public static interface dev.rtsc.transcoder.apisample.Sample.Callback",
            "  method public default void done()",
            "  method public void fail(Throwable)",
            "public static final enum dev.rtsc.transcoder.apisample.Sample.Mode",
            "  enum constant FAST",
            "  enum constant SLOW",
            "  method public static dev.rtsc.transcoder.apisample.Sample.Mode valueOf(String)",
            "  method public static dev.rtsc.transcoder.apisample.Sample.Mode[] values()"),
        listing);
  }

  @Test
  void aTypeThatDisappearsShowsWithAllItsMembers() {
    List<String> before =
        List.of("public final class a.B", "  method public int size()", "public enum a.C");
    List<String> after = List.of("public enum a.C");

    assertEquals(
        "-public final class a.B\n-  method public int size()\n", ApiListing.diff(before, after));
  }

  private static void check(Path listing, List<String> current, String bless, String advice)
      throws IOException {
    List<String> committed = Files.exists(listing) ? Files.readAllLines(listing) : List.of();
    String diff = ApiListing.diff(committed, current);
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(listing.getParent());
      Files.write(listing, current);
      System.out.println(
          diff.isEmpty() ? listing + ": no change" : listing + " updated; what changed:\n" + diff);
      return;
    }
    assertTrue(
        diff.isEmpty(),
        () ->
            "The Java API no longer matches "
                + listing
                + ":\n"
                + diff
                + advice
                + "\nIf this is intended, run "
                + bless
                + " and commit "
                + listing
                + ".");
  }
}
