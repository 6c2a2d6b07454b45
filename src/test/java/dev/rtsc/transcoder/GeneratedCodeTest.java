package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guards what the templates produce, so a template regression fails the build. */
class GeneratedCodeTest {
  private static final Path GENERATED =
      Path.of("target/generated-sources/openapi/src/main/java/dev/rtsc/transcoder/generated");

  private static List<Path> generatedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(GENERATED)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void theInterfaceAndEveryModelAreGenerated() throws IOException {
    List<String> names =
        generatedFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());

    assertEquals(
        List.of(
            "CloudTranscoderApi.java",
            "CloudTranscoderService.java",
            "CloudTranscoderTask.java",
            "ErrorResponse.java",
            "ServiceStatus.java",
            "TaskExecution.java",
            "TaskServices.java",
            "TaskStatus.java"),
        names);
  }

  @Test
  void everyGeneratedFileStartsWithTheDoNotEditBanner() throws IOException {
    for (Path file : generatedFiles()) {
      String text = Files.readString(file);
      assertTrue(
          text.startsWith("// GENERATED FROM openapi/cloud-transcoder.yaml"), file + " banner");
      assertTrue(text.contains("DO NOT EDIT"), file + " banner");
    }
  }

  @Test
  void generatedCodeUsesMoshiAndNeitherGsonNorJackson() throws IOException {
    for (Path file : generatedFiles()) {
      String text = Files.readString(file);
      assertFalse(text.contains("com.google.gson"), file + " imports Gson");
      assertFalse(text.contains("jackson"), file + " imports Jackson");
      if (file.toString().contains("/model/") && text.contains("final class")) {
        assertTrue(
            text.contains("import com.squareup.moshi.Json;"), file + " is not a Moshi model");
      }
    }
  }

  @Test
  void everyModelIsReadByItsGeneratedAdapterRatherThanByReflection() throws Exception {
    Moshi moshi = new Moshi.Builder().build();
    int models = 0;
    for (Path file : generatedFiles()) {
      if (!file.toString().contains("/model/") || !Files.readString(file).contains("final class")) {
        continue;
      }
      String name = file.getFileName().toString().replace(".java", "");
      Class<?> model = Class.forName("dev.rtsc.transcoder.generated.model." + name);
      assertEquals(
          "GeneratedJsonAdapter(" + name + ").nullSafe()", moshi.adapter(model).toString(), name);
      models++;
    }
    assertEquals(5, models);
  }

  @Test
  void publicTaskStatusMatchesTheGeneratedEnum() {
    assertEquals(
        names(dev.rtsc.transcoder.generated.model.TaskStatus.values()), names(TaskStatus.values()));
    for (TaskStatus status : TaskStatus.values()) {
      assertEquals(
          dev.rtsc.transcoder.generated.model.TaskStatus.valueOf(status.name()).getValue(),
          status.value());
    }
  }

  @Test
  void publicServiceStatusMatchesTheGeneratedEnum() {
    assertEquals(
        names(dev.rtsc.transcoder.generated.model.ServiceStatus.values()),
        names(ServiceStatus.values()));
    for (ServiceStatus status : ServiceStatus.values()) {
      assertEquals(
          dev.rtsc.transcoder.generated.model.ServiceStatus.valueOf(status.name()).getValue(),
          status.value());
    }
  }

  @Test
  void generatedEnumsFallBackToUnknown() {
    assertEquals(
        dev.rtsc.transcoder.generated.model.TaskStatus.UNKNOWN,
        dev.rtsc.transcoder.generated.model.TaskStatus.fromValue("SOMETHING_NEW"));
    assertEquals(
        dev.rtsc.transcoder.generated.model.ServiceStatus.UNKNOWN,
        dev.rtsc.transcoder.generated.model.ServiceStatus.fromValue(null));
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
  }
}
