package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmarks build against the library's own version and generator, HTTP and JSON stack, so
 * that the three clients differ only in their own code. Fails when the root pom moves on alone.
 */
class VersionsTest {
  @ParameterizedTest
  @CsvSource({
    "version, client.version",
    "openapi-generator.version, openapi-generator.version",
    "okhttp.version, okhttp.version",
    "retrofit.version, retrofit.version",
    "moshi.version, moshi.version",
  })
  void matchesTheRootPom(String rootProperty, String benchmarkProperty) throws IOException {
    assertEquals(
        property(Path.of("../pom.xml"), rootProperty),
        property(Path.of("pom.xml"), benchmarkProperty),
        rootProperty);
  }

  private static String property(Path pom, String name) throws IOException {
    String text = Files.readString(pom);
    if (name.equals("version")) {
      // The project's own version: the first <version> after the artifactId, outside <parent>.
      Matcher matcher =
          Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>").matcher(text);
      matcher.find();
      return matcher.group(1);
    }
    Matcher matcher =
        Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
            .matcher(text);
    if (!matcher.find()) {
      throw new AssertionError(name + " not in " + pom);
    }
    return matcher.group(1);
  }
}
