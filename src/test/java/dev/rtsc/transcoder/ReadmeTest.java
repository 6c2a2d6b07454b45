package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadmeTest {

  @Test
  void quickStartSampleIsTheCompiledExample() throws IOException {
    assertReadmeBlockMatches("quickstart", "QuickStart.java");
  }

  @Test
  void fakeServerSampleIsTheCompiledExampleTest() throws IOException {
    assertReadmeBlockMatches("fake-server", "FakeAgoraServerExampleTest.java");
  }

  private static void assertReadmeBlockMatches(String name, String file) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block =
        Pattern.compile("<!-- sample:" + name + "[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
            .matcher(readme);
    assertTrue(block.find(), "README has the " + name + " block");

    String example =
        Files.readString(Path.of("src/examples/java/dev/rtsc/transcoder/examples/" + file));
    Matcher sample =
        Pattern.compile("// sample:start\\n(.*?)\\n\\s*// sample:end", Pattern.DOTALL)
            .matcher(example);
    assertTrue(sample.find(), file + " has sample markers");

    assertEquals(dedent(sample.group(1)), dedent(block.group(1)));
  }

  @Test
  void quickStartSampleIsAtMostFifteenLines() throws IOException {
    String example =
        Files.readString(Path.of("src/examples/java/dev/rtsc/transcoder/examples/QuickStart.java"));
    String sample =
        example.substring(example.indexOf("// sample:start"), example.indexOf("// sample:end"));
    assertTrue(sample.lines().count() <= 15, "sample stays short");
  }

  private static String dedent(String code) {
    return code.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
